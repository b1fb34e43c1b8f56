// Signing in with Microsoft (OpenID Connect) against a real provider on loopback: the authorization
// code flow with PKCE, state and nonce; every way a token can be wrong; a provider that is down, slow
// or answers garbage; linking by the account's subject; passwords turned off; the settings page.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "harness.h"

using namespace trellis::testing;

namespace {

const std::string kTenant = "11111111-1111-1111-1111-111111111111";
const std::string kOtherTenant = "22222222-2222-2222-2222-222222222222";

} // namespace

class OpenIdSignIn : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo"}), 0);
        // Bounded: a provider that does not answer costs a person 1.5 s, not a hung page.
        server = std::make_unique<TestServer>(
            database, std::map<std::string, std::string>{{"TRELLIS_OPENID_TIMEOUT_MS", "1500"}});
        admin = std::make_unique<Browser>(*server);
        ASSERT_EQ(admin->sign_in(kDemoAdmin, kDemoPassword)->status, 303);
        ASSERT_EQ(admin->get("/schools/sign-in")->status, 200);
        auto saved = admin->post("/schools/sign-in/providers", {{"kind", "microsoft"},
                                                                {"client_id", "trellis-test"},
                                                                {"client_secret", "a secret"},
                                                                {"tenant", "organizations"},
                                                                {"allowed_tenants", kTenant},
                                                                {"email_domains", "oakfield.example"},
                                                                {"authority", provider.base_url()}});
        ASSERT_EQ(saved->status, 303) << saved->body;
    }

    // Goes from the sign-in page's button to the provider and back; the answer of the callback.
    httplib::Result sign_in_with_microsoft(Browser& browser) {
        auto page = browser.get("/sign-in");
        EXPECT_TRUE(contains(page->body, "Sign in with Microsoft"));
        auto start = browser.get("/sign-in/microsoft/" + std::to_string(trust_id()) + "?next=%2F");
        if (start->status != 303)
            return start;
        return browser.get(local_part(provider.authorize(start->get_header_value("Location"))));
    }
    long long trust_id() { return count_of(database, "SELECT id FROM trusts WHERE slug = 'oakfield'"); }
    // The path and query of an address on our own server.
    static std::string local_part(const std::string& url) {
        const auto slash = url.find('/', url.find("://") + 3);
        return url.substr(slash);
    }
    void expect_refused(Browser& browser, const std::string& message) {
        auto answer = sign_in_with_microsoft(browser);
        EXPECT_EQ(answer->status, 401) << answer->body;
        EXPECT_TRUE(contains(answer->body, message)) << answer->body;
        EXPECT_EQ(browser.get("/")->status, 303) << "not signed in";
    }
    long long links() { return count_of(database, "SELECT COUNT(*) FROM openid_identities"); }

    OpenIdProvider provider;
    TestDatabase database;
    std::unique_ptr<TestServer> server;
    std::unique_ptr<Browser> admin;
};

TEST_F(OpenIdSignIn, a_teacher_signs_in_with_microsoft_and_is_known_by_her_account_thereafter) {
    Browser teacher(*server);
    auto back = sign_in_with_microsoft(teacher);
    ASSERT_EQ(back->status, 303) << back->body;
    EXPECT_EQ(back->get_header_value("Location"), "/");
    EXPECT_TRUE(contains(teacher.get("/")->body, "Grace Okafor"));
    // The request carried PKCE (S256), a state and a nonce.
    const auto asked = nlohmann::json::parse(provider.last_authorize());
    EXPECT_EQ(asked.value("code_challenge_method", ""), "S256");
    EXPECT_EQ(asked.value("code_challenge", "").size(), 43u);
    EXPECT_EQ(asked.value("state", "").size(), 43u);
    EXPECT_EQ(asked.value("nonce", "").size(), 43u);
    EXPECT_EQ(
        count_of(database, "SELECT COUNT(*) FROM openid_identities i JOIN people p ON p.id = i.person_id "
                           "WHERE p.email = '" +
                               kDemoTeacher +
                               "' AND i.subject = "
                               "'aaaaaaaa-0000-0000-0000-000000000001'"),
        1);

    // Her own data says which account she signs in with.
    const long long grace = count_of(database, "SELECT id FROM people WHERE email = '" + kDemoTeacher + "'");
    const std::string held = teacher.get("/people/" + std::to_string(grace) + "/data.json")->body;
    EXPECT_TRUE(contains(held, "openid_identities")) << held.substr(0, 300);
    EXPECT_TRUE(contains(held, "/" + kTenant + "/v2.0"));

    // Known by her account from now on: the address the token gives no longer matters.
    provider.set_scenario(R"({"claims": {"email": "someone.else@oakfield.example"}})");
    Browser again(*server);
    ASSERT_EQ(sign_in_with_microsoft(again)->status, 303);
    EXPECT_TRUE(contains(again.get("/")->body, "Grace Okafor"));
    EXPECT_EQ(links(), 1);
    // The provider rolled its keys: Trellis fetches them again and carries on.
    provider.rotate_keys();
    Browser after_rotation(*server);
    ASSERT_EQ(sign_in_with_microsoft(after_rotation)->status, 303);
}

