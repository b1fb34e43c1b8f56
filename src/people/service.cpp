#include "people/service.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>
#include <stdexcept>

#include "audit/store.h"
#include "people/staff_csv.h"
#include "people/staff_import.h"
#include "people/store.h"
#include "text/words.h"

namespace trellis::people {

struct PeopleService::CheckedFile {
    StaffFile file;
    long long to_create = 0;
    std::vector<Person> not_in_file;
};

namespace {

// People still here in the schools a file covers whom it does not list: perhaps leavers.
std::vector<Person> missing_from(soci::session& sql, long long trust_id, const StaffFile& file) {
    std::set<std::string> emails;
    std::set<long long> schools;
    for (const StaffRow& row : file.rows) {
        emails.insert(row.email);
        schools.insert(row.school_id);
    }
    std::vector<Person> missing;
    store::for_each_person(sql, trust_id, [&](const Person& person) {
        if (!person.has_left() && person.role == Role::Staff && schools.count(person.school_id) &&
            !emails.count(person.email))
            missing.push_back(person);
    });
    return missing;
}

} // namespace

PeopleService::CheckedFile PeopleService::check_file(long long trust_id, const std::string& content) {
    CheckedFile checked;
    checked.file = read_staff_file(content, m_organisations.schools(trust_id));
    std::vector<std::string> emails;
    emails.reserve(checked.file.rows.size());
    for (const StaffRow& row : checked.file.rows)
        emails.push_back(row.email);
    auto session = m_database.lease();
    checked.to_create = check_email_owners(checked.file, store::owners_of_emails(*session, emails), trust_id);
    checked.not_in_file = missing_from(*session, trust_id, checked.file);
    return checked;
}

DirectoryPage PeopleService::directory(long long trust_id, DirectoryQuery query) {
    query.page = std::max(1, query.page);
    query.page_size = std::clamp(query.page_size, 0, 200);
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
    if (!store::owners_of_emails(transaction.session(), {person.email}).empty())
        throw std::invalid_argument(person.email + " is already registered.");
    return store::insert_person(transaction.session(), person, password_hash);
}

namespace {

std::string checked_name(const std::string& typed, const std::string& field) {
    std::string name = text::trimmed(typed);
    if (name.empty() || name.size() > 100)
        throw std::invalid_argument("Give a " + field + " of up to 100 characters.");
    return name;
}

} // namespace

Person PeopleService::update_person(long long trust_id, long long editor_id, long long person_id,
                                    const PersonEdit& edit) {
    Person changed;
    changed.trust_id = trust_id;
    changed.id = person_id;
    changed.first_name = checked_name(edit.first_name, "first name");
    changed.last_name = checked_name(edit.last_name, "last name");
    changed.email = text::lowered(text::trimmed(edit.email));
    if (!is_plausible_email(changed.email))
        throw std::invalid_argument("'" + changed.email + "' is not a valid email address.");
    const auto group = staff_group_from_text(edit.staff_group);
    if (!group)
        throw std::invalid_argument("Choose one of the staff groups listed.");
    changed.staff_group = *group;
    const auto role = role_from_text(edit.role);
    if (!role)
        throw std::invalid_argument("Choose one of the roles listed.");
    changed.role = *role;
    changed.job_title = text::trimmed(edit.job_title);
    if (changed.job_title.size() > 200)
        throw std::invalid_argument("Keep the job title to 200 characters.");
    if (edit.school_id != "0") {
        const auto schools = m_organisations.schools(trust_id);
        const auto school = std::find_if(schools.begin(), schools.end(), [&](const organisations::School& s) {
            return std::to_string(s.id) == edit.school_id;
        });
        if (school == schools.end())
            throw std::invalid_argument("Choose one of the trust's schools, or the central team.");
        changed.school_id = school->id;
    }
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    const auto current = store::find_person(sql, trust_id, person_id);
    if (!current)
        throw std::invalid_argument("There is no such person.");
    if (current->erased_at != 0)
        throw std::invalid_argument("This person's data is erased: their record cannot be edited.");
    if (person_id == editor_id && current->role == Role::Admin && changed.role != Role::Admin)
        throw std::invalid_argument(
            "You cannot take away your own administrator role: ask another administrator.");
    const auto owners = store::owners_of_emails(sql, {changed.email});
    if (changed.email != current->email && !owners.empty())
        throw std::invalid_argument(changed.email + " is already someone else's email address.");
    store::update_person(sql, changed);
    if (changed.role != current->role)
        audit::store::record(sql, trust_id, editor_id, "role_changed",
                             "Changed " + current->full_name() + "'s role from " + label_of(current->role) +
                                 " to " + label_of(changed.role));
    if (changed.full_name() != current->full_name() || changed.email != current->email ||
        changed.school_id != current->school_id || changed.staff_group != current->staff_group ||
        changed.job_title != current->job_title)
        audit::store::record(
            sql, trust_id, editor_id, "person_edited",
            "Edited the details of " + changed.full_name() +
                (changed.email != current->email ? " (email was " + current->email + ")" : ""));
    transaction.commit();
    changed.left_at = current->left_at;
    return changed;
}

void PeopleService::set_left(long long trust_id, long long editor_id, long long person_id, bool left) {
    if (person_id == editor_id)
        throw std::invalid_argument("You cannot mark yourself as having left: ask another administrator.");
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    const auto person = store::find_person(sql, trust_id, person_id);
    if (!person)
        throw std::invalid_argument("There is no such person.");
    store::set_left_at(sql, trust_id, person_id, left ? db::now_seconds() : 0);
    audit::store::record(sql, trust_id, editor_id, left ? "leaver_recorded" : "leaver_returned",
                         left ? "Recorded that " + person->full_name() + " has left"
                              : "Recorded that " + person->full_name() + " is back");
    transaction.commit();
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

namespace {

std::string megabytes(std::size_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return text;
}

} // namespace

ImportSummary PeopleService::preview_import(long long trust_id, long long created_by,
                                            const std::string& filename, const std::string& content) {
    const std::string limits = "A staff file can be at most " + megabytes(kMaxImportBytes) + " and " +
                               std::to_string(kMaxImportRows / 1000) +
                               ",000 people: split it, for example by school, and import each part.";
    if (content.size() > kMaxImportBytes)
        throw std::invalid_argument("This file is " + megabytes(content.size()) + ". " + limits);
    CheckedFile checked = check_file(trust_id, content);
    if (checked.file.rows.size() > kMaxImportRows)
        throw std::invalid_argument("This file has " + std::to_string(checked.file.rows.size()) +
                                    " people. " + limits);
    ImportSummary summary;
    summary.filename = filename;
    summary.status = "previewed";
    fill_from_check(summary, static_cast<long long>(checked.file.rows.size()), checked.to_create,
                    std::move(checked.file.problems));
    summary.not_in_file = std::move(checked.not_in_file);
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
        summary.not_in_file = std::move(checked.not_in_file);
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

    // One transaction: all or nothing. The row cap bounds it (20,000 rows commit in about 0.4 s on
    // SQLite; see bench/people/import.sh), so others' saves wait at most that long.
    db::Transaction transaction(m_database);
    store::StaffWriter writer(transaction.session(), trust_id);
    if (progress)
        progress(0, total);
    for (long long i = 0; i < total; ++i) {
        writer.write(checked.file.rows[static_cast<std::size_t>(i)]);
        if (progress && ((i + 1) % 250 == 0 || i + 1 == total))
            progress(i + 1, total);
    }
    store::mark_import_committed(transaction.session(), trust_id, import_id, checked.to_create,
                                 total - checked.to_create);
    audit::store::record(transaction.session(), trust_id, stored->created_by, "staff_imported",
                         "Imported " + stored->filename + ": " + std::to_string(checked.to_create) +
                             " new, " + std::to_string(total - checked.to_create) + " updated");
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
        if (person.has_left())
            return; // the export is of staff still here, in the form an import reads
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
