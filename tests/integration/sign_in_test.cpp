#include <gtest/gtest.h>

#include "db/database.h"
#include "harness.h"

using namespace trellis::testing;

class SignIn : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo"}), 0);
        server = std::make_unique<TestServer>(database);
    }
    TestDatabase database;
    std::unique_ptr<TestServer> server;
};

TEST_F(SignIn, health_check_answers) {
    Browser browser(*server);
    auto result = browser.get("/healthz");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200);
}

TEST_F(SignIn, pages_need_a_signed_in_person) {
    Browser browser(*server);
    auto result = browser.get("/people");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 303);
    const std::string location = result->get_header_value("Location");
    EXPECT_EQ(location.rfind("/sign-in?next=", 0), 0u);
    EXPECT_NE(location.find("people"), std::string::npos);
}

TEST_F(SignIn, right_password_reaches_the_home_page_and_sign_out_ends_the_session) {
    Browser browser(*server);
    auto signed_in = browser.sign_in(kDemoTrustLead, kDemoPassword);
    ASSERT_TRUE(signed_in);
    EXPECT_EQ(signed_in->status, 303);
    auto home = browser.get("/");
    ASSERT_EQ(home->status, 200);
    EXPECT_NE(home->body.find("Hello, Asha"), std::string::npos);
    const std::string old_session = browser.cookies().at("trellis_session");

    auto signed_out = browser.post("/sign-out", {});
    EXPECT_EQ(signed_out->status, 303);
    EXPECT_EQ(browser.get("/")->status, 303);

    // The old cookie is dead on the server too, not just forgotten by this browser.
    Browser replay(*server);
    replay.set_cookie("trellis_session", old_session);
    EXPECT_EQ(replay.get("/")->status, 303);
}

TEST_F(SignIn, wrong_password_is_refused_without_saying_which_part_was_wrong) {
    Browser browser(*server);
    auto wrong_password = browser.sign_in(kDemoTrustLead, "not-the-password");
    EXPECT_EQ(wrong_password->status, 401);
    auto unknown_person = browser.sign_in("nobody@oakfield.example", "not-the-password");
    EXPECT_EQ(unknown_person->status, 401);
    EXPECT_NE(wrong_password->body.find("do not match"), std::string::npos);
    EXPECT_NE(unknown_person->body.find("do not match"), std::string::npos);
    EXPECT_EQ(browser.get("/")->status, 303);
}

TEST_F(SignIn, repeated_failures_for_one_account_are_slowed_down) {
    Browser browser(*server);
    for (int attempt = 0; attempt < 5; ++attempt)
        EXPECT_EQ(browser.sign_in(kDemoTeacher, "wrong password " + std::to_string(attempt))->status, 401);
    auto blocked = browser.sign_in(kDemoTeacher, kDemoPassword);
    EXPECT_EQ(blocked->status, 429);
    EXPECT_NE(blocked->body.find("Too many attempts"), std::string::npos);
    // Another account is not affected.
    EXPECT_EQ(browser.sign_in(kDemoTrustLead, kDemoPassword)->status, 303);
}

TEST_F(SignIn, form_posted_without_the_csrf_token_is_rejected) {
    Browser browser(*server);
    browser.get("/sign-in");
    auto anonymous =
        browser.post("/sign-in", {{"email", kDemoTrustLead}, {"password", kDemoPassword}}, false);
    EXPECT_EQ(anonymous->status, 403);
    EXPECT_EQ(browser.cookies().count("trellis_session"), 0u);

    ASSERT_EQ(browser.sign_in(kDemoTrustLead, kDemoPassword)->status, 303);
    browser.get("/account/password");
    auto forged = browser.post("/account/password",
                               {{"current_password", kDemoPassword},
                                {"new_password", "a brand new password"},
                                {"new_password_again", "a brand new password"}},
                               false);
    EXPECT_EQ(forged->status, 403);
    auto wrong_token = browser.post("/sign-out", {{"_csrf", std::string(43, 'x')}}, false);
    EXPECT_EQ(wrong_token->status, 403);
    // The password did not change: the old one still works.
    Browser other(*server);
    EXPECT_EQ(other.sign_in(kDemoTrustLead, kDemoPassword)->status, 303);
}

