#include "outbox/store.h"

#include "db/rows.h"

namespace trellis::outbox::store {

std::string id_list(const std::vector<long long>& ids) {
    std::string list;
    for (long long id : ids)
        list += (list.empty() ? "" : ",") + std::to_string(id);
    return list;
}

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
    if (!ids.empty())
        sql << std::string("UPDATE ") + table +
                   " SET status = 'sending', claimed_by = :worker, claimed_at = :now, attempts = attempts + "
                   "1 "
                   "WHERE id IN (" +
                   id_list(ids) + ")",
            soci::use(worker), soci::use(now);
    return ids;
}

void renew_claims(soci::session& sql, const char* table, const std::string& worker, long long now) {
    sql << std::string("UPDATE ") + table +
               " SET claimed_at = :now WHERE status = 'sending' AND claimed_by = :worker",
        soci::use(now), soci::use(worker);
}

void mark_sent(soci::session& sql, const char* table, const std::vector<long long>& ids, long long now) {
    sql << std::string("UPDATE ") + table +
               " SET status = 'sent', sent_at = :now, last_error = '' WHERE id IN (" + id_list(ids) + ")",
        soci::use(now);
}

void mark_unsent(soci::session& sql, const char* table, const std::vector<long long>& ids,
                 const std::string& error, long long next_attempt_at, bool for_good) {
    const std::string status = for_good ? "failed" : "queued";
    const std::string shortened = error.substr(0, 500);
    sql << std::string("UPDATE ") + table +
               " SET status = :status, last_error = :error, next_attempt_at = :next, claimed_by = '' "
               "WHERE id IN (" +
               id_list(ids) + ")",
        soci::use(status), soci::use(shortened), soci::use(next_attempt_at);
}

long long attempts_of(soci::session& sql, const char* table, const std::vector<long long>& ids) {
    long long attempts = 0;
    sql << std::string("SELECT MAX(attempts) FROM ") + table + " WHERE id IN (" + id_list(ids) + ")",
        soci::into(attempts);
    return attempts;
}

void forget_sent_before(soci::session& sql, const char* table, long long before) {
    sql << std::string("DELETE FROM ") + table + " WHERE status = 'sent' AND sent_at < :before",
        soci::use(before);
}

} // namespace trellis::outbox::store
