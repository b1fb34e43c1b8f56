#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

// Checking the ID token an OpenID provider hands back at the end of signing in: its signature against
// the provider's published keys (cjose), then what it claims. Pure: the keys and the time are given.
namespace trellis::openid {

// Why a token is not accepted, in words for the log (people see a plainer message).
class Refused : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct Expectations {
    // The provider's issuer. Microsoft's for several tenants holds "{tenantid}", which the token's own
    // tenant ("tid") fills in.
    std::string issuer;
    std::string audience; // our client id
    std::string nonce;    // the one sent when signing in began
    long long now = 0;    // seconds since the epoch
    // Microsoft: the tenants whose people may sign in here (empty for Google).
    std::vector<std::string> allowed_tenants;
    // Google: the Workspace domain the account must belong to ("hd"), empty for Microsoft.
    std::string hosted_domain;
};

// Who the token says signed in. `issuer` and `subject` together name the account for good:
// Microsoft's tenant and object id, Google's issuer and subject; an email address can change hands.
struct Identity {
    std::string issuer;
    std::string subject;
    std::string email; // lower case; "" when the token gives none
    std::string name;
};

// The "kid" of a compact JWS's header, so the caller can fetch keys it does not have yet; nullopt
// when the token is not a JWS at all.
std::optional<std::string> key_id_of(const std::string& token);

// Checks `token` (RS256 only) against the keys of `jwks` ({"keys": [...]}) and the expectations;
// throws Refused with the reason.
Identity verified_identity(const std::string& token, const nlohmann::json& jwks,
                           const Expectations& expected);

} // namespace trellis::openid