TEST_F(SignIn, expired_session_is_sent_back_to_sign_in) {
    Browser browser(*server);
    ASSERT_EQ(browser.sign_in(kDemoTeacher, kDemoPassword)->status, 303);
    ASSERT_EQ(browser.get("/")->status, 200);
    {
        auto session = database.open().lease();
        *session << "UPDATE sessions SET expires_at = :t", soci::use(trellis::db::now_seconds() - 1);
    }
    auto expired = browser.get("/");
    EXPECT_EQ(expired->status, 303);
    EXPECT_EQ(expired->get_header_value("Location").rfind("/sign-in", 0), 0u);
}

TEST_F(SignIn, changed_password_replaces_the_old_one) {
    Browser browser(*server);
    ASSERT_EQ(browser.sign_in(kDemoTeacher, kDemoPassword)->status, 303);
    browser.get("/account/password");
    auto too_short = browser.post(
        "/account/password",
        {{"current_password", kDemoPassword}, {"new_password", "short"}, {"new_password_again", "short"}});
    EXPECT_EQ(too_short->status, 400);
    auto changed = browser.post("/account/password", {{"current_password", kDemoPassword},
                                                      {"new_password", "lesson study on tuesdays"},
                                                      {"new_password_again", "lesson study on tuesdays"}});
    EXPECT_EQ(changed->status, 303);
    Browser fresh(*server);
    EXPECT_EQ(fresh.sign_in(kDemoTeacher, kDemoPassword)->status, 401);
    EXPECT_EQ(fresh.sign_in(kDemoTeacher, "lesson study on tuesdays")->status, 303);
}

TEST_F(SignIn, admin_reset_link_lets_a_person_choose_a_password_once) {
    Browser admin(*server);
    ASSERT_EQ(admin.sign_in(kDemoAdmin, kDemoPassword)->status, 303);
    // Person 10 is an ordinary member of staff with no password yet.
    admin.get("/people/10");
    auto made = admin.post("/people/10/reset-link", {});
    ASSERT_EQ(made->status, 200);
    std::string page = made->body;
    for (auto slash = page.find("&#x2F;"); slash != std::string::npos; slash = page.find("&#x2F;"))
        page.replace(slash, 6, "/");
    const auto at = page.find("/reset/");
    ASSERT_NE(at, std::string::npos);
    const std::string path = page.substr(at, 7 + 43);

    Browser person(*server);
    ASSERT_EQ(person.get(path)->status, 200);
    auto chosen = person.post(
        path, {{"new_password", "my own new password"}, {"new_password_again", "my own new password"}});
    EXPECT_EQ(chosen->status, 303);
    // Choosing the password signs the person in.
    EXPECT_EQ(chosen->get_header_value("Location"), "/?welcome=password-set");
    EXPECT_EQ(person.get("/")->status, 200);
    EXPECT_EQ(person.get(path)->status, 404);

    std::string email;
    {
        auto session = database.open().lease();
        *session << "SELECT email FROM people WHERE id = 10", soci::into(email);
    }
    EXPECT_EQ(person.sign_in(email, "my own new password")->status, 303);
}

namespace {

// Makes a reset link for a person as the signed-in administrator and returns its path.
std::string reset_path_for(Browser& admin, const std::string& person_id) {
    admin.get("/people/" + person_id);
    auto made = admin.post("/people/" + person_id + "/reset-link", {});
    std::string page = made ? made->body : "";
    for (auto slash = page.find("&#x2F;"); slash != std::string::npos; slash = page.find("&#x2F;"))
        page.replace(slash, 6, "/");
    const auto at = page.find("/reset/");
    return at == std::string::npos ? "" : page.substr(at, 7 + 43);
}

} // namespace

TEST_F(SignIn, changing_a_password_signs_out_the_other_browsers_but_not_this_one) {
    Browser here(*server), elsewhere(*server);
    ASSERT_EQ(here.sign_in(kDemoTeacher, kDemoPassword)->status, 303);
    ASSERT_EQ(elsewhere.sign_in(kDemoTeacher, kDemoPassword)->status, 303);
    here.get("/account/password");
    auto changed = here.post("/account/password", {{"current_password", kDemoPassword},
                                                   {"new_password", "a password only I know"},
                                                   {"new_password_again", "a password only I know"}});
    ASSERT_EQ(changed->status, 303);
    EXPECT_EQ(here.get("/")->status, 200);
    EXPECT_EQ(elsewhere.get("/")->status, 303);
}

