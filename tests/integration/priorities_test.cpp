// Priorities over HTTP: the trust's kept by its PD lead, a school's own and the trust priorities it
// takes on kept by the school's PD lead, read by everyone, and named by training days' briefs.
#include <gtest/gtest.h>

#include "harness.h"

using namespace trellis::testing;

class Priorities : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo", "--training-day"}), 0);
        server = std::make_unique<TestServer>(database);
    }
    std::unique_ptr<Browser> signed_in(const std::string& email) {
        auto browser = std::make_unique<Browser>(*server);
        EXPECT_EQ(browser->sign_in(email, kDemoPassword)->status, 303) << email;
        browser->get("/priorities");
        return browser;
    }

    TestDatabase database;
    std::unique_ptr<TestServer> server;
};

TEST_F(Priorities, training_days_briefs_name_the_trusts_priorities_once_each) {
    // Three demo days name the same five priorities: five trust priorities, every brief tied to one.
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM priorities WHERE school_id IS NULL"), 5);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM event_priorities WHERE priority_id IS NULL"), 0);
    EXPECT_EQ(count_of(database, "SELECT COUNT(DISTINCT priority_id) FROM event_priorities"), 5);

    // Renamed once, it reads the same in every brief.
    auto lead = signed_in(kDemoTrustLead);
    const long long first = count_of(database, "SELECT MIN(id) FROM priorities");
    const std::string path = "/priorities/" + std::to_string(first);
    ASSERT_EQ(lead->get(path + "/edit")->status, 200);
    auto renamed = lead->post(path, {{"title", "Reading in every subject"},
                                     {"meaning", "Every lesson has some reading aloud."},
                                     {"staff_groups", "teacher"},
                                     {"staff_groups", "support"},
                                     {"phases", "secondary"},
                                     {"success", "Pupils read more, and more widely."}});
    ASSERT_EQ(renamed->status, 303) << renamed->body;
    EXPECT_EQ(
        count_of(database, "SELECT COUNT(*) FROM event_priorities WHERE title = 'Reading in every subject'"),
        4);
    auto page = lead->get("/priorities");
    for (const char* expected : {"Reading in every subject", "Every lesson has some reading aloud.",
                                 "Teacher, Support staff · Secondary", "Pupils read more, and more widely."})
        EXPECT_NE(page->body.find(expected), std::string::npos) << expected;
}

TEST_F(Priorities, a_school_lead_keeps_the_schools_own_and_picks_the_trusts_it_takes_on) {
    auto school_lead = signed_in(kDemoSchoolLead);
    ASSERT_EQ(school_lead
                  ->post("/priorities", {{"scope", "school"},
                                         {"title", "Phonics for every adult in the room"},
                                         {"staff_groups", "support"}})
                  ->status,
              303);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM priorities WHERE school_id IS NOT NULL AND title = "
                                 "'Phonics for every adult in the room'"),
              1);
    const long long first = count_of(database, "SELECT MIN(id) FROM priorities WHERE school_id IS NULL");
    ASSERT_EQ(school_lead->post("/priorities/adopted", {{"priority_id", std::to_string(first)}})->status,
              303);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM school_priorities"), 1);
    auto page = school_lead->get("/priorities");
    EXPECT_NE(page->body.find("My school's own priorities"), std::string::npos);
    EXPECT_NE(page->body.find("value=\"" + std::to_string(first) + "\" checked"), std::string::npos);

    // A school lead cannot change the trust's priorities, nor add one for the trust.
    EXPECT_EQ(school_lead->get("/priorities/" + std::to_string(first) + "/edit")->status, 403);
    EXPECT_EQ(school_lead->post("/priorities", {{"scope", "trust"}, {"title", "Ours now"}})->status, 400);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM priorities WHERE title = 'Ours now'"), 0);
}

TEST_F(Priorities, everyone_reads_them_and_bad_input_saves_nothing) {
    auto teacher = signed_in(kDemoTeacher);
    auto page = teacher->get("/priorities");
    EXPECT_EQ(page->status, 200);
    EXPECT_EQ(page->body.find("Add a trust priority"), std::string::npos);
    EXPECT_EQ(teacher->post("/priorities", {{"scope", "trust"}, {"title", "Mine"}})->status, 400);

    auto lead = signed_in(kDemoTrustLead);
    const long long before = count_of(database, "SELECT COUNT(*) FROM priorities");
    auto empty = lead->post("/priorities", {{"scope", "trust"}, {"title", "  "}});
    EXPECT_EQ(empty->status, 400);
    EXPECT_NE(empty->body.find("Give the priority a title"), std::string::npos);
    EXPECT_EQ(
        lead->post("/priorities", {{"scope", "trust"}, {"title", "X"}, {"staff_groups", "pupils"}})->status,
        400);
    EXPECT_EQ(lead->post("/priorities", {{"scope", "trust"}, {"title", "X"}, {"owner_id", "999999"}})->status,
              400);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM priorities"), before);
}
