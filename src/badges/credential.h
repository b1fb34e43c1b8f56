#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "badges/signing_key.h"

// A certificate of completion as a portable Open Badges 3.0 credential (an OpenBadgeCredential),
// signed as a VC-JWT: the credential is the token's payload, with the registered claims iss, jti and
// nbf taken from it, and the header names the algorithm (EdDSA) and carries the public key. Anyone
// can check it against the key published at /badges/keys.
namespace trellis::badges {

// What a certificate says, and where this service is reached.
struct Achievement {
    std::string code;        // the certificate's verification code
    std::string person_name; // the holder, as on the certificate
    std::string module_title;
    std::string module_slug;
    std::string trust_name;
    long long trust_id = 0;
    long long issued_at = 0; // seconds since the epoch
    double hours = 0;
    std::string public_url; // e.g. https://trellis.example.org, no trailing slash
};

// The credential's id: the certificate's public verification page.
std::string credential_id(const Achievement& achievement);
nlohmann::json open_badge_credential(const Achievement& achievement);
// The credential signed as a compact VC-JWT.
std::string signed_credential(const nlohmann::json& credential, const SigningKey& key);
// The credential inside a VC-JWT this service signed, or nullopt when the token is not one: not three
// parts, not EdDSA, not signed by this key, or its claims disagree with the credential.
std::optional<nlohmann::json> checked_credential(const std::string& token, const SigningKey& key);

} // namespace trellis::badges
