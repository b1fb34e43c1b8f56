// Certificates as Open Badges 3.0 credentials signed as VC-JWTs: what the credential says, and that
// only an unchanged token signed by this service's key passes the check.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include "../key_folder.h"
#include "accounts/secrets.h"
#include "badges/credential.h"

namespace trellis::badges {

using accounts::base64url;
using accounts::from_base64url;

namespace {

Achievement grace() {
    return {"TRL-AAAA-BBBB-CCCC",
            "Grace Okafor",
            "Building trust",
            "building-trust",
            "Oakfield Learning Trust",
            7,
            1795000000,
            1.5,
            "https://trellis.example.org"};
}

using testing::KeyFolder;

nlohmann::json payload_of(const std::string& token) {
    const auto first = token.find('.');
    return nlohmann::json::parse(
        from_base64url(token.substr(first + 1, token.find('.', first + 1) - first - 1)));
}

} // namespace

TEST(OpenBadge, the_credential_is_an_open_badge_for_the_certificate) {
    const auto credential = open_badge_credential(grace());
    EXPECT_EQ(credential["@context"][0], "https://www.w3.org/ns/credentials/v2");
    EXPECT_EQ(credential["@context"][1], "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
    EXPECT_EQ(credential["type"][1], "OpenBadgeCredential");
    EXPECT_EQ(credential["id"], "https://trellis.example.org/verify/TRL-AAAA-BBBB-CCCC");
    EXPECT_EQ(credential["issuer"]["id"], "https://trellis.example.org/badges/issuers/7");
    EXPECT_EQ(credential["issuer"]["name"], "Oakfield Learning Trust");
    EXPECT_EQ(credential["validFrom"], "2026-11-18T11:06:40Z");
    EXPECT_EQ(credential["credentialSubject"]["achievement"]["name"], "Building trust");
    EXPECT_EQ(credential["credentialSubject"]["identifier"][0]["identityHash"], "Grace Okafor");
    EXPECT_NE(credential["credentialSubject"]["achievement"]["criteria"]["narrative"].get<std::string>().find(
                  "1.5 hours"),
              std::string::npos);
}

TEST(OpenBadge, a_signed_credential_carries_its_claims_and_passes_the_check) {
    const KeyFolder folder("sign");
    const auto key = SigningKey::kept_in(folder.path);
    const auto credential = open_badge_credential(grace());
    const std::string token = signed_credential(credential, key);
    const auto payload = payload_of(token);
    EXPECT_EQ(payload["iss"], credential["issuer"]["id"]);
    EXPECT_EQ(payload["jti"], credential["id"]);
    EXPECT_EQ(payload["nbf"], 1795000000);
    const auto checked = checked_credential(token + "\n", key);
    ASSERT_TRUE(checked.has_value());
    EXPECT_EQ((*checked)["name"], "Completed: Building trust");
}

TEST(OpenBadge, a_changed_token_or_another_key_fails_the_check) {
    const KeyFolder folder("changed"), other_folder("other");
    const auto key = SigningKey::kept_in(folder.path);
    const std::string token = signed_credential(open_badge_credential(grace()), key);
    std::string changed = token;
    const auto at = changed.find('.') + 3;
    changed[at] = changed[at] == 'A' ? 'B' : 'A';
    EXPECT_FALSE(checked_credential(changed, key).has_value());
    EXPECT_FALSE(checked_credential("not.a.token", key).has_value());
    EXPECT_FALSE(checked_credential("", key).has_value());
    const auto other = SigningKey::kept_in(other_folder.path);
    EXPECT_FALSE(checked_credential(token, other).has_value());
}

TEST(OpenBadge, the_key_is_kept_and_read_again) {
    const KeyFolder folder("kept");
    const auto first = SigningKey::kept_in(folder.path);
    const auto again = SigningKey::kept_in(folder.path);
    EXPECT_EQ(first.key_id(), again.key_id());
    EXPECT_EQ(first.public_jwk(), again.public_jwk());
    EXPECT_TRUE(again.verifies("hello", first.sign("hello")));
    const auto perms = std::filesystem::status(folder.path / "badge-signing.key").permissions();
    EXPECT_EQ(perms & std::filesystem::perms::group_read, std::filesystem::perms::none);
    EXPECT_EQ(perms & std::filesystem::perms::others_read, std::filesystem::perms::none);
}

} // namespace trellis::badges
