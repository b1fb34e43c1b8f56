// The demo's training day, as `make run` loads it: choices open, the demo logins free to choose,
// and the PD lead able to allocate everyone and publish over HTTP.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "harness.h"

using namespace trellis::testing;

TEST(DemoTrainingDay, opens_for_choices_and_allocates_everyone_over_http) {
    TestDatabase database;
    std::string output;
    ASSERT_EQ(run_cli(database, {"demo", "--if-empty", "--training-day"}, &output), 0) << output;
    EXPECT_TRUE(contains(output, "a training day with choices open")) << output;
    // Loading again into the same database changes nothing.
    ASSERT_EQ(run_cli(database, {"demo", "--if-empty", "--training-day"}), 0);
    // The day with choices open, a call for offers for the next, and a draft after that.
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM events"), 3);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM events WHERE stage = 'offers'"), 1);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM events WHERE stage = 'draft'"), 1);
    const long long event_id = count_of(database, "SELECT id FROM events WHERE stage = 'choices'");
    const std::string base = "/events/" + std::to_string(event_id);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM workshop_offers WHERE status = 'approved'"), 18);
    // No presenter runs two sessions at once.
    EXPECT_EQ(count_of(database,
                       "SELECT COUNT(*) FROM (SELECT s.slot_id, o.presenter_id FROM workshop_sessions s "
                       "JOIN workshop_offers o ON o.id = s.offer_id GROUP BY s.slot_id, o.presenter_id "
                       "HAVING COUNT(*) > 1) AS twice"),
              0);
    // The demo logins have not chosen, so they can.
    EXPECT_EQ(count_of(database,
                       "SELECT COUNT(*) FROM workshop_choices c JOIN people p ON p.id = c.person_id "
                       "WHERE p.email LIKE '%@oakfield.example' AND p.email IN ('admin@oakfield.example', "
                       "'pdlead@oakfield.example', 'schoollead@oakfield.example', "
                       "'teacher@oakfield.example', 'support@oakfield.example')"),
              0);

    TestServer server(database);
    Browser teacher(server);
    ASSERT_EQ(teacher.sign_in(kDemoTeacher, kDemoPassword)->status, 303);
    auto catalogue = teacher.get(base + "/workshops");
    ASSERT_EQ(catalogue->status, 200);
    EXPECT_TRUE(contains(catalogue->body, "Hinge questions"));
    EXPECT_FALSE(contains(catalogue->body, "Office and reception")) << "a support-only workshop";
    ASSERT_EQ(teacher.get(base + "/choices")->status, 200);

    Browser lead(server);
    ASSERT_EQ(lead.sign_in(kDemoTrustLead, kDemoPassword)->status, 303);
    const long long chosen = count_of(database, "SELECT COUNT(DISTINCT person_id) FROM workshop_choices");
    auto demand = lead.get(base + "/demand");
    ASSERT_EQ(demand->status, 200);
    EXPECT_TRUE(contains(demand->body, std::to_string(chosen) + " of 435 people taking part have chosen"))
        << demand->body.substr(0, 3000);

    lead.get(base);
    ASSERT_EQ(lead.post(base + "/stage", {{"stage", "allocating"}})->status, 303);
    lead.get(base + "/allocation");
    auto started = lead.post(base + "/allocation", {});
    ASSERT_EQ(started->status, 303) << started->body;
    const std::string run = started->get_header_value("Location");
    std::string state;
    for (int attempt = 0; attempt < 600; ++attempt) {
        state = lead.get(run + "/progress")->body;
        if (!contains(state, "\"running\""))
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ASSERT_TRUE(contains(state, "\"done\"")) << state;
    auto result = lead.get(base + "/allocation");
    ASSERT_EQ(result->status, 200);
    EXPECT_TRUE(contains(result->body, "435 people taking part"));
    EXPECT_TRUE(contains(result->body, "this is the best possible allocation"))
        << result->body.substr(0, 6000);
    // Everyone has a place in every slot they do not present in.
    EXPECT_EQ(count_of(database,
                       "SELECT COUNT(*) FROM placements p WHERE p.session_id IS NULL AND NOT EXISTS "
                       "(SELECT 1 FROM workshop_sessions s JOIN workshop_offers o ON o.id = s.offer_id "
                       "WHERE o.presenter_id = p.person_id AND s.slot_id = p.slot_id)"),
              0);
}
