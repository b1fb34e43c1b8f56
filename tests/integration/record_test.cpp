// A person's own CPD record over HTTP: filled in from the sessions they were marked at, with hours
// by kind for the school year and for a range they choose; a range that is not one is refused; and
// their own entries, kept to themselves, exported as CSV and as a PDF.
#include <gtest/gtest.h>

#include <regex>
#include <tuple>

#include "harness.h"

using namespace trellis::testing;

class Record : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo", "--training-day"}), 0);
        // The demo logins' own logged learning is dated from the real today; these tests count
        // from known days, so each starts with only what Trellis records by itself. The demo's
        // entries are counted by the_demo_logins_logged_a_year_of_learning below.
        demo_entries = count_of(database, "SELECT COUNT(*) FROM record_entries");
        auto session = database.open().lease();
        // Likewise the demo's mentoring meetings, peer observations, group meetings and the
        // workshops of its past training day.
        for (const char* table : {"record_entries", "mentoring_meetings", "mentoring_pairs",
                                  "peer_observations", "group_meetings"})
            *session << std::string("DELETE FROM ") + table;
        *session << "DELETE FROM attendance_marks WHERE session_kind = 'workshop'";
        server = std::make_unique<TestServer>(database);
    }
    long long demo_entries = 0;
    std::unique_ptr<Browser> signed_in(const std::string& email) {
        auto browser = std::make_unique<Browser>(*server);
        EXPECT_EQ(browser->sign_in(email, kDemoPassword)->status, 303) << email;
        browser->get("/");
        return browser;
    }

    TestDatabase database;
    std::unique_ptr<TestServer> server;
};

TEST_F(Record, the_demo_logins_logged_a_year_of_learning) {
    // The trust PD lead, the school PD lead, the teacher and the teaching assistant: 4 + 4 + 6 + 5.
    EXPECT_EQ(demo_entries, 19);
}

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

TEST_F(Record, a_person_logs_edits_exports_and_removes_what_they_did_and_nobody_else_can) {
    auto teacher = signed_in(kDemoTeacher);
    const std::string count = "SELECT COUNT(*) FROM record_entries WHERE title LIKE '%Rosenshine%'";
    teacher->get("/record/new");
    const httplib::Params reading{{"category", "reading"},
                                  {"title", "=Rosenshine's principles, again"},
                                  {"day", "2026-11-20"},
                                  {"hours", "1.5"},
                                  {"link", "https://example.org/principles"},
                                  {"reflection", "Start each lesson with a short review."}};
    // What breaks a rule is refused with a reason, and nothing is kept.
    for (const auto& [field, value, reason] : std::vector<std::tuple<std::string, std::string, std::string>>{
             {"day", "2099-01-01", "today or before"},
             {"hours", "lots", "in hours"},
             {"link", "javascript:alert(1)", "must be a web address"},
             {"category", "gossip", "what kind of learning"}}) {
        httplib::Params bad = reading;
        bad.erase(field);
        bad.emplace(field, value);
        auto refused = teacher->post("/record", bad);
        EXPECT_EQ(refused->status, 400) << field;
        EXPECT_TRUE(contains(refused->body, reason)) << field << ": " << reason;
        EXPECT_TRUE(contains(refused->body, "Rosenshine")) << "what was typed is kept";
    }
    EXPECT_EQ(count_of(database, count), 0);

    ASSERT_EQ(teacher->post("/record", reading)->status, 303);
    EXPECT_EQ(count_of(database, count), 1);
    const long long id = count_of(database, "SELECT MAX(id) FROM record_entries");
    auto page = teacher->get("/record");
    EXPECT_TRUE(contains(page->body, "Professional reading</th><td>1</td><td>1 hour 30 min</td>"))
        << page->body;
    EXPECT_TRUE(contains(page->body, "Start each lesson with a short review."));

    // Another person can neither see, change nor remove it: to them it does not exist.
    auto lead = signed_in(kDemoTrustLead);
    const std::string edit = "/record/entries/" + std::to_string(id) + "/edit";
    EXPECT_EQ(lead->get(edit)->status, 404);
    EXPECT_EQ(lead->post(edit, reading)->status, 404);
    EXPECT_EQ(lead->post("/record/entries/" + std::to_string(id) + "/delete", {})->status, 404);
    EXPECT_FALSE(contains(lead->get("/record")->body, "Rosenshine"));
    EXPECT_EQ(count_of(database, count), 1);

    // She changes it.
    auto form = teacher->get(edit);
    ASSERT_EQ(form->status, 200);
    EXPECT_TRUE(contains(form->body, "value=\"1.5\""));
    httplib::Params changed = reading;
    changed.erase("hours");
    changed.emplace("hours", "2");
    ASSERT_EQ(teacher->post(edit, changed)->status, 303);
    EXPECT_EQ(count_of(database, "SELECT minutes FROM record_entries WHERE id = " + std::to_string(id)), 120);

    // The spreadsheet has it, with the title kept from running as a formula.
    auto csv = teacher->get("/record.csv");
    ASSERT_EQ(csv->status, 200);
    EXPECT_TRUE(contains(csv->get_header_value("Content-Disposition"), "cpd-record.csv"));
    EXPECT_TRUE(contains(csv->body, "day,kind,what,part_of,hours,link,reflection"));
    EXPECT_TRUE(contains(csv->body, "2026-11-20,Professional reading,\"'=Rosenshine's principles, again\""))
        << csv->body;

    // And the PDF for an appraisal: her name, the entry, its hours; her reflection stays out of it.
    auto pdf = teacher->get("/record.pdf");
    ASSERT_EQ(pdf->status, 200);
    EXPECT_EQ(pdf->get_header_value("Content-Type"), "application/pdf");
    // One space for every run of white space, however the page wrapped the lines.
    const std::string text = std::regex_replace(pdf_text(pdf->body), std::regex(R"(\s+)"), " ");
    EXPECT_TRUE(contains(text, "CPD record: Grace Okafor")) << text;
    // Entries sit under their month's heading, each starting with its day.
    EXPECT_TRUE(contains(text, "November 2026")) << text;
    EXPECT_TRUE(contains(text, "Fri 20, Professional reading: =Rosenshine's principles, again, 2 hours"))
        << text;
    EXPECT_TRUE(contains(text, "Professional reading: 2 hours (1 entry)")) << text;
    EXPECT_FALSE(contains(text, "short review"));
    // A range chosen is printed too; one that is not a range is refused.
    EXPECT_TRUE(contains(pdf_text(teacher->get("/record.pdf?from=2026-11-01&to=2026-11-30")->body),
                         "The range chosen"));
    EXPECT_EQ(teacher->get("/record.pdf?from=2026-11-30&to=2026-11-01")->status, 400);

    ASSERT_EQ(teacher->post("/record/entries/" + std::to_string(id) + "/delete", {})->status, 303);
    EXPECT_EQ(count_of(database, count), 0);
}

