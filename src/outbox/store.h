#pragma once

#include <string>
#include <vector>

#include <soci/soci.h>

// The SQL every outbox shares (mail_outbox, xapi_outbox): rows queued with the change that caused
// them, claimed by one server at a time (FOR UPDATE SKIP LOCKED on PostgreSQL), marked sent straight
// after each goes, put back with a later attempt time when the other side is away, failed for good
// when it refuses. Every outbox table has the columns id, status ('queued', 'sending', 'sent',
// 'failed'), attempts, next_attempt_at, claimed_by, claimed_at, sent_at and last_error. `table` is
// always one of ours, never anything a request carries.
namespace trellis::outbox::store {

// Claims up to `limit` rows that are due (or were claimed by a server that stopped before
// `stale_before`), in the caller's transaction. `and_where`, when given, narrows the rows further: a
// condition of the caller's own making (the jobs table's kinds), never anything a request carries.
// Whether claim_due would find a row, asked without locking anything: most looks find nothing, and
// on SQLite a claim takes the database's write lock.
bool has_due(soci::session& sql, const char* table, long long now, long long stale_before,
             const std::string& and_where = "");
std::vector<long long> claim_due(soci::session& sql, const char* table, const std::string& worker,
                                 long long now, long long stale_before, int limit,
                                 const std::string& and_where = "");
// Renews the time on every row this worker has claimed and not finished.
void renew_claims(soci::session& sql, const char* table, const std::string& worker, long long now);
void mark_sent(soci::session& sql, const char* table, const std::vector<long long>& ids, long long now);
// Back to the queue until `next_attempt_at`, or failed for good when `for_good`.
void mark_unsent(soci::session& sql, const char* table, const std::vector<long long>& ids,
                 const std::string& error, long long next_attempt_at, bool for_good);
// Attempts made so far (the most among the rows).
long long attempts_of(soci::session& sql, const char* table, const std::vector<long long>& ids);
// Rows sent before `before` are forgotten.
void forget_sent_before(soci::session& sql, const char* table, long long before);

} // namespace trellis::outbox::store
