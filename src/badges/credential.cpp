#include "badges/credential.h"

#include "accounts/secrets.h"

#include <cmath>
#include <cstdio>
#include <ctime>
#include <string_view>

namespace trellis::badges {

using accounts::base64url;
using accounts::from_base64url;

namespace {

std::string utc_moment(long long seconds) {
    const std::time_t time = static_cast<std::time_t>(seconds);
    std::tm parts{};
    gmtime_r(&time, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

std::string hours_text(double hours) {
    const double rounded = std::round(hours * 10) / 10;
    char text[32];
    if (rounded == std::floor(rounded))
        std::snprintf(text, sizeof text, "%.0f", rounded);
    else
        std::snprintf(text, sizeof text, "%.1f", rounded);
    return std::string(text) + (rounded == 1 ? " hour" : " hours");
}

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.pop_back();
    while (!text.empty() && (text.front() == ' ' || text.front() == '\n'))
        text.erase(0, 1);
    return text;
}

} // namespace

std::string credential_id(const Achievement& achievement) {
    return achievement.public_url + "/verify/" + achievement.code;
}

nlohmann::json open_badge_credential(const Achievement& achievement) {
    const std::string& base = achievement.public_url;
    return {
        {"@context",
         {"https://www.w3.org/ns/credentials/v2",
          "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"}},
        {"id", credential_id(achievement)},
        {"type", {"VerifiableCredential", "OpenBadgeCredential"}},
        {"name", "Completed: " + achievement.module_title},
        {"issuer",
         {{"id", base + "/badges/issuers/" + std::to_string(achievement.trust_id)},
          {"type", {"Profile"}},
          {"name", achievement.trust_name}}},
        {"validFrom", utc_moment(achievement.issued_at)},
        {"credentialSubject",
         {{"type", {"AchievementSubject"}},
          {"identifier",
           {{{"type", "IdentityObject"},
             {"identityType", "name"},
             {"hashed", false},
             {"identityHash", achievement.person_name}}}},
          {"achievement",
           {{"id", base + "/learning/" + achievement.module_slug},
            {"type", {"Achievement"}},
            {"achievementType", "Course"},
            {"name", achievement.module_title},
            {"description", "The online professional development module \"" + achievement.module_title +
                                "\", completed on Trellis."},
            {"criteria",
             {{"narrative", "Every required activity of the module completed: about " +
                                hours_text(achievement.hours) + " of professional development."}}}}}}},
    };
}

std::string signed_credential(const nlohmann::json& credential, const SigningKey& key) {
    nlohmann::json header{{"alg", "EdDSA"}, {"typ", "JWT"}, {"kid", key.key_id()}, {"jwk", key.public_jwk()}};
    nlohmann::json payload = credential;
    payload["iss"] = credential.at("issuer").at("id");
    payload["jti"] = credential.at("id");
    std::tm parts{};
    const std::string valid_from = credential.at("validFrom").get<std::string>();
    strptime(valid_from.c_str(), "%Y-%m-%dT%H:%M:%SZ", &parts);
    payload["nbf"] = static_cast<long long>(timegm(&parts));
    const std::string signing_input = base64url(header.dump()) + "." + base64url(payload.dump());
    return signing_input + "." + base64url(key.sign(signing_input));
}

std::optional<nlohmann::json> checked_credential(const std::string& token, const SigningKey& key) {
    const std::string text = trimmed(token);
    const auto first = text.find('.');
    const auto second = first == std::string::npos ? first : text.find('.', first + 1);
    if (second == std::string::npos || text.find('.', second + 1) != std::string::npos)
        return std::nullopt;
    const std::string_view signing_input(text.data(), second);
    if (!key.verifies(signing_input, from_base64url(std::string_view(text).substr(second + 1))))
        return std::nullopt;
    const auto header = nlohmann::json::parse(from_base64url(text.substr(0, first)), nullptr, false);
    auto payload =
        nlohmann::json::parse(from_base64url(text.substr(first + 1, second - first - 1)), nullptr, false);
    if (!header.is_object() || header.value("alg", "") != "EdDSA" || !payload.is_object() ||
        !payload.contains("id") || !payload.contains("issuer") ||
        payload.value("jti", nlohmann::json()) != payload["id"])
        return std::nullopt;
    return payload;
}

} // namespace trellis::badges
