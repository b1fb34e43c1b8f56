#include "outbox/store.h"

#include "db/id_set.h"
#include "db/rows.h"

namespace trellis::outbox::store {

namespace {

// The rows a server may claim now: due, or claimed by a server that stopped renewing before :stale.
std::string due_condition(const std::string& and_where) {
    return std::string("((status = 'queued' AND next_attempt_at <= :now) OR "
                       "(status = 'sending' AND claimed_at < :stale))") +
           (and_where.empty() ? "" : " AND (" + and_where + ")");
}

} // namespace

bool has_due(soci::session& sql, const char* table, long long now, long long stale_before,
             const std::string& and_where) {
    long long due = 0;
    db::read_one(sql,
                 std::string("SELECT COUNT(*) FROM (SELECT 1 FROM ") + table + " WHERE " +
                     due_condition(and_where) + " LIMIT 1) AS due",
                 soci::into(due), soci::use(now), soci::use(stale_before));
    return due > 0;
}

std::vector<long long> claim_due(soci::session& sql, const char* table, const std::string& worker,
                                 long long now, long long stale_before, int limit,
                                 const std::string& and_where) {
    std::string query = std::string("SELECT id FROM ") + table + " WHERE " + due_condition(and_where) +
                        " ORDER BY id LIMIT :limit";
    if (sql.get_backend_name() == "postgresql")
        query += " FOR UPDATE SKIP LOCKED";
    std::vector<long long> ids;
    long long id = 0;
    auto rows =
        db::run_once(sql, query, soci::into(id), soci::use(now), soci::use(stale_before), soci::use(limit));
    while (rows.fetch())
        ids.push_back(id);
    if (!ids.empty()) {
        const std::string claimed = db::id_set_value(ids);
        sql << std::string("UPDATE ") + table +
                   " SET status = 'sending', claimed_by = :worker, claimed_at = :now, attempts = attempts + "
                   "1 "
                   "WHERE " +
                   db::id_set_condition(sql, "id", "ids"),
            soci::use(worker), soci::use(now), soci::use(claimed);
    }
    return ids;
}

void renew_claims(soci::session& sql, const char* table, const std::string& worker, long long now) {
    sql << std::string("UPDATE ") + table +
               " SET claimed_at = :now WHERE status = 'sending' AND claimed_by = :worker",
        soci::use(now), soci::use(worker);
}

void mark_sent(soci::session& sql, const char* table, const std::vector<long long>& ids, long long now) {
    const std::string sent = db::id_set_value(ids);
    sql << std::string("UPDATE ") + table + " SET status = 'sent', sent_at = :now, last_error = '' WHERE " +
               db::id_set_condition(sql, "id", "ids"),
        soci::use(now), soci::use(sent);
}

void mark_unsent(soci::session& sql, const char* table, const std::vector<long long>& ids,
                 const std::string& error, long long next_attempt_at, bool for_good) {
    const std::string status = for_good ? "failed" : "queued";
    const std::string shortened = error.substr(0, 500);
    const std::string unsent = db::id_set_value(ids);
    sql << std::string("UPDATE ") + table +
               " SET status = :status, last_error = :error, next_attempt_at = :next, claimed_by = '' WHERE " +
               db::id_set_condition(sql, "id", "ids"),
        soci::use(status), soci::use(shortened), soci::use(next_attempt_at), soci::use(unsent);
}

long long attempts_of(soci::session& sql, const char* table, const std::vector<long long>& ids) {
    long long attempts = 0;
    const std::string asked = db::id_set_value(ids);
    sql << std::string("SELECT MAX(attempts) FROM ") + table + " WHERE " +
               db::id_set_condition(sql, "id", "ids"),
        soci::into(attempts), soci::use(asked);
    return attempts;
}

void forget_sent_before(soci::session& sql, const char* table, long long before) {
    sql << std::string("DELETE FROM ") + table + " WHERE status = 'sent' AND sent_at < :before",
        soci::use(before);
}

} // namespace trellis::outbox::store
