#include <gtest/gtest.h>

#include "harness.h"

using namespace trellis::testing;

class Catalogue : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo"}), 0);
        server = std::make_unique<TestServer>(database);
        browser = std::make_unique<Browser>(*server);
        ASSERT_EQ(browser->sign_in(kDemoTeacher, kDemoPassword)->status, 303);
    }
    TestDatabase database;
    std::unique_ptr<TestServer> server;
    std::unique_ptr<Browser> browser;
};

TEST_F(Catalogue, lists_the_four_shipped_modules) {
    auto page = browser->get("/learning");
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("4 modules found"), std::string::npos);
    for (const char* slug :
         {"building-trust", "planning-continuous-cpd", "internal-expertise", "research-in-cpd"})
        EXPECT_NE(page->body.find(std::string("/learning/") + slug), std::string::npos) << slug;
}

TEST_F(Catalogue, filters_by_audience_topic_length_and_words) {
    auto support = browser->get("/learning?audience=support");
    EXPECT_NE(support->body.find("3 modules found"), std::string::npos);
    EXPECT_EQ(support->body.find("/learning/research-in-cpd"), std::string::npos);

    auto topic = browser->get("/learning?topic=lesson-study");
    EXPECT_NE(topic->body.find("1 module found"), std::string::npos);
    EXPECT_NE(topic->body.find("/learning/internal-expertise"), std::string::npos);

    EXPECT_NE(browser->get("/learning?length=short")->body.find("0 modules found"), std::string::npos);
    EXPECT_NE(browser->get("/learning?length=long")->body.find("4 modules found"), std::string::npos);

    auto words = browser->get("/learning?q=effect%20sizes");
    EXPECT_NE(words->body.find("1 module found"), std::string::npos);
    EXPECT_NE(words->body.find("/learning/research-in-cpd"), std::string::npos);
}

TEST_F(Catalogue, module_page_says_who_it_is_for_how_long_and_what_you_will_have) {
    auto page = browser->get("/learning/building-trust");
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("Who it is for"), std::string::npos);
    EXPECT_NE(page->body.find("About 90 minutes (1.5 CPD hours)"), std::string::npos);
    EXPECT_NE(page->body.find("What you will have at the end"), std::string::npos);
    EXPECT_NE(page->body.find("video case study"), std::string::npos);
    EXPECT_EQ(browser->get("/learning/no-such-module")->status, 404);
}

TEST_F(Catalogue, written_for_your_role_shows_only_where_it_distinguishes) {
    // Building trust is for every staff group: the tag would tell the teacher nothing.
    auto everyone = browser->get("/learning/building-trust");
    EXPECT_NE(everyone->body.find("<dd>Everyone</dd>"), std::string::npos) << everyone->body;
    EXPECT_EQ(everyone->body.find("Written for your role"), std::string::npos);
    // Planning continuous CPD leaves out early-career teachers: for a teacher the tag means something.
    auto some = browser->get("/learning/planning-continuous-cpd");
    EXPECT_NE(some->body.find("Written for your role"), std::string::npos);
    auto catalogue = browser->get("/learning");
    std::size_t tags = 0;
    for (auto at = catalogue->body.find("Written for your role"); at != std::string::npos;
         at = catalogue->body.find("Written for your role", at + 1))
        ++tags;
    EXPECT_EQ(tags, 2u); // planning-continuous-cpd and research-in-cpd; the other two are for everyone
    EXPECT_NE(catalogue->body.find("For everyone"), std::string::npos);
}

TEST_F(Catalogue, needs_a_signed_in_person) {
    Browser anonymous(*server);
    EXPECT_EQ(anonymous.get("/learning")->status, 303);
    EXPECT_EQ(anonymous.get("/learning/building-trust")->status, 303);
}