TEST_F(SignIn, an_older_reset_link_dies_when_a_newer_one_sets_the_password) {
    Browser admin(*server);
    ASSERT_EQ(admin.sign_in(kDemoAdmin, kDemoPassword)->status, 303);
    const std::string older = reset_path_for(admin, "10");
    const std::string newer = reset_path_for(admin, "10");
    ASSERT_FALSE(older.empty());
    ASSERT_NE(older, newer);
    Browser person(*server);
    ASSERT_EQ(person.get(newer)->status, 200);
    ASSERT_EQ(person
                  .post(newer, {{"new_password", "chosen through the newer link"},
                                {"new_password_again", "chosen through the newer link"}})
                  ->status,
              303);
    Browser attacker(*server);
    EXPECT_EQ(attacker.get(older)->status, 404);
    attacker.get("/sign-in");
    EXPECT_EQ(attacker
                  .post(older, {{"new_password", "taken over by the older link"},
                                {"new_password_again", "taken over by the older link"}})
                  ->status,
              400);
}

TEST_F(SignIn, a_reset_link_dies_when_the_person_changes_their_password_themselves) {
    Browser admin(*server);
    ASSERT_EQ(admin.sign_in(kDemoAdmin, kDemoPassword)->status, 303);
    // The administrator makes a link for someone who then changes their own password.
    std::string teacher_id;
    {
        auto session = database.open().lease();
        long long id = 0;
        *session << "SELECT id FROM people WHERE email = :e", soci::use(kDemoTeacher), soci::into(id);
        teacher_id = std::to_string(id);
    }
    const std::string link = reset_path_for(admin, teacher_id);
    ASSERT_FALSE(link.empty());

    Browser teacher(*server);
    ASSERT_EQ(teacher.sign_in(kDemoTeacher, kDemoPassword)->status, 303);
    teacher.get("/account/password");
    ASSERT_EQ(teacher
                  .post("/account/password", {{"current_password", kDemoPassword},
                                              {"new_password", "changed by the teacher"},
                                              {"new_password_again", "changed by the teacher"}})
                  ->status,
              303);
    Browser stranger(*server);
    EXPECT_EQ(stranger.get(link)->status, 404);
}

TEST_F(SignIn, setup_is_refused_once_an_organisation_exists) {
    Browser browser(*server);
    EXPECT_EQ(browser.get("/setup")->status, 303);
    browser.get("/sign-in");
    auto attempt = browser.post("/setup", {{"organisation_name", "Intruders"},
                                           {"organisation_slug", "intruders"},
                                           {"first_name", "Eve"},
                                           {"last_name", "Mallory"},
                                           {"email", "eve@intruders.example"},
                                           {"password", "a long enough password"},
                                           {"password_again", "a long enough password"}});
    EXPECT_EQ(attempt->status, 400);
    EXPECT_EQ(browser.sign_in("eve@intruders.example", "a long enough password")->status, 401);
}

TEST(FirstRun, setup_creates_the_first_administrator_on_an_empty_database) {
    TestDatabase database;
    TestServer server(database);
    Browser browser(server);
    auto sign_in = browser.get("/sign-in");
    EXPECT_EQ(sign_in->status, 303);
    EXPECT_EQ(sign_in->get_header_value("Location"), "/setup");
    browser.get("/setup");
    auto mismatched = browser.post("/setup", {{"organisation_name", "Northfield Schools"},
                                              {"organisation_slug", "northfield"},
                                              {"first_name", "Ruth"},
                                              {"last_name", "Achebe"},
                                              {"email", "ruth@northfield.example"},
                                              {"password", "a long enough password"},
                                              {"password_again", "something else entirely"}});
    EXPECT_EQ(mismatched->status, 400);
    auto created = browser.post("/setup", {{"organisation_name", "Northfield Schools"},
                                           {"organisation_slug", "northfield"},
                                           {"first_name", "Ruth"},
                                           {"last_name", "Achebe"},
                                           {"email", "ruth@northfield.example"},
                                           {"password", "a long enough password"},
                                           {"password_again", "a long enough password"}});
    EXPECT_EQ(created->status, 303);
    auto home = browser.get("/");
    ASSERT_EQ(home->status, 200);
    EXPECT_NE(home->body.find("Northfield Schools"), std::string::npos);
    EXPECT_NE(home->body.find("Administrator"), std::string::npos);
}

