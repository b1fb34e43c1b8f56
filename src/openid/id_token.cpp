#include "openid/id_token.h"
#include "text/words.h"

#include <cjose/cjose.h>

#include <algorithm>
#include <memory>

namespace trellis::openid {

namespace {

// Tokens and keys may disagree with the server's clock by this much.
constexpr long long kClockSkewSeconds = 60;

using Jws = std::unique_ptr<cjose_jws_t, decltype(&cjose_jws_release)>;
using Jwk = std::unique_ptr<cjose_jwk_t, decltype(&cjose_jwk_release)>;

Jws imported(const std::string& token) {
    cjose_err error{};
    return Jws(cjose_jws_import(token.data(), token.size(), &error), &cjose_jws_release);
}

std::string header_value(cjose_jws_t* jws, const char* name) {
    cjose_err error{};
    const char* value = cjose_header_get(cjose_jws_get_protected(jws), name, &error);
    return value ? value : "";
}

// True when one of the keys (of the token's kid, or every RSA key when it names none) signed it.
bool signed_by_one_of(cjose_jws_t* jws, const nlohmann::json& jwks, const std::string& kid) {
    if (!jwks.contains("keys") || !jwks["keys"].is_array())
        return false;
    for (const auto& key : jwks["keys"]) {
        if (!key.is_object() || key.value("kty", "") != "RSA")
            continue;
        if (!kid.empty() && key.value("kid", "") != kid)
            continue;
        const std::string text = key.dump();
        cjose_err error{};
        Jwk jwk(cjose_jwk_import(text.data(), text.size(), &error), &cjose_jwk_release);
        if (jwk && cjose_jws_verify(jws, jwk.get(), &error))
            return true;
    }
    return false;
}

nlohmann::json claims_of(cjose_jws_t* jws) {
    cjose_err error{};
    std::uint8_t* bytes = nullptr;
    std::size_t length = 0;
    if (!cjose_jws_get_plaintext(jws, &bytes, &length, &error))
        throw Refused("the token has no claims");
    auto claims = nlohmann::json::parse(bytes, bytes + length, nullptr, false);
    if (!claims.is_object())
        throw Refused("the token's claims are not a JSON object");
    return claims;
}

std::string text_claim(const nlohmann::json& claims, const char* name) {
    const auto found = claims.find(name);
    return found != claims.end() && found->is_string() ? found->get<std::string>() : "";
}

long long time_claim(const nlohmann::json& claims, const char* name) {
    const auto found = claims.find(name);
    if (found == claims.end() || !found->is_number())
        throw Refused(std::string("the token has no \"") + name + "\" time");
    return found->get<long long>();
}

void check_audience(const nlohmann::json& claims, const std::string& audience) {
    const auto aud = claims.find("aud");
    bool ours = false;
    if (aud != claims.end() && aud->is_string())
        ours = *aud == audience;
    else if (aud != claims.end() && aud->is_array())
        ours = std::find(aud->begin(), aud->end(), audience) != aud->end() &&
               (aud->size() == 1 || text_claim(claims, "azp") == audience);
    if (!ours)
        throw Refused("the token is for another application (audience " +
                      (aud == claims.end() ? std::string("none") : aud->dump()) + ")");
}

// The issuer the token must name: Microsoft's several-tenant issuer takes the token's own tenant.
std::string expected_issuer(const Expectations& expected, const nlohmann::json& claims) {
    std::string issuer = expected.issuer;
    const auto at = issuer.find("{tenantid}");
    if (at != std::string::npos)
        issuer.replace(at, 10, text_claim(claims, "tid"));
    return issuer;
}

void check_tenant(const nlohmann::json& claims, const Expectations& expected) {
    if (expected.allowed_tenants.empty())
        return;
    const std::string tenant = text_claim(claims, "tid");
    if (std::find(expected.allowed_tenants.begin(), expected.allowed_tenants.end(), tenant) ==
        expected.allowed_tenants.end())
        throw Refused("the token's tenant \"" + tenant + "\" is not one this trust allows");
}

// The address the token vouches for: Google's only when it says it checked it; Microsoft's "email",
// or the sign-in name, which in a school's directory is the address.
std::string email_of(const nlohmann::json& claims, const Expectations& expected) {
    if (!expected.hosted_domain.empty())
        return claims.value("email_verified", false) ? text::lowered(text_claim(claims, "email")) : "";
    std::string email = text_claim(claims, "email");
    if (email.empty())
        email = text_claim(claims, "preferred_username");
    return email.find('@') == std::string::npos ? "" : text::lowered(email);
}

} // namespace

std::optional<std::string> key_id_of(const std::string& token) {
    Jws jws = imported(token);
    if (!jws)
        return std::nullopt;
    return header_value(jws.get(), CJOSE_HDR_KID);
}

Identity verified_identity(const std::string& token, const nlohmann::json& jwks,
                           const Expectations& expected) {
    Jws jws = imported(token);
    if (!jws)
        throw Refused("the token is not a signed JWT");
    const std::string algorithm = header_value(jws.get(), CJOSE_HDR_ALG);
    if (algorithm != "RS256")
        throw Refused("the token is signed with \"" + algorithm + "\", not RS256");
    if (!signed_by_one_of(jws.get(), jwks, header_value(jws.get(), CJOSE_HDR_KID)))
        throw Refused("the token's signature is not the provider's");
    const nlohmann::json claims = claims_of(jws.get());
    const std::string issuer = text_claim(claims, "iss");
    if (issuer.empty() || issuer != expected_issuer(expected, claims))
        throw Refused("the token's issuer \"" + issuer + "\" is not the provider's");
    check_tenant(claims, expected);
    check_audience(claims, expected.audience);
    if (time_claim(claims, "exp") + kClockSkewSeconds < expected.now)
        throw Refused("the token has expired");
    if (time_claim(claims, "iat") - kClockSkewSeconds > expected.now)
        throw Refused("the token was issued in the future");
    if (expected.nonce.empty() || text_claim(claims, "nonce") != expected.nonce)
        throw Refused("the token's nonce is not the one this sign-in sent");
    if (!expected.hosted_domain.empty() && text_claim(claims, "hd") != expected.hosted_domain)
        throw Refused("the account is not of the Workspace domain " + expected.hosted_domain);
    // Microsoft names a person for good by their object id within the tenant; others by "sub".
    std::string subject = text_claim(claims, "oid");
    if (subject.empty())
        subject = text_claim(claims, "sub");
    if (subject.empty())
        throw Refused("the token names nobody (no subject)");
    return Identity{.issuer = issuer,
                    .subject = subject,
                    .email = email_of(claims, expected),
                    .name = text_claim(claims, "name")};
}

} // namespace trellis::openid
