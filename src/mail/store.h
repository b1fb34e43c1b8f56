#pragma once

#include <string>
#include <vector>

#include <soci/soci.h>

#include "mail/model.h"

// The only SQL for the outbox, opt-outs and digests. Reads for a trust name the trust.
namespace trellis::mail::store {

// Queues an email for each notice with this link written at `written_at` or later that has none yet,
// for people still on the staff who have not turned this kind off. Those who take a daily digest wait
// for `digest_at`. Called in the transaction that wrote the notices.
void queue_notices(soci::session& sql, long long trust_id, const std::string& link, long long written_at,
                   long long digest_at);

// Queues a calendar invitation unless this version of it was queued before, or the person has left
// or turned its kind off; true when queued.
bool queue_invitation(soci::session& sql, const InvitationEmail& invitation, long long now);

// Claims up to `limit` emails that are due (or were claimed by a server that stopped before
// `stale_before`), in one transaction: on PostgreSQL rows another server holds are skipped.
std::vector<long long> claim_due(soci::session& sql, const std::string& worker, long long now,
                                 long long stale_before, int limit);
// What the claimed rows hold, grouped into emails: a digest person's rows make one.
std::vector<Outgoing> outgoing(soci::session& sql, const std::vector<long long>& ids);
// Renews the time on every email this worker has claimed and not finished.
void renew_claims(soci::session& sql, const std::string& worker, long long now);
void mark_sent(soci::session& sql, const std::vector<long long>& ids, long long now);
// Back to the queue until `next_attempt_at`, or failed for good when `for_good`.
void mark_unsent(soci::session& sql, const std::vector<long long>& ids, const std::string& error,
                 long long next_attempt_at, bool for_good);
// Attempts made so far (the most among the rows).
long long attempts_of(soci::session& sql, const std::vector<long long>& ids);

OutboxSummary summary(soci::session& sql, long long trust_id, int failures_shown);

std::vector<std::string> kinds_turned_off(soci::session& sql, long long trust_id, long long person_id);
void set_kind(soci::session& sql, long long trust_id, long long person_id, const std::string& kind, bool on);
bool takes_digest(soci::session& sql, long long trust_id, long long person_id);
void set_digest(soci::session& sql, long long trust_id, long long person_id, bool digest);
// Emails sent more than a month ago are forgotten.
void forget_sent_before(soci::session& sql, long long before);

} // namespace trellis::mail::store
