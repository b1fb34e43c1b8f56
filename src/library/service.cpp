#include "library/service.h"

#include <stdexcept>

#include "accounts/secrets.h"
#include "library/files.h"
#include "library/store.h"
#include "text/words.h"

namespace trellis::library {

std::string text_of(OwnerKind kind) {
    return kind == OwnerKind::Offer ? "offer" : "activity";
}

long long Materials::add(long long trust_id, Owner owner, long long uploaded_by, const std::string& filename,
                         const std::string& content) {
    Material material;
    material.trust_id = trust_id;
    material.owner = owner;
    material.uploaded_by = uploaded_by;
    material.filename = clean_filename(filename);
    if (content.empty() || material.filename.empty())
        throw std::invalid_argument("Choose a file to upload.");
    if (content.size() > kMaxMaterialBytes)
        throw std::invalid_argument("\"" + material.filename + "\" is " +
                                    size_label(static_cast<long long>(content.size())) +
                                    "; files can be up to 25 MB.");
    material.content_type = material_type_of(material.filename);
    if (material.content_type.empty())
        throw std::invalid_argument("\"" + material.filename +
                                    "\" is not a type we keep. Upload PDF, PowerPoint (pptx), Word (docx), "
                                    "Excel (xlsx), OpenDocument (odp, odt), PNG, JPEG or plain text files.");
    if (!content_matches_type(extension_of(material.filename), content))
        throw std::invalid_argument("\"" + material.filename +
                                    "\" does not look like the kind of file its name says. Save it again "
                                    "from the program that made it and upload that.");
    material.bytes = static_cast<long long>(content.size());
    material.stored_name = accounts::random_token();
    std::filesystem::create_directories(m_folder);
    const auto path = m_folder / material.stored_name;
    write_durably(path, content);
    try {
        db::Transaction transaction(m_database);
        const long long id = store::insert(transaction.session(), material);
        transaction.commit();
        return id;
    } catch (...) {
        std::filesystem::remove(path);
        throw;
    }
}

std::vector<Material> Materials::of(long long trust_id, Owner owner) {
    db::Database::Lease session(m_database);
    return store::of_owner(*session, trust_id, owner);
}

std::optional<Material> Materials::find(long long trust_id, long long material_id) {
    db::Database::Lease session(m_database);
    return store::find(*session, trust_id, material_id);
}

std::map<long long, int> Materials::counts(long long trust_id, OwnerKind kind) {
    db::Database::Lease session(m_database);
    return store::counts_by_owner(*session, trust_id, kind);
}

std::vector<WorkshopMaterial> Materials::search_workshops(long long trust_id, const std::string& text) {
    db::Database::Lease session(m_database);
    return store::search_workshops(*session, trust_id, text::trimmed(text));
}

std::string Materials::read(const Material& material) {
    return read_file(m_folder / material.stored_name);
}

void Materials::remove(long long trust_id, const Material& material) {
    db::Transaction transaction(m_database);
    store::remove(transaction.session(), trust_id, material.id);
    transaction.commit();
    // The row is gone first, so nobody is offered a file that no longer exists.
    delete_files({material.stored_name});
}

std::vector<std::string> Materials::forget_owner(soci::session& sql, long long trust_id, Owner owner) {
    return store::forget_owner(sql, trust_id, owner);
}

void Materials::delete_files(const std::vector<std::string>& stored_names) {
    for (const std::string& name : stored_names) {
        std::error_code ignored; // a file already gone is what we wanted
        std::filesystem::remove(m_folder / name, ignored);
    }
}

} // namespace trellis::library
