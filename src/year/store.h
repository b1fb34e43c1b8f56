#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "accounts/model.h"
#include "year/invitations.h"

// The only SQL for calendar subscriptions and the invitations sent by email. Every query names the
// trust.
namespace trellis::year::store {

// Replaces the person's subscription with one for this token hash.
void replace_feed(soci::session& sql, long long trust_id, long long person_id, const std::string& token_hash);
// The person's subscription, if they have one, as a read of a db::PersonBatch (a row, or none).
extern const char* const kFeedRows;
// Who a token hash belongs to, as a signed-in person would be (no one who has left).
std::optional<accounts::Actor> feed_owner(soci::session& sql, const std::string& token_hash);

// Every invitation the person has been sent, as last sent.
std::vector<SentInvitation> sent_invitations(soci::session& sql, long long trust_id, long long person_id);
// Keeps the change as what was last sent; false when another server kept this version first (it
// sends the email, not this one).
bool keep_sent(soci::session& sql, long long trust_id, long long person_id, const InvitationChange& change,
               long long now);

} // namespace trellis::year::store