TEST_F(OpenIdSignIn, tokens_that_are_not_right_are_refused_and_nobody_is_signed_in) {
    const std::string untrusted = "answer could not be trusted";
    const long long now = std::time(nullptr);
    for (const std::string& scenario :
         {std::string(R"({"claims": {"aud": "another-application"}})"),
          std::string(R"({"tamper_signature": true})"), std::string(R"({"sign_with_unknown_key": true})"),
          R"({"claims": {"exp": )" + std::to_string(now - 3600) + R"(, "iat": )" +
              std::to_string(now - 4000) + "}}",
          std::string(R"({"claims": {"nonce": "not-the-one-sent"}})"),
          R"({"claims": {"tid": ")" + kOtherTenant + R"("}})",
          R"({"claims": {"iss": "http://127.0.0.1:1/)" + kTenant + R"(/v2.0"}})"}) {
        SCOPED_TRACE(scenario);
        provider.set_scenario(scenario);
        Browser browser(*server);
        expect_refused(browser, untrusted);
    }
    EXPECT_EQ(links(), 0);
}

TEST_F(OpenIdSignIn, a_state_is_used_once_and_only_in_the_browser_that_began_it) {
    Browser teacher(*server);
    auto start = teacher.get("/sign-in/microsoft/" + std::to_string(trust_id()));
    ASSERT_EQ(start->status, 303);
    const std::string callback = local_part(provider.authorize(start->get_header_value("Location")));
    // Someone else's browser, handed the link: refused, and the sign-in is still the teacher's to finish.
    Browser stranger(*server);
    auto elsewhere = stranger.get(callback);
    EXPECT_EQ(elsewhere->status, 401);
    EXPECT_TRUE(contains(elsewhere->body, "started in another browser"));
    ASSERT_EQ(teacher.get(callback)->status, 303);
    // Replayed after signing out, in the same browser: the state is spent.
    teacher.get("/");
    ASSERT_EQ(teacher.post("/sign-out", {})->status, 303);
    auto replayed = teacher.get(callback);
    EXPECT_EQ(replayed->status, 401);
    EXPECT_EQ(teacher.get("/")->status, 303);
}

TEST_F(OpenIdSignIn, only_the_trusts_own_staff_at_its_own_domains_are_let_in) {
    ASSERT_EQ(add_northfield_trust(database), 0);
    Browser browser(*server);
    // Another trust's administrator, with a Microsoft account in an allowed tenant.
    provider.set_scenario(R"({"claims": {"oid": "bbbbbbbb-0000-0000-0000-000000000002", "email": ")" +
                          kNorthfieldAdmin + R"("}})");
    expect_refused(browser, "Accounts at northfield.example cannot sign in");
    // An address at the trust's domain that is nobody on its staff.
    provider.set_scenario(R"({"claims": {"oid": "bbbbbbbb-0000-0000-0000-000000000003", "email": )"
                          R"("new.starter@oakfield.example"}})");
    expect_refused(browser, "Nobody with the address new.starter@oakfield.example");
    EXPECT_EQ(links(), 0);
    // Northfield has no provider: its button does not exist and its address says so.
    const long long northfield = count_of(database, "SELECT id FROM trusts WHERE slug = 'northfield'");
    auto none = browser.get("/sign-in/microsoft/" + std::to_string(northfield));
    EXPECT_EQ(none->status, 401);
    EXPECT_TRUE(contains(none->body, "not set up for that trust"));
    // Nor does its administrator see Oakfield's settings.
    Browser north_admin(*server);
    ASSERT_EQ(north_admin.sign_in(kNorthfieldAdmin, kNorthfieldPassword)->status, 303);
    auto settings = north_admin.get("/schools/sign-in");
    ASSERT_EQ(settings->status, 200);
    EXPECT_FALSE(contains(settings->body, "trellis-test"));
}

