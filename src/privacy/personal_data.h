#pragma once

#include <string>

#include "db/database.h"

namespace trellis::privacy {

// What Trellis holds about one person: everything, for them to see (a subject access request), and
// its erasure at an administrator's hand, keeping only figures that name nobody.
class PersonalData {
  public:
    explicit PersonalData(db::Database& database) : m_database(database) {}

    // Everything held about the person, as indented JSON, table by table.
    std::string export_json(long long trust_id, long long person_id);
    // Erases the person's data in one transaction and records it in the audit log. Throws
    // std::invalid_argument, erasing nothing, for oneself, an administrator, someone already erased
    // or someone not in the trust.
    void erase(long long trust_id, long long actor_id, long long person_id);

  private:
    db::Database& m_database;
};

} // namespace trellis::privacy
