#include "library/service.h"

#include <stdexcept>

#include "accounts/secrets.h"
#include "library/file_text.h"
#include "library/files.h"
#include "library/item_store.h"
#include "library/store.h"
#include "storage/keys.h"

namespace trellis::library {

std::string text_of(OwnerKind kind) {
    return kind == OwnerKind::Offer ? "offer" : "activity";
}

std::string text_of(ItemKind kind) {
    return kind == ItemKind::Link ? "link" : kind == ItemKind::Material ? "material" : "file";
}

long long Materials::add(long long trust_id, Owner owner, long long uploaded_by, const std::string& filename,
                         const std::string& content, const Use& use) {
    const CheckedFile checked = check_upload(filename, content);
    Material material;
    material.trust_id = trust_id;
    material.owner = owner;
    material.uploaded_by = uploaded_by;
    material.filename = checked.filename;
    material.content_type = checked.content_type;
    material.bytes = static_cast<long long>(content.size());
    material.stored_name = storage::stored_name(trust_id, accounts::random_token());
    const std::string words = searchable_text(material.filename, content);
    const std::string key = storage::key_of(storage::kMaterials, material.stored_name);
    m_files.put(key, content);
    try {
        db::Transaction transaction(m_database);
        material.id = store::insert(transaction.session(), material);
        index_material(transaction.session(), material, use, words);
        transaction.commit();
        return material.id;
    } catch (...) {
        storage::remove_quietly(m_files, key); // the upload failed as a whole: its file goes too
        throw;
    }
}

void Materials::index_material(soci::session& sql, const Material& material, const Use& use,
                               const std::string& words) {
    Item item;
    item.trust_id = material.trust_id;
    item.school_id = use.school_id;
    item.kind = ItemKind::Material;
    item.material_id = material.id;
    item.title = material.filename;
    item.link = use.download + "/" + std::to_string(material.id) + "/download";
    item.filename = material.filename;
    item.content_type = material.content_type;
    item.bytes = material.bytes;
    item.body = words;
    item.used_in_kind = text_of(material.owner.kind);
    item.used_in_id = material.owner.id;
    item.used_in_title = use.title;
    item.used_in_path = use.path;
    item.added_by = material.uploaded_by;
    item.added_at = material.uploaded_at;
    item_store::insert(sql, item);
}

std::vector<Material> Materials::of(long long trust_id, Owner owner) {
    db::Database::Lease session(m_database);
    return store::of_owner(*session, trust_id, owner);
}

std::optional<Material> Materials::find(long long trust_id, long long material_id) {
    db::Database::Lease session(m_database);
    return store::find(*session, trust_id, material_id);
}

std::map<long long, int> Materials::counts(const accounts::Actor& actor, OwnerKind kind) {
    const auto kept = m_trust_counts.at(actor.trust_id, actor.shared_version, [&] {
        db::Database::Lease session(m_database);
        TrustCounts counts;
        for (const OwnerKind each : {OwnerKind::Offer, OwnerKind::Activity})
            counts.at(static_cast<std::size_t>(each)) =
                store::counts_by_owner(*session, actor.trust_id, each);
        return counts;
    });
    return kept->at(static_cast<std::size_t>(kind));
}

std::string Materials::read(const Material& material) {
    return m_files.get(storage::key_of(storage::kMaterials, material.stored_name));
}

void Materials::remove(long long trust_id, const Material& material) {
    {
        db::Transaction transaction(m_database);
        item_store::forget_materials(transaction.session(), trust_id, {material.id});
        store::remove(transaction.session(), trust_id, material.id);
        transaction.commit();
    }
    // The row is gone first, so nobody is offered a file that no longer exists; the connection is
    // given back before the files go (on S3, a request each).
    delete_files({material.stored_name});
}

std::vector<std::string> Materials::forget_owner(soci::session& sql, long long trust_id, Owner owner) {
    std::vector<long long> ids;
    for (const Material& material : store::of_owner(sql, trust_id, owner))
        ids.push_back(material.id);
    item_store::forget_materials(sql, trust_id, ids);
    return store::forget_owner(sql, trust_id, owner);
}

void Materials::delete_files(const std::vector<std::string>& stored_names) {
    for (const std::string& name : stored_names)
        storage::remove_quietly(m_files, storage::key_of(storage::kMaterials, name));
}

} // namespace trellis::library