TEST_F(OpenIdSignIn, a_provider_that_is_slow_down_or_answers_garbage_gets_a_clear_message) {
    const std::string unreachable = "could not be reached just now";
    for (const char* scenario :
         {R"({"delay_ms": 3000})", R"({"token_garbage": true})", R"({"token_status": 500})"}) {
        SCOPED_TRACE(scenario);
        provider.set_scenario(scenario);
        Browser browser(*server);
        expect_refused(browser, unreachable);
    }
    // Down altogether: the provider's address answers nothing.
    provider.set_scenario("{}");
    auto moved = admin->post("/schools/sign-in/providers", {{"kind", "microsoft"},
                                                            {"client_id", "trellis-test"},
                                                            {"tenant", "organizations"},
                                                            {"allowed_tenants", kTenant},
                                                            {"email_domains", "oakfield.example"},
                                                            {"authority", "http://127.0.0.1:1"}});
    ASSERT_EQ(moved->status, 303) << moved->body; // the secret saved before is kept
    Browser browser(*server);
    auto down = browser.get("/sign-in/microsoft/" + std::to_string(trust_id()));
    EXPECT_EQ(down->status, 401);
    EXPECT_TRUE(contains(down->body, unreachable));
    // The server is still serving.
    EXPECT_EQ(browser.get("/sign-in")->status, 200);
}

TEST_F(OpenIdSignIn, a_trust_may_turn_passwords_off_while_it_has_a_provider) {
    ASSERT_EQ(admin->get("/schools/sign-in")->status, 200);
    ASSERT_EQ(admin->post("/schools/sign-in/passwords", {{"passwords", "off"}})->status, 303);
    Browser teacher(*server);
    auto refused = teacher.sign_in(kDemoTeacher, kDemoPassword);
    EXPECT_EQ(refused->status, 403);
    EXPECT_TRUE(contains(refused->body, "use the button above"));
    ASSERT_EQ(sign_in_with_microsoft(teacher)->status, 303);
    // Nor can a reset link set a password meanwhile.
    const long long grace = count_of(database, "SELECT id FROM people WHERE email = '" + kDemoTeacher + "'");
    admin->get("/people/" + std::to_string(grace));
    std::string made = admin->post("/people/" + std::to_string(grace) + "/reset-link", {})->body;
    for (auto slash = made.find("&#x2F;"); slash != std::string::npos; slash = made.find("&#x2F;"))
        made.replace(slash, 6, "/");
    const auto at = made.find("/reset/");
    ASSERT_NE(at, std::string::npos);
    const std::string reset_path = made.substr(at, 7 + 43);
    Browser resetting(*server);
    resetting.get(reset_path);
    auto reset = resetting.post(
        reset_path, {{"new_password", "a new long password"}, {"new_password_again", "a new long password"}});
    EXPECT_NE(reset->status, 303);
    EXPECT_TRUE(contains(reset->body, "has no Trellis passwords")) << reset->body.substr(0, 200);
    // A wrong password still reads as a wrong password.
    Browser guesser(*server);
    EXPECT_EQ(guesser.sign_in(kDemoTeacher, "not the password")->status, 401);

    // Removing the provider lets passwords in again, so nobody is locked out.
    ASSERT_EQ(admin->get("/schools/sign-in")->status, 200);
    ASSERT_EQ(admin->post("/schools/sign-in/providers/microsoft/remove", {})->status, 303);
    Browser later(*server);
    EXPECT_EQ(later.sign_in(kDemoTeacher, kDemoPassword)->status, 303);
    EXPECT_FALSE(contains(later.get("/sign-in")->body, "Sign in with Microsoft"));
    // And with no provider, passwords cannot be turned off.
    admin->get("/schools/sign-in");
    auto alone = admin->post("/schools/sign-in/passwords", {{"passwords", "off"}});
    EXPECT_EQ(alone->status, 400);
    EXPECT_TRUE(contains(alone->body, "before turning passwords off"));
}

