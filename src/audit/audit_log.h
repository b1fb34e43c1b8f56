#pragma once

#include "audit/store.h"
#include "db/database.h"

namespace trellis::audit {

// One page of the trust's audit log, newest first.
struct AuditPage {
    std::vector<store::AuditEvent> events;
    long long total = 0;
    int page = 1;
    int pages = 1;
};

// Reads the audit log for the administrator's page. Writing is done by each change, inside its own
// transaction, through audit::store::record.
class AuditLog {
  public:
    explicit AuditLog(db::Database& database) : m_database(database) {}

    static constexpr int kPageSize = 100;
    AuditPage page(long long trust_id, int page);

  private:
    db::Database& m_database;
};

} // namespace trellis::audit