// Sign-in throttling behind a proxy: addresses come from X-Forwarded-For of a trusted proxy.
class SignInBehindProxy : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo"}), 0);
        server = std::make_unique<TestServer>(
            database, std::map<std::string, std::string>{{"TRELLIS_TRUSTED_PROXIES", "127.0.0.1"}});
    }
    std::unique_ptr<Browser> browser_at(const std::string& address) {
        auto browser = std::make_unique<Browser>(*server);
        browser->set_header("X-Forwarded-For", address);
        return browser;
    }
    TestDatabase database;
    std::unique_ptr<TestServer> server;
};

TEST_F(SignInBehindProxy, guesses_at_invented_accounts_do_not_shut_sign_in_for_everyone) {
    auto attacker = browser_at("203.0.113.9");
    for (int attempt = 0; attempt < 60; ++attempt) {
        const int status =
            attacker->sign_in("invented" + std::to_string(attempt) + "@nowhere.example", "guess")->status;
        EXPECT_TRUE(status == 401 || status == 429) << status;
    }
    // The attacker's own address is slowed down...
    EXPECT_EQ(attacker->sign_in("invented-again@nowhere.example", "guess")->status, 429);
    // ...but people elsewhere, whose connections also all come through the proxy, sign in.
    EXPECT_EQ(browser_at("198.51.100.7")->sign_in(kDemoTeacher, kDemoPassword)->status, 303);
}

TEST_F(SignInBehindProxy, wrong_guesses_from_elsewhere_do_not_lock_the_owner_out_of_a_known_browser) {
    // The teacher has signed in from this browser before.
    auto own_browser = browser_at("198.51.100.7");
    ASSERT_EQ(own_browser->sign_in(kDemoTeacher, kDemoPassword)->status, 303);
    ASSERT_EQ(own_browser->cookies().count("trellis_device"), 1u);
    own_browser->post("/sign-out", {});

    // Someone guesses at the teacher's password from many places until the account itself waits.
    int refused = 0;
    for (int place = 0; place < 6; ++place) {
        auto guesser = browser_at("203.0.113." + std::to_string(place + 10));
        for (int attempt = 0; attempt < 5; ++attempt)
            refused += guesser->sign_in(kDemoTeacher, "guess " + std::to_string(attempt))->status == 429;
    }
    EXPECT_EQ(browser_at("192.0.2.50")->sign_in(kDemoTeacher, kDemoPassword)->status, 429)
        << "a new browser waits while the account is under attack";
    // The owner's own browser, with the right password, still gets in.
    EXPECT_EQ(own_browser->sign_in(kDemoTeacher, kDemoPassword)->status, 303);
}

TEST_F(SignInBehindProxy, the_throttle_is_kept_in_the_database_so_every_server_shares_it) {
    for (int attempt = 0; attempt < 5; ++attempt)
        EXPECT_EQ(browser_at("203.0.113.9")->sign_in(kDemoTeacher, "guess")->status, 401);
    TestServer second_server(database, {{"TRELLIS_TRUSTED_PROXIES", "127.0.0.1"}});
    Browser on_second(second_server);
    on_second.set_header("X-Forwarded-For", "203.0.113.9");
    EXPECT_EQ(on_second.sign_in(kDemoTeacher, kDemoPassword)->status, 429);
}

TEST_F(SignIn, forwarded_addresses_from_an_untrusted_connection_are_ignored) {
    // No proxy is configured: changing X-Forwarded-For does not escape the wait.
    for (int attempt = 0; attempt < 5; ++attempt) {
        Browser browser(*server);
        browser.set_header("X-Forwarded-For", "203.0.113." + std::to_string(attempt));
        EXPECT_EQ(browser.sign_in(kDemoTeacher, "guess")->status, 401);
    }
    Browser last(*server);
    last.set_header("X-Forwarded-For", "203.0.113.99");
    EXPECT_EQ(last.sign_in(kDemoTeacher, kDemoPassword)->status, 429);
}