TEST_F(OpenIdSignIn, settings_are_the_administrators_and_bad_ones_are_refused_with_nothing_saved) {
    Browser teacher(*server);
    ASSERT_EQ(teacher.sign_in(kDemoTeacher, kDemoPassword)->status, 303);
    EXPECT_EQ(teacher.get("/schools/sign-in")->status, 403);
    teacher.get("/");
    EXPECT_EQ(teacher.post("/schools/sign-in/passwords", {{"passwords", "off"}})->status, 403);

    const auto settings_now = [&] {
        return count_of(database, "SELECT COUNT(*) FROM openid_providers WHERE tenant = 'organizations' AND "
                                  "client_id = 'trellis-test'");
    };
    for (const auto& [field, value, message] : std::vector<std::tuple<std::string, std::string, std::string>>{
             {"tenant", "not-a-tenant", "directory (tenant) id"},
             {"email_domains", "not a domain!", "is not an email domain"},
             {"authority", "http://login.example.org", "must start with https:"},
             {"client_id", "", "client id"}}) {
        httplib::Params form{{"kind", "microsoft"},
                             {"client_id", "changed"},
                             {"tenant", kTenant},
                             {"email_domains", "oakfield.example"},
                             {"authority", provider.base_url()}};
        form.erase(field);
        form.emplace(field, value);
        admin->get("/schools/sign-in");
        auto refused = admin->post("/schools/sign-in/providers", form);
        EXPECT_EQ(refused->status, 400) << field;
        EXPECT_TRUE(contains(refused->body, message)) << refused->body;
        EXPECT_EQ(settings_now(), 1) << field;
    }
    // The secret is never shown back, and the database keeps it sealed.
    EXPECT_FALSE(contains(admin->get("/schools/sign-in")->body, "a secret"));
    EXPECT_EQ(
        count_of(database, "SELECT COUNT(*) FROM openid_providers WHERE client_secret LIKE '%a secret%'"), 0);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM openid_providers WHERE client_secret LIKE 'sealed:%'"),
              1);
}

TEST_F(OpenIdSignIn, google_workspace_lets_in_its_own_domains_verified_addresses) {
    admin->get("/schools/sign-in");
    ASSERT_EQ(admin->post("/schools/sign-in/providers/microsoft/remove", {})->status, 303);
    admin->get("/schools/sign-in");
    auto saved = admin->post("/schools/sign-in/providers", {{"kind", "google"},
                                                            {"client_id", "trellis-google"},
                                                            {"client_secret", "another secret"},
                                                            {"hosted_domain", "oakfield.example"},
                                                            {"authority", provider.base_url()}});
    ASSERT_EQ(saved->status, 303) << saved->body;
    // With no domains listed, the Workspace domain is the staff's address domain.
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM openid_providers WHERE kind = 'google' AND "
                                 "email_domains = 'oakfield.example'"),
              1);
    const auto sign_in_with_google = [&](Browser& browser) {
        EXPECT_TRUE(contains(browser.get("/sign-in")->body, "Sign in with Google"));
        auto start = browser.get("/sign-in/google/" + std::to_string(trust_id()));
        EXPECT_EQ(start->status, 303);
        // Google is asked for an account of the trust's Workspace.
        EXPECT_TRUE(contains(start->get_header_value("Location"), "hd=oakfield.example"));
        return browser.get(local_part(provider.authorize(start->get_header_value("Location"))));
    };
    // An account outside the Workspace ("hd" missing) is refused.
    Browser outsider(*server);
    auto refused = sign_in_with_google(outsider);
    EXPECT_EQ(refused->status, 401);
    // An address Google has not checked links nobody.
    provider.set_scenario(R"({"claims": {"hd": "oakfield.example", "email_verified": false}})");
    Browser unverified(*server);
    auto unchecked = sign_in_with_google(unverified);
    EXPECT_EQ(unchecked->status, 401);
    EXPECT_TRUE(contains(unchecked->body, "did not tell Trellis your email address"));
    provider.set_scenario(R"({"claims": {"hd": "oakfield.example", "email_verified": true}})");
    Browser teacher(*server);
    ASSERT_EQ(sign_in_with_google(teacher)->status, 303);
    EXPECT_TRUE(contains(teacher.get("/")->body, "Grace Okafor"));
    EXPECT_EQ(links(), 1);
}
