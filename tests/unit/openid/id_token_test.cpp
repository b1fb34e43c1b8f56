// Checking an ID token: tokens made and signed here with cjose (RSA keys made for the test), each
// wrong in one way, are refused for that reason; Microsoft's and Google's genuine ones are accepted.
#include <gtest/gtest.h>

#include <cjose/cjose.h>

#include <cstdlib>
#include <memory>

#include "openid/id_token.h"

namespace trellis::openid {

namespace {

constexpr long long kNow = 1'800'000'000;
const std::string kTenant = "11111111-1111-1111-1111-111111111111";

using Jwk = std::unique_ptr<cjose_jwk_t, decltype(&cjose_jwk_release)>;

// An RSA key with a key id; its public half as a JWK.
struct Key {
    explicit Key(const std::string& kid) : jwk(nullptr, &cjose_jwk_release), kid(kid) {
        static const std::uint8_t exponent[] = {1, 0, 1};
        cjose_err error{};
        jwk.reset(cjose_jwk_create_RSA_random(2048, exponent, sizeof exponent, &error));
        cjose_jwk_set_kid(jwk.get(), kid.data(), kid.size(), &error);
    }
    nlohmann::json public_jwk() const {
        cjose_err error{};
        char* text = cjose_jwk_to_json(jwk.get(), false, &error);
        auto json = nlohmann::json::parse(text);
        std::free(text);
        return json;
    }
    Jwk jwk;
    std::string kid;
};

std::string signed_token(const nlohmann::json& claims, const cjose_jwk_t* key, const std::string& kid,
                         const char* algorithm = CJOSE_HDR_ALG_RS256) {
    cjose_err error{};
    cjose_header_t* header = cjose_header_new(&error);
    cjose_header_set(header, CJOSE_HDR_ALG, algorithm, &error);
    cjose_header_set(header, CJOSE_HDR_KID, kid.c_str(), &error);
    const std::string payload = claims.dump();
    cjose_jws_t* jws = cjose_jws_sign(key, header, reinterpret_cast<const std::uint8_t*>(payload.data()),
                                      payload.size(), &error);
    const char* compact = nullptr;
    cjose_jws_export(jws, &compact, &error);
    std::string token = compact ? compact : "";
    cjose_jws_release(jws);
    cjose_header_release(header);
    return token;
}

class IdToken : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        provider_key = std::make_unique<Key>("provider-key");
        stranger_key = std::make_unique<Key>("provider-key"); // same id, not the provider's
    }
    static void TearDownTestSuite() {
        provider_key.reset();
        stranger_key.reset();
    }
    nlohmann::json jwks() const { return {{"keys", {provider_key->public_jwk()}}}; }
    nlohmann::json microsoft_claims() const {
        return {{"iss", "https://login.example/" + kTenant + "/v2.0"},
                {"aud", "trellis"},
                {"sub", "pairwise-subject"},
                {"oid", "object-1"},
                {"tid", kTenant},
                {"email", "Grace.Okafor@Oakfield.example"},
                {"name", "Grace Okafor"},
                {"nonce", "the-nonce"},
                {"iat", kNow - 10},
                {"exp", kNow + 290}};
    }
    Expectations microsoft() const {
        return {.issuer = "https://login.example/{tenantid}/v2.0",
                .audience = "trellis",
                .nonce = "the-nonce",
                .now = kNow,
                .allowed_tenants = {kTenant},
                .hosted_domain = ""};
    }
    std::string token(const nlohmann::json& claims) const {
        return signed_token(claims, provider_key->jwk.get(), provider_key->kid);
    }
    // The reason a token is refused, or "" when it is accepted.
    std::string refusal(const std::string& token, const Expectations& expected) const {
        try {
            verified_identity(token, jwks(), expected);
            return "";
        } catch (const Refused& refused) {
            return refused.what();
        }
    }
    static std::unique_ptr<Key> provider_key, stranger_key;
};
std::unique_ptr<Key> IdToken::provider_key, IdToken::stranger_key;

} // namespace

TEST_F(IdToken, AGenuineMicrosoftTokenNamesTheAccountByTenantAndObjectId) {
    const Identity identity = verified_identity(token(microsoft_claims()), jwks(), microsoft());
    EXPECT_EQ(identity.issuer, "https://login.example/" + kTenant + "/v2.0");
    EXPECT_EQ(identity.subject, "object-1");
    EXPECT_EQ(identity.email, "grace.okafor@oakfield.example");
    EXPECT_EQ(identity.name, "Grace Okafor");
    EXPECT_EQ(key_id_of(token(microsoft_claims())), "provider-key");
}

