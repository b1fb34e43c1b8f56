#include "people/service.h"

#include <algorithm>

#include "people/staff_csv.h"
#include "people/staff_import.h"
#include "people/store.h"

namespace trellis::people {

struct PeopleService::CheckedFile {
    StaffFile file;
    long long to_create = 0;
};

PeopleService::CheckedFile PeopleService::check_file(long long trust_id, const std::string& content) {
    CheckedFile checked;
    checked.file = read_staff_file(content, m_organisations.schools(trust_id));
    std::vector<std::string> emails;
    emails.reserve(checked.file.rows.size());
    for (const StaffRow& row : checked.file.rows)
        emails.push_back(row.email);
    auto session = m_database.lease();
    checked.to_create = check_email_owners(checked.file, store::owners_of_emails(*session, emails), trust_id);
    return checked;
}

DirectoryPage PeopleService::directory(long long trust_id, DirectoryQuery query) {
    query.page = std::max(1, query.page);
    query.page_size = std::clamp(query.page_size, 1, 200);
    auto session = m_database.lease();
    return store::search(*session, trust_id, query);
}

std::optional<Person> PeopleService::person(long long trust_id, long long person_id) {
    auto session = m_database.lease();
    return store::find_person(*session, trust_id, person_id);
}

long long PeopleService::add_person(db::Transaction& transaction, const Person& person,
                                    const std::string& password_hash) {
    if (!is_plausible_email(person.email))
        throw std::invalid_argument("'" + person.email + "' is not a valid email address.");
    if (person.first_name.empty() || person.last_name.empty())
        throw std::invalid_argument("A first name and a last name are both needed.");
    if (store::find_credentials(transaction.session(), person.email))
        throw std::invalid_argument(person.email + " is already registered.");
    return store::insert_person(transaction.session(), person, password_hash);
}

std::optional<store::Credentials> PeopleService::credentials(const std::string& email) {
    auto session = m_database.lease();
    return store::find_credentials(*session, email);
}

std::string PeopleService::password_hash(long long trust_id, long long person_id) {
    auto session = m_database.lease();
    return store::password_hash_of(*session, trust_id, person_id);
}

void PeopleService::set_password_hash(db::Transaction& transaction, long long trust_id, long long person_id,
                                      const std::string& hash) {
    store::set_password_hash(transaction.session(), trust_id, person_id, hash);
}

long long PeopleService::first_admin(long long trust_id) {
    auto session = m_database.lease();
    auto admin = store::first_admin(*session, trust_id);
    if (!admin)
        throw std::invalid_argument("This organisation has no administrator to record the import against.");
    return *admin;
}

namespace {

// What a checked file would do, for the preview page and the commit's answer.
void fill_from_check(ImportSummary& summary, long long rows, long long to_create,
                     std::vector<ImportProblem> problems) {
    summary.rows = rows;
    summary.to_create = to_create;
    summary.to_update = rows - to_create;
    summary.problems = std::move(problems);
}

ImportSummary summary_of_stored(const store::StoredImport& stored) {
    ImportSummary summary;
    summary.import_id = stored.id;
    summary.filename = stored.filename;
    summary.status = stored.status;
    if (stored.status == "committed")
        fill_from_check(summary, stored.rows_total, stored.rows_created, {});
    return summary;
}

} // namespace

ImportSummary PeopleService::preview_import(long long trust_id, long long created_by,
                                            const std::string& filename, const std::string& content) {
    CheckedFile checked = check_file(trust_id, content);
    ImportSummary summary;
    summary.filename = filename;
    summary.status = "previewed";
    fill_from_check(summary, static_cast<long long>(checked.file.rows.size()), checked.to_create,
                    std::move(checked.file.problems));
    db::Transaction transaction(m_database);
    summary.import_id =
        store::insert_import(transaction.session(), trust_id, created_by, filename, content, summary.rows);
    transaction.commit();
    return summary;
}

bool PeopleService::import_exists(long long trust_id, long long import_id) {
    auto session = m_database.lease();
    return store::import_status(*session, trust_id, import_id).has_value();
}

std::optional<store::StoredImport> PeopleService::stored_import(long long trust_id, long long import_id) {
    auto session = m_database.lease();
    return store::find_import(*session, trust_id, import_id);
}

std::optional<ImportSummary> PeopleService::import_summary(long long trust_id, long long import_id) {
    auto stored = stored_import(trust_id, import_id);
    if (!stored)
        return std::nullopt;
    ImportSummary summary = summary_of_stored(*stored);
    if (summary.status != "committed") {
        CheckedFile checked = check_file(trust_id, stored->content);
        fill_from_check(summary, static_cast<long long>(checked.file.rows.size()), checked.to_create,
                        std::move(checked.file.problems));
    }
    return summary;
}

ImportSummary PeopleService::commit_import(long long trust_id, long long import_id,
                                           const ProgressCallback& progress) {
    auto stored = stored_import(trust_id, import_id);
    if (!stored)
        throw std::invalid_argument("There is no such import.");
    ImportSummary summary = summary_of_stored(*stored);
    if (summary.status == "committed")
        return summary;
    // Checked again now, not trusted from the preview: people may have moved in the meantime.
    CheckedFile checked = check_file(trust_id, stored->content);
    const long long total = static_cast<long long>(checked.file.rows.size());
    if (!checked.file.problems.empty()) {
        fill_from_check(summary, total, checked.to_create, std::move(checked.file.problems));
        throw ImportRejected(summary);
    }

    db::Transaction transaction(m_database);
    store::StaffWriter writer(transaction.session(), trust_id);
    if (progress)
        progress(0, total);
    for (long long i = 0; i < total; ++i) {
        writer.write(checked.file.rows[i]);
        if (progress && ((i + 1) % 250 == 0 || i + 1 == total))
            progress(i + 1, total);
    }
    store::mark_import_committed(transaction.session(), trust_id, import_id, checked.to_create,
                                 total - checked.to_create);
    transaction.commit();
    summary.status = "committed";
    fill_from_check(summary, total, checked.to_create, {});
    return summary;
}

std::vector<Person> PeopleService::leads(long long trust_id) {
    auto session = m_database.lease();
    return store::leads_of(*session, trust_id);
}

std::string PeopleService::export_csv(long long trust_id) {
    std::string out = "email,first_name,last_name,school,staff_group,job_title,phase,subjects\r\n";
    auto session = m_database.lease();
    store::for_each_person(*session, trust_id, [&](const Person& person) {
        const std::string fields[] = {person.email,
                                      person.first_name,
                                      person.last_name,
                                      person.school_id ? person.school_name : "Central team",
                                      text_of(person.staff_group),
                                      person.job_title,
                                      person.phase,
                                      person.subjects};
        for (std::size_t i = 0; i < std::size(fields); ++i)
            out += (i ? "," : "") + csv_field(fields[i]);
        out += "\r\n";
    });
    return out;
}

} // namespace trellis::people
