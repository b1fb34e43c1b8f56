#pragma once

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>

#include "db/database.h"
#include "organisations/service.h"
#include "people/model.h"
#include "people/store.h"

namespace trellis::people {

// Reports rows written so far out of the total, for progress bars.
using ProgressCallback = std::function<void(long long done, long long total)>;

// Thrown when an import cannot be committed; carries every problem found.
class ImportRejected : public std::runtime_error {
  public:
    explicit ImportRejected(ImportSummary summary)
        : std::runtime_error("the import has problems"), m_summary(std::move(summary)) {}
    const ImportSummary& summary() const { return m_summary; }

  private:
    ImportSummary m_summary;
};

// The largest staff file accepted, in bytes and in people: a large trust's whole staff fits, and a
// file past either is refused before anything is stored.
constexpr std::size_t kMaxImportBytes = 5 * 1024 * 1024;
constexpr std::size_t kMaxImportRows = 20000;

// Rules for a trust's people: the directory, staff files in and out.
class PeopleService {
  public:
    PeopleService(db::Database& database, organisations::OrganisationService& organisations)
        : m_database(database), m_organisations(organisations) {}

    // One page of the trust's directory.
    DirectoryPage directory(long long trust_id, DirectoryQuery query);
    // The person with this id in this trust, if any.
    std::optional<Person> person(long long trust_id, long long person_id);
    // An administrator's change to a person of their trust; throws std::invalid_argument naming the
    // field, and nothing is saved. An administrator cannot take away their own administrator role.
    Person update_person(long long trust_id, long long editor_id, long long person_id,
                         const PersonEdit& edit);
    // Marks the person as having left (they can no longer sign in; their record and certificates
    // stay) or, with `left` false, as back. Nobody can mark themselves.
    void set_left(long long trust_id, long long editor_id, long long person_id, bool left);
    // The trust's PD leads and administrators, by name (for choosing reviewers).
    std::vector<Person> leads(long long trust_id);
    // Adds one person inside the caller's transaction (setup, demo); throws std::invalid_argument
    // naming the field when something is wrong.
    long long add_person(db::Transaction& transaction, const Person& person,
                         const std::string& password_hash);

    // The sign-in record for an email address, in whichever trust it belongs to.
    std::optional<store::Credentials> credentials(const std::string& email);
    // The person's password hash ("" when they have none yet).
    std::string password_hash(long long trust_id, long long person_id);
    // Replaces the person's password hash inside the caller's transaction.
    void set_password_hash(db::Transaction& transaction, long long trust_id, long long person_id,
                           const std::string& hash);

    // The id of the trust's earliest administrator (who CLI imports are recorded against); throws
    // std::invalid_argument when the trust has none.
    long long first_admin(long long trust_id);

    // Checks an uploaded staff file and keeps it for commit; nothing is written to people. Throws
    // std::invalid_argument, storing nothing, for a file past kMaxImportBytes or kMaxImportRows.
    ImportSummary preview_import(long long trust_id, long long created_by, const std::string& filename,
                                 const std::string& content);
    // True when the import exists in this trust.
    bool import_exists(long long trust_id, long long import_id);
    // What the stored import would do now (or did, once committed); nullopt if not in this trust.
    std::optional<ImportSummary> import_summary(long long trust_id, long long import_id);
    // Writes every row of a stored import in one transaction, or nothing: throws ImportRejected
    // when any row has a problem. Committing twice does nothing the second time.
    ImportSummary commit_import(long long trust_id, long long import_id, const ProgressCallback& progress);

    // Every person of the trust as a CSV file in the import format, so it can be edited and re-imported.
    std::string export_csv(long long trust_id);

  private:
    struct CheckedFile;
    CheckedFile check_file(long long trust_id, const std::string& content);
    std::optional<store::StoredImport> stored_import(long long trust_id, long long import_id);

    db::Database& m_database;
    organisations::OrganisationService& m_organisations;
};

} // namespace trellis::people
