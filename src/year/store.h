#pragma once

#include <optional>
#include <string>

#include <soci/soci.h>

#include "accounts/model.h"

// The only SQL for calendar subscriptions. Every write names the trust.
namespace trellis::year::store {

// Replaces the person's subscription with one for this token hash.
void replace_feed(soci::session& sql, long long trust_id, long long person_id, const std::string& token_hash);
bool has_feed(soci::session& sql, long long trust_id, long long person_id);
// Who a token hash belongs to, as a signed-in person would be (no one who has left).
std::optional<accounts::Actor> feed_owner(soci::session& sql, const std::string& token_hash);

} // namespace trellis::year::store
