// A programme's impact over HTTP on both databases: the lead's plan makes the programme's surveys;
// check-ins open 6 and 12 weeks after its last session (on a clock the test sets) for the programme's
// people only; an anonymous before and after are matched by a code the person keeps, never by a name;
// no view shows a group under five; pupil outcomes are checked; other trusts see nothing.
#include <gtest/gtest.h>

#include <chrono>
#include <regex>

#include "calendar/school_year.h"
#include "harness.h"

using namespace trellis::testing;

namespace {

std::string days_after(const std::string& day, int days) {
    return trellis::calendar::text_of(*trellis::calendar::parse_day(day) + std::chrono::days(days));
}

const std::string kProgramme = "/programmes/1";
const std::string kStatements = "Planning questions that make every pupil think\nUsing wait time well\n"
                                "Hearing from every pupil";

} // namespace

class Impact : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo", "--training-day"}), 0);
        ASSERT_EQ(
            count_of(database, "SELECT COUNT(*) FROM programmes WHERE id = 1 AND title LIKE 'Questioning%'"),
            1);
        clear_demo_plan();
        start("");
    }
    // The demo's own plan for this programme is cleared, so each test starts from none.
    void clear_demo_plan() {
        auto& direct = database.open();
        auto sql = direct.lease();
        const std::string surveys = "(SELECT id FROM surveys WHERE programme_id = 1)";
        *sql << "DELETE FROM survey_answers WHERE response_id IN (SELECT id FROM survey_responses WHERE "
                "survey_id IN " +
                    surveys + ")";
        for (const char* table :
             {"survey_responses", "survey_answerers", "survey_drafts", "survey_questions"})
            *sql << std::string("DELETE FROM ") + table + " WHERE survey_id IN " + surveys;
        *sql << "DELETE FROM surveys WHERE programme_id = 1";
        *sql << "DELETE FROM pupil_outcomes WHERE programme_id = 1";
        *sql << "DELETE FROM impact_plans WHERE programme_id = 1";
    }
    void start(const std::string& today) {
        server.reset();
        std::map<std::string, std::string> environment;
        if (!today.empty())
            environment["TRELLIS_TODAY"] = today;
        server = std::make_unique<TestServer>(database, environment);
    }
    std::unique_ptr<Browser> signed_in(const std::string& email,
                                       const std::string& password = kDemoPassword) {
        auto browser = std::make_unique<Browser>(*server);
        EXPECT_EQ(browser->sign_in(email, password)->status, 303) << email;
        browser->get("/");
        return browser;
    }
    void make_plan(const std::string& anonymous = "1") {
        auto lead = signed_in(kDemoTrustLead);
        lead->get(kProgramme + "/impact");
        auto saved = lead->post(kProgramme + "/impact/plan", {{"reactions", "1"},
                                                              {"learning", "1"},
                                                              {"support", "1"},
                                                              {"use", "1"},
                                                              {"anonymous", anonymous},
                                                              {"statements", kStatements},
                                                              {"measures", "Pupils answering in class (%)"}});
        ASSERT_EQ(saved->status, 303) << saved->body;
    }
    std::string survey_day(const std::string& purpose, const std::string& column) {
        const auto found = texts_of(database, "SELECT " + column +
                                                  " FROM surveys WHERE programme_id = 1 AND "
                                                  "purpose = '" +
                                                  purpose + "'");
        return found.empty() ? "" : found.front();
    }
    long long survey_id(const std::string& purpose) {
        return count_of(database,
                        "SELECT id FROM surveys WHERE programme_id = 1 AND purpose = '" + purpose + "'");
    }

    TestDatabase database;
    std::unique_ptr<TestServer> server;
};

