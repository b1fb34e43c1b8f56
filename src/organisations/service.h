#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "organisations/model.h"

namespace trellis::organisations {

// Rules for trusts and schools.
class OrganisationService {
  public:
    explicit OrganisationService(db::Database& database) : m_database(database) {}

    // Creates a trust inside the caller's transaction; throws std::invalid_argument naming the
    // field when the slug or name is unusable or the slug is taken.
    long long create_trust(db::Transaction& transaction, const std::string& slug, const std::string& name);
    // Adds a school inside the caller's transaction; throws std::invalid_argument when invalid.
    long long add_school(db::Transaction& transaction, long long trust_id, const std::string& name,
                         const std::string& phase);
    // An administrator adds a school, or renames one of the trust's; throws std::invalid_argument
    // with the reason (an empty or taken name, an unknown phase or school) and saves nothing.
    // Both are written to the audit log against `actor_id`.
    long long add_school(long long trust_id, long long actor_id, const std::string& name,
                         const std::string& phase);
    void rename_school(long long trust_id, long long actor_id, long long school_id, const std::string& name);
    // An administrator sets the fewest people the trust's reports may describe; throws
    // std::invalid_argument, saving nothing, when it is below kFewestReportable or above
    // kMostReportable. Written to the audit log.
    void set_smallest_group(long long trust_id, long long actor_id, int smallest_group);
    // The trust's schools, by name.
    std::vector<School> schools(long long trust_id);
    // The trust with this slug; throws std::invalid_argument if there is none.
    Trust trust_by_slug(const std::string& slug);
    // The trust with this id, if any.
    std::optional<Trust> trust(long long trust_id);
    // True when no trust exists yet, so the first-run setup page is offered.
    bool is_empty();
    // The same, read inside the caller's transaction.
    bool is_empty_in(db::Transaction& transaction);
    // True when a trust with this slug exists.
    bool has_slug(const std::string& slug);
    // True when a trust with this slug exists, read inside the caller's transaction.
    bool has_slug_in(db::Transaction& transaction, const std::string& slug);

  private:
    db::Database& m_database;
};

// True when `slug` is 2–40 characters of lowercase letters, digits and single hyphens.
bool is_valid_slug(const std::string& slug);

} // namespace trellis::organisations
