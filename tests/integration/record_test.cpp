// A person's own CPD record over HTTP: filled in from the sessions they were marked at, with hours
// by kind for the school year and for a range they choose; a range that is not one is refused.
#include <gtest/gtest.h>

#include "harness.h"

using namespace trellis::testing;

class Record : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo", "--training-day"}), 0);
        server = std::make_unique<TestServer>(database);
    }
    std::unique_ptr<Browser> signed_in(const std::string& email) {
        auto browser = std::make_unique<Browser>(*server);
        EXPECT_EQ(browser->sign_in(email, kDemoPassword)->status, 303) << email;
        browser->get("/");
        return browser;
    }

    TestDatabase database;
    std::unique_ptr<TestServer> server;
};

TEST_F(Record, fills_itself_in_from_sessions_attended_and_totals_the_hours) {
    // The demo teacher missed the launch and has done nothing yet this year.
    auto teacher = signed_in(kDemoTeacher);
    auto empty = teacher->get("/record");
    ASSERT_EQ(empty->status, 200);
    EXPECT_TRUE(contains(empty->body, "Nothing yet this school year."));

    // The clinic on 12 November (an hour) is registered with her there.
    const long long clinic = count_of(
        database,
        "SELECT id FROM programme_activities WHERE title = 'Clinic: what happened when you tried it'");
    const long long programme = count_of(
        database, "SELECT programme_id FROM programme_activities WHERE id = " + std::to_string(clinic));
    const std::string path =
        "/programmes/" + std::to_string(programme) + "/activities/" + std::to_string(clinic);
    auto lead = signed_in(kDemoTrustLead);
    lead->get(path + "/register");
    const long long grace = count_of(database, "SELECT id FROM people WHERE email = '" + kDemoTeacher + "'");
    ASSERT_EQ(lead->post(path + "/register", {{"present", std::to_string(grace)}})->status, 303);

    auto page = teacher->get("/record");
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(contains(page->body, "Clinic: what happened when you tried it"));
    EXPECT_TRUE(contains(page->body, "Programme session attended</th><td>1</td><td>1 hour</td>"))
        << page->body;
    // The lead's record is hers alone: the teacher's session is not in it.
    EXPECT_FALSE(contains(lead->get("/record")->body, "Clinic: what happened when you tried it"));

    // A range she chooses counts what falls in it.
    auto autumn = teacher->get("/record?from=2026-11-01&to=2026-11-30");
    EXPECT_TRUE(contains(autumn->body, "1 hour in all"));
    auto october = teacher->get("/record?from=2026-10-01&to=2026-10-31");
    EXPECT_TRUE(contains(october->body, "Nothing in this range."));
    // A range that is not one says why.
    auto backwards = teacher->get("/record?from=2026-11-30&to=2026-11-01");
    EXPECT_EQ(backwards->status, 400);
    EXPECT_TRUE(contains(backwards->body, "must end on or after the day it starts"));
    EXPECT_EQ(teacher->get("/record?from=soon&to=2026-11-01")->status, 400);
}

TEST_F(Record, support_staff_see_the_session_they_were_registered_at) {
    // The demo's support programme kept the register of its October session.
    const long long dan_there = count_of(
        database, "SELECT COUNT(*) FROM attendance_marks a JOIN people p ON p.id = a.person_id WHERE "
                  "p.email = '" +
                      kDemoSupport + "' AND a.status = 'present'");
    auto support = signed_in(kDemoSupport);
    auto page = support->get("/record");
    ASSERT_EQ(page->status, 200);
    EXPECT_EQ(contains(page->body, "Working alongside the teacher"), dan_there == 1);
}
