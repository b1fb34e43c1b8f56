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

// Claiming, marking and forgetting are outbox::store's, on the table "mail_outbox".
// What the claimed rows hold, grouped into emails: a digest person's rows make one.
std::vector<Outgoing> outgoing(soci::session& sql, const std::vector<long long>& ids);

OutboxSummary summary(soci::session& sql, long long trust_id, int failures_shown);

std::vector<std::string> kinds_turned_off(soci::session& sql, long long trust_id, long long person_id);
void set_kind(soci::session& sql, long long trust_id, long long person_id, const std::string& kind, bool on);
bool takes_digest(soci::session& sql, long long trust_id, long long person_id);
void set_digest(soci::session& sql, long long trust_id, long long person_id, bool digest);

} // namespace trellis::mail::store
