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
    // The day with choices open, a call for offers for the next, a draft after that, and a day held
    // before half-term with its feedback open.
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM events"), 4);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM events WHERE stage = 'feedback'"), 1);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM events WHERE stage = 'offers'"), 1);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM events WHERE stage = 'draft'"), 1);
    const long long event_id = count_of(database, "SELECT id FROM events WHERE stage = 'choices'");
    const std::string base = "/events/" + std::to_string(event_id);
    const std::string of_the_day = " AND event_id = " + std::to_string(event_id);
    EXPECT_EQ(
        count_of(database, "SELECT COUNT(*) FROM workshop_offers WHERE status = 'approved'" + of_the_day),
        18);
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
                       "'teacher@oakfield.example', 'support@oakfield.example') AND c.event_id = " +
                           std::to_string(event_id)),
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
    const long long chosen =
        count_of(database, "SELECT COUNT(DISTINCT person_id) FROM workshop_choices WHERE event_id = " +
                               std::to_string(event_id));
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
    EXPECT_EQ(
        count_of(database, "SELECT COUNT(*) FROM placements p WHERE p.session_id IS NULL AND NOT EXISTS "
                           "(SELECT 1 FROM workshop_sessions s JOIN workshop_offers o ON o.id = s.offer_id "
                           "WHERE o.presenter_id = p.person_id AND s.slot_id = p.slot_id) AND p.event_id = " +
                               std::to_string(event_id)),
        0);
}

// The day held before half-term went through every stage: the engine placed everyone, registers were
// kept, and those who came rated their workshops; the colleagues rated best are in "Who can help with …".
TEST(DemoTrainingDay, a_past_day_has_registers_and_feedback) {
    TestDatabase database;
    ASSERT_EQ(run_cli(database, {"demo", "--training-day"}), 0);
    const long long event_id = count_of(database, "SELECT id FROM events WHERE stage = 'feedback'");
    const std::string of_the_day = std::to_string(event_id);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM workshop_offers WHERE event_id = " + of_the_day), 8);
    EXPECT_GT(count_of(database, "SELECT COUNT(*) FROM attendance_marks a JOIN workshop_sessions s ON s.id = "
                                 "a.session_id WHERE a.session_kind = 'workshop' AND s.event_id = " +
                                     of_the_day),
              500);
    EXPECT_GT(count_of(database, "SELECT COUNT(DISTINCT person_id) FROM feedback WHERE about_kind = 'event' "
                                 "AND about_id = " +
                                     of_the_day),
              200);
    // The demo teacher was there and has not answered yet, so she can.
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM feedback f JOIN people p ON p.id = f.person_id WHERE "
                                 "p.email = '" +
                                     kDemoTeacher + "'"),
              0);

    TestServer server(database);
    Browser teacher(server);
    ASSERT_EQ(teacher.sign_in(kDemoTeacher, kDemoPassword)->status, 303);
    auto survey = teacher.get("/events/" + of_the_day + "/feedback");
    ASSERT_EQ(survey->status, 200);
    auto experts = teacher.get("/expertise?q=questioning");
    ASSERT_EQ(experts->status, 200);
    EXPECT_TRUE(contains(experts->body, "Presented &#8220;Questioning so that everyone thinks") ||
                contains(experts->body, "Presented \u201cQuestioning so that everyone thinks"))
        << experts->body;
    EXPECT_TRUE(contains(experts->body, "out of 5 by")) << experts->body;
}

// The PD lead's home page tells each coming or recent day's progress in its own stage's figures, read
// from the database (the day held more than a month ago is no longer there); the held day's own page
// tells every stage's, registers kept among them.
TEST(DemoTrainingDay, the_leads_home_page_tells_each_days_progress_in_its_stage) {
    TestDatabase database;
    ASSERT_EQ(run_cli(database, {"demo", "--training-day"}), 0);
    auto of_stage = [&](const std::string& stage) {
        return " AND event_id = (SELECT id FROM events WHERE stage = '" + stage + "')";
    };
    const long long chosen = count_of(
        database, "SELECT COUNT(DISTINCT person_id) FROM workshop_choices WHERE 1 = 1" + of_stage("choices"));
    const long long waiting = count_of(
        database, "SELECT COUNT(*) FROM workshop_offers WHERE status = 'submitted'" + of_stage("offers"));
    const long long approved = count_of(
        database, "SELECT COUNT(*) FROM workshop_offers WHERE status = 'approved'" + of_stage("offers"));
    const long long gave_feedback = count_of(
        database, "SELECT COUNT(DISTINCT person_id) FROM feedback WHERE about_kind = 'event' AND about_id = "
                  "(SELECT id FROM events WHERE stage = 'feedback')");
    const long long sessions =
        count_of(database, "SELECT COUNT(*) FROM workshop_sessions WHERE 1 = 1" + of_stage("feedback"));
    const long long registers = count_of(
        database,
        "SELECT COUNT(DISTINCT a.session_id) FROM attendance_marks a JOIN workshop_sessions s ON s.id = "
        "a.session_id WHERE a.session_kind = 'workshop'" +
            std::string(" AND s.event_id = (SELECT id FROM events WHERE stage = 'feedback')"));
    ASSERT_GT(registers, 0);

    TestServer server(database);
    Browser lead(server);
    ASSERT_EQ(lead.sign_in(kDemoTrustLead, kDemoPassword)->status, 303);
    const std::string home = lead.get("/")->body;
    EXPECT_TRUE(
        contains(home, "Choices open: " + std::to_string(chosen) + " of 435 people taking part have chosen"))
        << home;
    EXPECT_TRUE(contains(home, std::to_string(waiting) + (waiting == 1 ? " offer" : " offers") +
                                   " waiting for review, " + std::to_string(approved) + " approved"))
        << home;
    EXPECT_TRUE(contains(home, "staff cannot see the day yet")) << home;
    // The lead's card for the staff directory counts everyone still in the trust.
    const long long staff = count_of(database, "SELECT COUNT(*) FROM people WHERE left_at = 0");
    EXPECT_TRUE(contains(home, std::to_string(staff) + " people in your organisation.")) << home;
    EXPECT_FALSE(contains(home, "gave feedback")) << "the held day is more than a month past";

    const long long held = count_of(database, "SELECT id FROM events WHERE stage = 'feedback'");
    const std::string day = lead.get("/events/" + std::to_string(held))->body;
    EXPECT_TRUE(
        contains(day, std::to_string(registers) + " of " + std::to_string(sessions) + " registers kept"))
        << day;
    ASSERT_GT(gave_feedback, 0);
    EXPECT_TRUE(contains(day, std::to_string(gave_feedback) + " people gave feedback")) << day;
}
