#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "accounts/kept_keys.h"
#include "accounts/model.h"
#include "db/database.h"
#include "openid/id_token.h"
#include "openid/model.h"

// Signing in with a trust's Microsoft or Google accounts: the authorization code flow with PKCE,
// state and nonce. What is under way is kept in the database (any server may finish it); the
// providers' discovery documents and keys are cached here, as any server may fetch them again.
namespace trellis::openid {

// The person is signed in: open their session and go on to `next_path`.
struct SignedIn {
    long long trust_id = 0;
    long long person_id = 0;
    std::string next_path;
};
// Not signed in, with a message for the person (the log has the detail).
struct NotSignedIn {
    std::string message;
};
using Outcome = std::variant<SignedIn, NotSignedIn>;

// Where the sign-in goes next: the provider's page, and the state the browser must bring back.
struct Departure {
    std::string authorize_url;
    std::string state;
};

// The administrator's form, as typed.
struct ProviderForm {
    std::string kind, tenant, allowed_tenants, hosted_domain, email_domains, client_id, client_secret,
        authority;
};

class OpenIdService {
  public:
    // Client secrets are kept sealed by `secrets`.
    OpenIdService(db::Database& database, const accounts::SecretBox& secrets, std::string public_url,
                  std::chrono::milliseconds timeout)
        : m_database(database), m_secrets(secrets), m_redirect_uri(public_url + "/sign-in/openid/callback"),
          m_timeout(timeout) {}

    // The buttons for the sign-in page: each trust's providers.
    std::vector<SignInChoice> sign_in_choices();
    // Starts signing in at the trust's provider; a message for the person when it cannot (no such
    // provider, or the provider cannot be reached).
    std::variant<Departure, NotSignedIn> begin(long long trust_id, ProviderKind kind,
                                               const std::string& next_path);
    // Finishes what `begin` started, from what the provider sent back to the callback. `browser_state`
    // is the state kept in the browser's cookie: a callback from another browser is refused.
    Outcome finish(const std::string& state, const std::string& browser_state, const std::string& code,
                   const std::string& provider_error);

    // True when the trust's people may sign in with a password: unless the trust turned it off while
    // it has a provider (so a trust is never left with no way in).
    bool password_sign_in_allowed(long long trust_id);

    // The administrator's settings page.
    std::vector<ProviderSettings> providers(const accounts::Actor& actor);
    bool password_sign_in_setting(const accounts::Actor& actor);
    // Saves a provider (a blank secret keeps the one saved); throws std::invalid_argument with a message.
    void save_provider(const accounts::Actor& actor, const ProviderForm& form);
    void remove_provider(const accounts::Actor& actor, ProviderKind kind);
    // Throws std::invalid_argument when turning passwords off would leave no way in.
    void set_password_sign_in(const accounts::Actor& actor, bool allowed);

    const std::string& redirect_uri() const { return m_redirect_uri; }

  private:
    struct Metadata {
        std::string issuer, authorization_endpoint, token_endpoint, jwks_uri;
    };
    struct CachedKeys {
        nlohmann::json jwks;
        std::chrono::steady_clock::time_point fetched_at;
    };
    Metadata metadata(const std::string& authority);
    nlohmann::json keys_for(const std::string& jwks_uri, const std::string& kid);
    std::string token_from(const ProviderSettings& provider, const Metadata& where, const std::string& code,
                           const std::string& verifier);
    Outcome person_for(const ProviderSettings& provider, const Identity& identity,
                       const std::string& next_path);

    db::Database& m_database;
    const accounts::SecretBox& m_secrets;
    std::string m_redirect_uri;
    std::chrono::milliseconds m_timeout;
    std::mutex m_cache_lock;
    std::map<std::string, std::pair<Metadata, std::chrono::steady_clock::time_point>> m_metadata;
    std::map<std::string, CachedKeys> m_keys;
};

} // namespace trellis::openid
