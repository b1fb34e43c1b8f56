#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "people/model.h"

// The only SQL for the people and staff_imports tables. Every function that reads or writes a
// trust's people takes the trust id and names it in its query.
namespace trellis::people::store {

struct Credentials {
    long long person_id = 0;
    long long trust_id = 0;
    std::string password_hash;
};

// Inserts one person and returns the id.
long long insert_person(soci::session& sql, const Person& person, const std::string& password_hash);
// The person with this id in this trust, if any.
std::optional<Person> find_person(soci::session& sql, long long trust_id, long long person_id);
// A current member of staff of the trust by their email address (as normalised_email gives it).
std::optional<Person> find_colleague(soci::session& sql, long long trust_id, const std::string& email);
// Writes an administrator's change: names, email, school, staff group, job title and role.
void update_person(soci::session& sql, const Person& person);
// Marks the person as having left at this time, or (0) as still here.
void set_left_at(soci::session& sql, long long trust_id, long long person_id, long long left_at);
// The sign-in record for an email address (any trust: emails are unique across the service); none
// for someone who has left.
std::optional<Credentials> find_credentials(soci::session& sql, const std::string& email);
// The password hash of a person in a trust ("" when none is set).
std::string password_hash_of(soci::session& sql, long long trust_id, long long person_id);
// Replaces a person's password hash.
void set_password_hash(soci::session& sql, long long trust_id, long long person_id, const std::string& hash);
// One page of the trust's directory matching the query, ordered by last then first name.
DirectoryPage search(soci::session& sql, long long trust_id, const DirectoryQuery& query);
// Calls `visit` for every person in the trust, leavers included, ordered by school then name.
void for_each_person(soci::session& sql, long long trust_id, const std::function<void(const Person&)>& visit);
// How many of the trust's current staff share a school, staff group and phase of their own ("" for
// those whose phase is their school's): enough to size an audience without reading every person.
struct StaffCount {
    long long school_id = 0; // 0: the central team
    StaffGroup staff_group = StaffGroup::Teacher;
    std::string phase;
    int people = 0;
};
std::vector<StaffCount> staff_counts(soci::session& sql, long long trust_id);
// The trust's people who hold a role beyond staff (PD leads and administrators), by name.
std::vector<Person> leads_of(soci::session& sql, long long trust_id);
// For each of these emails that exists anywhere, the trust it belongs to.
std::map<std::string, long long> owners_of_emails(soci::session& sql, const std::vector<std::string>& emails);

// Creates or updates people of one trust by email, reusing one prepared statement.
class StaffWriter {
  public:
    StaffWriter(soci::session& sql, long long trust_id);
    // Writes one row; a person of another trust with the same email is left untouched.
    void write(const StaffRow& row);

  private:
    long long m_trust_id;
    long long m_now;
    StaffRow m_row;
    std::string m_group;
    std::string m_role = "staff";
    std::string m_empty;
    soci::indicator m_school_indicator = soci::i_ok;
    soci::statement m_statement;
};

// The earliest administrator of the trust, if any.
std::optional<long long> first_admin(soci::session& sql, long long trust_id);

// Stores an uploaded import file and returns its id.
long long insert_import(soci::session& sql, long long trust_id, long long created_by,
                        const std::string& filename, const std::string& content, long long rows);
struct StoredImport {
    long long id = 0;
    long long created_by = 0;
    std::string filename;
    std::string content;
    std::string status;
    long long rows_total = 0;
    long long rows_created = 0;
    long long rows_updated = 0;
};
// The stored import with this id in this trust, if any.
std::optional<StoredImport> find_import(soci::session& sql, long long trust_id, long long import_id);
// The status of the import with this id in this trust, if there is one.
std::optional<std::string> import_status(soci::session& sql, long long trust_id, long long import_id);
// Records that an import was committed, with what it did.
void mark_import_committed(soci::session& sql, long long trust_id, long long import_id, long long created,
                           long long updated);

} // namespace trellis::people::store
