#include <gtest/gtest.h>

#include "harness.h"

using namespace trellis::testing;

// What every answer tells the browser, and what is refused before any handler runs.
class Security : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo"}), 0);
        server = std::make_unique<TestServer>(database);
    }
    TestDatabase database;
    std::unique_ptr<TestServer> server;
};

namespace {

void expect_security_headers(const httplib::Result& result, const std::string& what) {
    ASSERT_TRUE(result) << what;
    const std::string policy = result->get_header_value("Content-Security-Policy");
    EXPECT_NE(policy.find("script-src 'self'"), std::string::npos) << what;
    EXPECT_EQ(policy.find("unsafe-inline"), std::string::npos) << what;
    EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos) << what;
    EXPECT_EQ(result->get_header_value("X-Content-Type-Options"), "nosniff") << what;
    EXPECT_EQ(result->get_header_value("Referrer-Policy"), "same-origin") << what;
}

} // namespace

TEST_F(Security, every_answer_carries_the_security_headers) {
    Browser browser(*server);
    expect_security_headers(browser.get("/sign-in"), "sign-in page");
    expect_security_headers(browser.get("/static/app.css"), "a static file");
    expect_security_headers(browser.get("/no-such-page"), "the not-found page");
    ASSERT_EQ(browser.sign_in(kDemoTeacher, kDemoPassword)->status, 303);
    expect_security_headers(browser.get("/"), "the home page");
    // HTTPS is not configured here, so browsers are not told to insist on it.
    EXPECT_FALSE(browser.get("/")->has_header("Strict-Transport-Security"));
}

TEST_F(Security, signed_in_pages_are_not_kept_by_the_browser) {
    Browser browser(*server);
    ASSERT_EQ(browser.sign_in(kDemoTeacher, kDemoPassword)->status, 303);
    for (const std::string path : {"/", "/learning", "/account/password"}) {
        auto page = browser.get(path);
        ASSERT_TRUE(page);
        EXPECT_EQ(page->status, 200) << path;
        EXPECT_NE(page->get_header_value("Cache-Control").find("no-store"), std::string::npos) << path;
    }
}

TEST_F(Security, hsts_is_sent_when_cookies_are_secure) {
    TestServer https_server(database, {{"TRELLIS_SECURE_COOKIES", "1"}});
    Browser browser(https_server);
    auto page = browser.get("/sign-in");
    ASSERT_TRUE(page);
    EXPECT_NE(page->get_header_value("Strict-Transport-Security").find("max-age="), std::string::npos);
}

TEST_F(Security, text_that_is_not_utf8_is_refused_with_a_message_not_an_error) {
    Browser browser(*server);
    ASSERT_EQ(browser.sign_in(kDemoTeacher, kDemoPassword)->status, 303);
    ASSERT_EQ(browser.get("/learning/building-trust/1")->status, 200);
    auto saved = browser.post_for_json("/learning/building-trust/blocks/reflect-starting-point",
                                       {{"text", std::string("caf\xC3(\xFF\xFE")}});
    ASSERT_TRUE(saved);
    EXPECT_EQ(saved->status, 400);
    EXPECT_NE(saved->body.find("not valid text"), std::string::npos);
    auto in_the_address = browser.get("/people?q=%FF%FE");
    ASSERT_TRUE(in_the_address);
    EXPECT_EQ(in_the_address->status, 400);
}

TEST_F(Security, sign_in_follows_next_only_to_paths_on_this_site) {
    Browser browser(*server);
    ASSERT_EQ(browser.get("/sign-in")->status, 200);
    auto result = browser.post(
        "/sign-in", {{"email", kDemoTeacher}, {"password", kDemoPassword}, {"next", "/\t/evil.example"}});
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 303);
    EXPECT_EQ(result->get_header_value("Location"), "/");

    Browser second(*server);
    ASSERT_EQ(second.get("/sign-in")->status, 200);
    auto kept = second.post("/sign-in",
                            {{"email", kDemoTeacher}, {"password", kDemoPassword}, {"next", "/learning"}});
    EXPECT_EQ(kept->get_header_value("Location"), "/learning");
}

TEST_F(Security, long_text_in_any_language_is_saved_up_to_its_limit_and_refused_past_it_with_a_message) {
    Browser browser(*server);
    ASSERT_EQ(browser.sign_in(kDemoTeacher, kDemoPassword)->status, 303);
    ASSERT_EQ(browser.get("/learning/building-trust/1")->status, 200);
    const std::string path = "/learning/building-trust/blocks/reflect-starting-point";
    // Three thousand characters of Polish: about 4 KB as text, over 8 KB URL-encoded.
    std::string polish;
    while (polish.size() < 3000 * 2)
        polish += "źdź";
    auto by_script = browser.post_multipart(path, {{"text", polish}}, true);
    ASSERT_TRUE(by_script);
    EXPECT_EQ(by_script->status, 200) << by_script->body;
    auto without_script = browser.post_multipart(path, {{"text", polish + " (again)"}});
    ASSERT_TRUE(without_script);
    EXPECT_EQ(without_script->status, 303);
    auto page = browser.get("/learning/building-trust/1");
    EXPECT_NE(page->body.find("źdź"), std::string::npos);

    std::string too_long;
    for (int i = 0; i < 20001; ++i)
        too_long += "\xE6\x80\x9D";
    auto refused = browser.post_multipart(path, {{"text", too_long}}, true);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 422);
    EXPECT_NE(refused->body.find("longer than Trellis keeps"), std::string::npos);
}

TEST_F(Security, a_form_too_large_for_the_server_gets_a_page_that_says_so) {
    Browser browser(*server);
    ASSERT_EQ(browser.sign_in(kDemoTeacher, kDemoPassword)->status, 303);
    ASSERT_EQ(browser.get("/learning/building-trust/1")->status, 200);
    // An old page still posting URL-encoded text past the library's 8 KB cap for such bodies.
    auto too_large = browser.post("/learning/building-trust/blocks/reflect-starting-point",
                                  {{"text", std::string(9000, 'x')}});
    ASSERT_TRUE(too_large);
    EXPECT_EQ(too_large->status, 413);
    EXPECT_NE(too_large->body.find("too long"), std::string::npos);
}
