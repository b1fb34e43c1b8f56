#include "audit/audit_log.h"

#include <algorithm>

namespace trellis::audit {

AuditPage AuditLog::page(long long trust_id, int page) {
    auto session = m_database.lease();
    AuditPage result;
    result.total = store::count(*session, trust_id);
    result.pages = static_cast<int>(std::max<long long>(1, (result.total + kPageSize - 1) / kPageSize));
    result.page = std::clamp(page, 1, result.pages);
    result.events = store::recent(*session, trust_id, kPageSize, (result.page - 1) * kPageSize);
    return result;
}

} // namespace trellis::audit