TEST_F(Impact, check_ins_open_six_and_twelve_weeks_after_the_last_session_for_the_programmes_people) {
    make_plan();
    const std::string last = texts_of(database, "SELECT MAX(starts_on) FROM programme_activities WHERE "
                                                "programme_id = 1")
                                 .front();
    EXPECT_EQ(survey_day("after", "opens_on"), last);
    EXPECT_EQ(survey_day("follow_up_6", "opens_on"), days_after(last, 42));
    EXPECT_EQ(survey_day("follow_up_12", "opens_on"), days_after(last, 84));

    const std::string six_weeks = "Questioning that makes every pupil think: six weeks on";
    const std::string twelve_weeks = "Questioning that makes every pupil think: twelve weeks on";
    start(days_after(last, 41));
    EXPECT_FALSE(contains(signed_in(kDemoTeacher)->get("/")->body, six_weeks));
    start(days_after(last, 42));
    auto teacher = signed_in(kDemoTeacher);
    EXPECT_TRUE(contains(teacher->get("/")->body, six_weeks));
    EXPECT_FALSE(contains(teacher->get("/")->body, twelve_weeks));
    // Support staff are not in this programme for teachers: not on their page, and refused.
    auto support = signed_in(kDemoSupport);
    EXPECT_FALSE(contains(support->get("/")->body, six_weeks));
    const std::string check_in = "/surveys/" + std::to_string(survey_id("follow_up_6"));
    EXPECT_TRUE(contains(support->get(check_in)->body, "This survey is not for you."));
    EXPECT_EQ(support->post(check_in + "/answers", {{"q1", "1"}})->status, 403);
    start(days_after(last, 84));
    EXPECT_TRUE(contains(signed_in(kDemoTeacher)->get("/")->body, twelve_weeks));
    EXPECT_FALSE(contains(signed_in(kDemoTeacher)->get("/")->body, six_weeks)) << "closed after a fortnight";
}

TEST_F(Impact, an_anonymous_before_and_after_are_matched_by_a_code_and_small_views_show_nothing) {
    make_plan();
    const long long before = survey_id("before"), after = survey_id("after");
    const long long before_grid =
        count_of(database, "SELECT id FROM survey_questions WHERE survey_id = " + std::to_string(before));
    const long long after_grid =
        count_of(database, "SELECT MIN(id) FROM survey_questions WHERE survey_id = " + std::to_string(after));
    // The teacher answers before, with a code she keeps.
    start(survey_day("before", "opens_on"));
    auto teacher = signed_in(kDemoTeacher);
    const std::string before_page = "/surveys/" + std::to_string(before);
    EXPECT_TRUE(contains(teacher->get(before_page)->body, "Your matching code"));
    const std::string q = "q" + std::to_string(before_grid);
    ASSERT_EQ(teacher
                  ->post(before_page + "/answers",
                         {{q + "_0", "1"}, {q + "_1", "1"}, {q + "_2", "2"}, {"match_code", "Blue Heron 7"}})
                  ->status,
              303);
    // Nothing stored names her or keeps the code as typed, or a time finer than the day.
    for (const auto& row : texts_of(database, "SELECT COALESCE(CAST(person_id AS TEXT), 'none') || '|' || "
                                              "answered_on || '|' || match_code FROM survey_responses WHERE "
                                              "survey_id = " +
                                                  std::to_string(before))) {
        EXPECT_TRUE(std::regex_match(row, std::regex(R"(none\|\d{4}-\d{2}-\d{2}\|[0-9a-f]{64})"))) << row;
        EXPECT_FALSE(contains(row, "heron"));
    }
    // Six colleagues answered both (arranged directly), each with their own code.
    {
        auto& direct = database.open();
        auto sql = direct.lease();
        for (int person = 0; person < 6; ++person)
            for (const auto& [survey, question, picks] :
                 {std::tuple{before, before_grid, std::string("1,1,1")},
                  {after, after_grid, std::string("3,3,4")}}) {
                const long long response = 900000 + person * 10 + (survey == after ? 1 : 0);
                *sql << "INSERT INTO survey_responses (id, trust_id, survey_id, school_id, staff_group, "
                        "phase, "
                        "answered_on, match_code) VALUES (" +
                            std::to_string(response) + ", 1, " + std::to_string(survey) +
                            ", 2, 'teacher', 'primary', '2027-01-01', 'code" + std::to_string(person) + "')";
                *sql << "INSERT INTO survey_answers (trust_id, response_id, question_id, picks) VALUES (1, " +
                            std::to_string(response) + ", " + std::to_string(question) + ", '" + picks + "')";
            }
    }
    // After the programme, the same code matches her two answers.
    start(survey_day("after", "opens_on"));
    teacher = signed_in(kDemoTeacher);
    const std::string after_page = "/surveys/" + std::to_string(after);
    teacher->get(after_page);
    const std::string a = "q" + std::to_string(after_grid);
    ASSERT_EQ(
        teacher
            ->post(after_page + "/answers",
                   {{a + "_0", "3"}, {a + "_1", "3"}, {a + "_2", "4"}, {"match_code", " blue heron 7 "}})
            ->status,
        303);
    auto lead = signed_in(kDemoTrustLead);
    auto page = lead->get(kProgramme + "/impact");
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(contains(page->body, "7 answered before, 7 after; 7 could be matched person by person"))
        << page->body.substr(page->body.find("level2-heading"), 600);
    // Every matched person moved from 2 to 4 on the first statement.
    EXPECT_TRUE(contains(page->body, "<th scope=\"row\">Planning questions that make every pupil think</th>"
                                     "<td>2.0</td><td>4.0</td><td>+2.0</td>"));
    // A school where fewer than five answered shows nothing.
    const long long teacher_school =
        count_of(database, "SELECT school_id FROM people WHERE email = '" + kDemoTeacher + "'");
    auto small = lead->get(kProgramme + "/impact?school=" + std::to_string(teacher_school));
    EXPECT_TRUE(contains(small->body, "Fewer than 5 answers in this view")) << teacher_school;
    // The printable report carries the same figures.
    auto pdf = lead->get(kProgramme + "/impact.pdf");
    EXPECT_EQ(pdf->status, 200);
    EXPECT_EQ(pdf->body.rfind("%PDF", 0), 0u);
}

