#include "audit/store.h"

#include "db/database.h"
#include "db/rows.h"

namespace trellis::audit::store {

namespace {

constexpr const char* kRecord = "INSERT INTO audit_events (trust_id, actor_id, action, summary, at) "
                                "VALUES (:trust, :actor, :action, :summary, :at)";
constexpr const char* kRecent =
    "SELECT e.id, COALESCE(e.actor_id, 0), COALESCE(p.first_name || ' ' || p.last_name, ''), e.action, "
    "e.summary, e.at FROM audit_events e LEFT JOIN people p ON p.id = e.actor_id AND p.trust_id = e.trust_id "
    "WHERE e.trust_id = :trust ORDER BY e.at DESC, e.id DESC LIMIT :limit OFFSET :offset";
constexpr const char* kCount = "SELECT COUNT(*) FROM audit_events WHERE trust_id = :trust";

struct EventColumns {
    AuditEvent event;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(event.id));
        statement.exchange(soci::into(event.actor_id));
        statement.exchange(soci::into(event.actor_name));
        statement.exchange(soci::into(event.action));
        statement.exchange(soci::into(event.summary));
        statement.exchange(soci::into(event.at));
    }
    AuditEvent fetched() const { return event; }
};

} // namespace

void record(soci::session& sql, long long trust_id, long long actor_id, const std::string& action,
            const std::string& summary) {
    const long long now = db::now_seconds();
    long long actor = actor_id;
    soci::indicator actor_indicator = actor_id ? soci::i_ok : soci::i_null;
    sql << kRecord, soci::use(trust_id), soci::use(actor, actor_indicator), soci::use(action),
        soci::use(summary), soci::use(now);
}

std::vector<AuditEvent> recent(soci::session& sql, long long trust_id, int limit, int offset) {
    std::vector<AuditEvent> events;
    EventColumns columns;
    db::fetch_rows(
        sql, kRecent, columns,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(limit));
            statement.exchange(soci::use(offset));
        },
        [&](const AuditEvent& event) { events.push_back(event); });
    return events;
}

long long count(soci::session& sql, long long trust_id) {
    long long total = 0;
    db::read_one(sql, kCount, soci::use(trust_id), soci::into(total));
    return total;
}

} // namespace trellis::audit::store