TEST_F(IdToken, EachWrongClaimIsRefusedForItsOwnReason) {
    const auto with = [&](const char* name, const nlohmann::json& value) {
        auto claims = microsoft_claims();
        claims[name] = value;
        return refusal(token(claims), microsoft());
    };
    EXPECT_NE(with("aud", "another-app").find("another application"), std::string::npos);
    EXPECT_NE(with("aud", {"trellis", "another-app"}).find("another application"), std::string::npos);
    EXPECT_NE(with("exp", kNow - 61).find("expired"), std::string::npos);
    EXPECT_EQ(with("exp", kNow - 30), ""); // within the clock's leeway
    EXPECT_NE(with("iat", kNow + 120).find("future"), std::string::npos);
    EXPECT_NE(with("nonce", "replayed").find("nonce"), std::string::npos);
    // Another tenant's token names its own tenant in its issuer too.
    auto elsewhere = microsoft_claims();
    elsewhere["tid"] = "22222222-2222-2222-2222-222222222222";
    elsewhere["iss"] = "https://login.example/22222222-2222-2222-2222-222222222222/v2.0";
    EXPECT_NE(refusal(token(elsewhere), microsoft()).find("tenant"), std::string::npos);
    EXPECT_NE(with("tid", "22222222-2222-2222-2222-222222222222").find("issuer"), std::string::npos);
    EXPECT_NE(with("iss", "https://elsewhere.example/" + kTenant + "/v2.0").find("issuer"),
              std::string::npos);
    auto nobody = microsoft_claims();
    nobody.erase("oid");
    nobody.erase("sub");
    EXPECT_NE(refusal(token(nobody), microsoft()).find("no subject"), std::string::npos);
    // Several audiences are ours only when the token was given to us ("azp").
    auto shared = microsoft_claims();
    shared["aud"] = {"trellis", "another-app"};
    shared["azp"] = "trellis";
    EXPECT_EQ(refusal(token(shared), microsoft()), "");
}

TEST_F(IdToken, OnlyTheProvidersKeyAndRs256AreAccepted) {
    const std::string forged = signed_token(microsoft_claims(), stranger_key->jwk.get(), stranger_key->kid);
    EXPECT_NE(refusal(forged, microsoft()).find("signature"), std::string::npos);
    cjose_err error{};
    Jwk shared_secret(cjose_jwk_create_oct_random(32, &error), &cjose_jwk_release);
    const std::string symmetric =
        signed_token(microsoft_claims(), shared_secret.get(), "provider-key", CJOSE_HDR_ALG_HS256);
    EXPECT_NE(refusal(symmetric, microsoft()).find("not RS256"), std::string::npos);
    EXPECT_NE(refusal("not.a.token", microsoft()).find("not a signed JWT"), std::string::npos);
    EXPECT_EQ(key_id_of("garbage"), std::nullopt);
    // A changed claim breaks the signature.
    std::string token_text = token(microsoft_claims());
    const auto payload_at = token_text.find('.') + 3;
    token_text[payload_at] = token_text[payload_at] == 'A' ? 'B' : 'A';
    EXPECT_NE(refusal(token_text, microsoft()), "");
}

TEST_F(IdToken, GoogleAccountsMustBeOfTheWorkspaceDomainAndTheirAddressChecked) {
    const Expectations google{.issuer = "https://accounts.google.example",
                              .audience = "trellis",
                              .nonce = "the-nonce",
                              .now = kNow,
                              .allowed_tenants = {},
                              .hosted_domain = "oakfield.example"};
    nlohmann::json claims = {{"iss", "https://accounts.google.example"},
                             {"aud", "trellis"},
                             {"sub", "1092837465"},
                             {"hd", "oakfield.example"},
                             {"email", "grace@oakfield.example"},
                             {"email_verified", true},
                             {"nonce", "the-nonce"},
                             {"iat", kNow},
                             {"exp", kNow + 300}};
    const Identity identity = verified_identity(token(claims), jwks(), google);
    EXPECT_EQ(identity.subject, "1092837465");
    EXPECT_EQ(identity.email, "grace@oakfield.example");
    claims["email_verified"] = false;
    EXPECT_EQ(verified_identity(token(claims), jwks(), google).email,
              ""); // an unchecked address links nobody
    claims["hd"] = "gmail.example";
    EXPECT_NE(refusal(token(claims), google).find("Workspace domain"), std::string::npos);
    claims.erase("hd");
    EXPECT_NE(refusal(token(claims), google).find("Workspace domain"), std::string::npos);
}

} // namespace trellis::openid