TEST_F(Impact, outcomes_are_checked_and_only_the_lead_of_this_trust_reaches_any_of_it) {
    make_plan();
    auto lead = signed_in(kDemoTrustLead);
    lead->get(kProgramme + "/impact");
    auto bad = lead->post(kProgramme + "/impact/outcomes", {{"measure", "Pupils answering in class (%)"},
                                                            {"school_id", "1"},
                                                            {"term", "2026-autumn"},
                                                            {"value", "lots"}});
    EXPECT_EQ(bad->status, 400);
    EXPECT_TRUE(contains(bad->body, "Give the figure as a number"));
    EXPECT_EQ(
        lead->post(
                kProgramme + "/impact/outcomes",
                {{"measure", "Not in the plan"}, {"school_id", "1"}, {"term", "2026-autumn"}, {"value", "3"}})
            ->status,
        400);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM pupil_outcomes WHERE programme_id = 1"), 0);
    for (const auto& [term, value] :
         {std::pair{"2026-autumn", "61"}, {"2027-spring", "68.5"}, {"2027-spring", "70"}})
        ASSERT_EQ(lead->post(kProgramme + "/impact/outcomes", {{"measure", "Pupils answering in class (%)"},
                                                               {"school_id", "1"},
                                                               {"term", term},
                                                               {"value", value}})
                      ->status,
                  303);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM pupil_outcomes WHERE programme_id = 1"), 2)
        << "the second spring figure replaced the first";
    auto page = lead->get(kProgramme + "/impact")->body;
    EXPECT_TRUE(contains(page, "<th scope=\"col\">Autumn 2026</th><th scope=\"col\">Spring 2027</th>"));
    EXPECT_TRUE(contains(page, "<td>61.0</td><td>70.0</td>"));

    // Staff do not see or change a programme's impact.
    auto teacher = signed_in(kDemoTeacher);
    EXPECT_NE(teacher->get(kProgramme + "/impact")->status, 200);
    EXPECT_NE(teacher->post(kProgramme + "/impact/plan", {{"learning", "0"}})->status, 303);
    // Another trust gets 404 on every impact address.
    ASSERT_EQ(add_northfield_trust(database), 0);
    auto northfield = signed_in(kNorthfieldAdmin, kNorthfieldPassword);
    const long long outcome = count_of(database, "SELECT MIN(id) FROM pupil_outcomes WHERE programme_id = 1");
    EXPECT_EQ(northfield->get(kProgramme + "/impact")->status, 404);
    EXPECT_EQ(northfield->get(kProgramme + "/impact.pdf")->status, 404);
    EXPECT_EQ(northfield->post(kProgramme + "/impact/plan", {{"learning", "0"}})->status, 404);
    EXPECT_EQ(northfield->post(kProgramme + "/impact/outcomes", {{"value", "1"}})->status, 404);
    EXPECT_EQ(
        northfield->post(kProgramme + "/impact/outcomes/" + std::to_string(outcome) + "/delete", {})->status,
        404);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM pupil_outcomes WHERE programme_id = 1"), 2);
    // The lead removes a figure.
    lead->get(kProgramme + "/impact");
    EXPECT_EQ(lead->post(kProgramme + "/impact/outcomes/" + std::to_string(outcome) + "/delete", {})->status,
              303);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM pupil_outcomes WHERE programme_id = 1"), 1);
}