TEST_F(Record, mentoring_and_observation_hours_count_in_the_school_year_they_happened) {
    const std::string grace =
        std::to_string(count_of(database, "SELECT id FROM people WHERE email = '" + kDemoTeacher + "'"));
    const std::string tom =
        std::to_string(count_of(database, "SELECT id FROM people WHERE email = '" + kDemoSchoolLead + "'"));
    {
        auto session = database.open().lease();
        *session << "INSERT INTO mentoring_pairs (trust_id, kind, mentor_id, mentee_id, focus, status, "
                    "created_at) "
                    "VALUES (1, 'mentoring', " +
                        tom + ", " + grace + ", '', 'active', 0)";
        // The last day of one school year and the first of the next.
        for (const auto& [day, minutes] : {std::pair{"2026-08-31", 60}, std::pair{"2026-09-01", 45}})
            *session << "INSERT INTO mentoring_meetings (trust_id, pair_id, day, minutes, focus, next_step, "
                        "next_step_by, created_at) VALUES (1, (SELECT MAX(id) FROM mentoring_pairs), '" +
                            std::string(day) + "', " + std::to_string(minutes) + ", 'Starts', 'Try it', '" +
                            day + "', 0)";
        for (const auto& [day, minutes] : {std::pair{"2026-07-20", 20}, std::pair{"2026-09-10", 30}})
            *session << "INSERT INTO peer_observations (trust_id, host_id, observer_id, day, minutes, "
                        "what_to_watch, "
                        "focus, status, created_at) VALUES (1, " +
                            grace + ", " + tom + ", '" + day + "', " + std::to_string(minutes) +
                            ", 'Year 8 science', 'Wait time', 'written', 0)";
    }
    server = std::make_unique<TestServer>(
        database, std::map<std::string, std::string>{{"TRELLIS_TODAY", "2026-10-01"}});
    auto teacher = signed_in(kDemoTeacher);
    const std::string year = teacher->get("/record")->body;
    EXPECT_TRUE(contains(year, "This school year, 2026–27: 1 hour 15 min")) << year;
    EXPECT_TRUE(contains(year, "Mentoring or coaching received</th><td>1</td><td>45 min</td>"));
    EXPECT_TRUE(contains(year, "Peer observation received</th><td>1</td><td>30 min</td>"));
    // The summer before falls in the year before, and a range across the boundary holds both sides.
    EXPECT_TRUE(
        contains(teacher->get("/record?from=2026-07-01&to=2026-08-31")->body, "1 hour 20 min in all"));
    EXPECT_TRUE(
        contains(teacher->get("/record?from=2026-08-31&to=2026-09-01")->body, "1 hour 45 min in all"));
    // The mentor's record counts the same meetings and observations as given.
    auto mentor = signed_in(kDemoSchoolLead);
    const std::string given = mentor->get("/record")->body;
    EXPECT_TRUE(contains(given, "Mentoring or coaching given</th><td>1</td><td>45 min</td>"));
    EXPECT_TRUE(contains(given, "Peer observation given</th><td>1</td><td>30 min</td>"));
}
