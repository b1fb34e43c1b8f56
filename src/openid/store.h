#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <soci/soci.h>

#include "openid/model.h"

// SQL for providers, linked accounts and sign-ins under way; every read of a trust's rows names the trust.
namespace trellis::openid::store {

std::vector<SignInChoice> sign_in_choices(soci::session& sql);
std::optional<ProviderSettings> find_provider(soci::session& sql, long long trust_id, ProviderKind kind);
std::vector<ProviderSettings> providers_of(soci::session& sql, long long trust_id);
void save_provider(soci::session& sql, const ProviderSettings& settings, long long now);
void remove_provider(soci::session& sql, long long trust_id, ProviderKind kind);

bool password_sign_in(soci::session& sql, long long trust_id);
void set_password_sign_in(soci::session& sql, long long trust_id, bool allowed);

void insert_pending(soci::session& sql, const std::string& state_hash, const PendingSignIn& pending);
// The sign-in begun with this state, removed so that it is taken once; nullopt when there is none.
std::optional<PendingSignIn> take_pending(soci::session& sql, const std::string& state_hash);
void delete_pending_before(soci::session& sql, long long created_before);

// The trust and person an account is linked to.
std::optional<std::pair<long long, long long>> linked_person(soci::session& sql, const std::string& issuer,
                                                             const std::string& subject);
void link(soci::session& sql, const std::string& issuer, const std::string& subject, long long trust_id,
          long long person_id, long long now);
// True while the person is on the trust's staff (has not left).
bool is_current(soci::session& sql, long long trust_id, long long person_id);
// Whether a person of the trust (still on its staff) has this address, and who.
std::optional<long long> current_person_with_email(soci::session& sql, long long trust_id,
                                                   const std::string& email);
// A person's linked accounts: the provider's issuer and when, for their own data.
std::vector<std::pair<std::string, long long>> identities_of(soci::session& sql, long long trust_id,
                                                             long long person_id);

} // namespace trellis::openid::store
