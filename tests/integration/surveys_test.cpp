// Surveys over HTTP on both databases: a lead builds one with a version for support staff; people
// answer once, saved as they go; an anonymous response keeps no person and no time finer than the
// day; results never show a group under five, not even by subtraction; reminders reach only those
// who have not answered.
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <regex>

#include "calendar/school_year.h"
#include "harness.h"

using namespace trellis::testing;

namespace {

std::string day_from_today(int days) {
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return trellis::calendar::text_of(today + std::chrono::days(days));
}

} // namespace

class Surveys : public ::testing::Test {
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
    long long id_of(const std::string& query) { return count_of(database, query); }

    // A survey the lead makes over HTTP: its id.
    long long make_survey(Browser& lead, const std::string& title) {
        lead.get("/surveys");
        auto created = lead.post("/surveys", {{"title", title}});
        EXPECT_EQ(created->status, 303);
        const std::string location = created->get_header_value("Location");
        return std::stoll(std::regex_replace(location, std::regex(R"(.*/surveys/(\d+)/edit.*)"), "$1"));
    }
    void open_survey(Browser& lead, long long id, const std::vector<std::string>& groups = {}) {
        const std::string path = "/surveys/" + std::to_string(id) + "/edit";
        lead.get(path);
        httplib::Params form{{"title", "Working with pupils"},
                             {"anonymous", "1"},
                             {"opens_on", day_from_today(-2)},
                             {"closes_on", day_from_today(7)}};
        for (const auto& group : groups)
            form.emplace("groups", group);
        EXPECT_EQ(lead.post(path, form)->status, 303);
    }

    TestDatabase database;
    std::unique_ptr<TestServer> server;
};

TEST_F(Surveys, support_staff_answer_their_own_version_once_and_an_anonymous_answer_keeps_no_name) {
    auto lead = signed_in(kDemoTrustLead);
    const long long id = make_survey(*lead, "Working with pupils");
    const std::string survey = "/surveys/" + std::to_string(id);
    lead->get(survey + "/edit");
    ASSERT_EQ(lead->post(survey + "/questions", {{"kind", "rating"},
                                                 {"prompt", "How useful was last year's training?"},
                                                 {"scale", "None of it\nSome of it\nAll of it"}})
                  ->status,
              303);
    ASSERT_EQ(lead->post(survey + "/questions",
                         {{"kind", "grid"},
                          {"prompt", "How confident are you in class?"},
                          {"rows", "Supporting a pupil who is stuck\nHelping with behaviour"},
                          {"groups", "support"}})
                  ->status,
              303);
    // A question that cannot be asked says why and saves nothing.
    auto refused =
        lead->post(survey + "/questions", {{"kind", "single"}, {"prompt", "Which?"}, {"options", "Only"}});
    EXPECT_EQ(refused->status, 400);
    EXPECT_TRUE(contains(refused->body, "Give at least 2 options"));
    EXPECT_EQ(id_of("SELECT COUNT(*) FROM survey_questions WHERE survey_id = " + std::to_string(id)), 2);
    // Nobody answers a draft.
    auto support = signed_in(kDemoSupport);
    EXPECT_EQ(support->get(survey)->status, 200);
    EXPECT_TRUE(contains(support->get(survey)->body, "This survey is not open yet."));
    EXPECT_EQ(support->post(survey + "/answers", {{"q1", "0"}})->status, 403);
    open_survey(*lead, id);

    // Support staff see their version; teachers do not.
    const long long rating =
        id_of("SELECT MIN(id) FROM survey_questions WHERE survey_id = " + std::to_string(id));
    const long long grid =
        id_of("SELECT MAX(id) FROM survey_questions WHERE survey_id = " + std::to_string(id));
    auto page = support->get(survey);
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(contains(page->body, "Supporting a pupil who is stuck"));
    auto teacher = signed_in(kDemoTeacher);
    EXPECT_FALSE(contains(teacher->get(survey)->body, "Supporting a pupil who is stuck"));
    const std::string home_before = support->get("/")->body;
    EXPECT_TRUE(contains(home_before, "Working with pupils"));
    EXPECT_FALSE(contains(home_before, "You have started"));

    // Half an answer is kept, with the person, until it is sent.
    const std::string q_rating = "q" + std::to_string(rating), q_grid = "q" + std::to_string(grid);
    support->get(survey);
    ASSERT_EQ(support->post(survey + "/draft", {{q_grid + "_0", "3"}})->status, 303);
    EXPECT_EQ(id_of("SELECT COUNT(*) FROM survey_drafts WHERE survey_id = " + std::to_string(id)), 1);
    EXPECT_TRUE(contains(support->get("/")->body, "You have started"));
    auto resumed = support->get(survey);
    EXPECT_TRUE(
        std::regex_search(resumed->body, std::regex("name=\"" + q_grid + "_0\" value=\"3\" checked")));
    // A point not on the scale is refused and nothing more is kept.
    auto bad = support->post(survey + "/answers", {{q_rating, "7"}, {q_grid + "_0", "3"}});
    EXPECT_EQ(bad->status, 400);
    EXPECT_TRUE(contains(bad->body, "Question 1: That is not one of the answers offered."));
    EXPECT_EQ(id_of("SELECT COUNT(*) FROM survey_responses WHERE survey_id = " + std::to_string(id)), 0);

    ASSERT_EQ(
        support->post(survey + "/answers", {{q_rating, "2"}, {q_grid + "_0", "3"}, {q_grid + "_1", "1"}})
            ->status,
        303);
    // Stored without the person, on the day only, and the draft is gone.
    const std::string where = " FROM survey_responses WHERE survey_id = " + std::to_string(id);
    EXPECT_EQ(id_of("SELECT COUNT(*)" + where), 1);
    EXPECT_EQ(id_of("SELECT COUNT(*)" + where + " AND person_id IS NULL"), 1);
    EXPECT_EQ(
        id_of("SELECT COUNT(*)" + where + " AND staff_group = 'support' AND answered_on LIKE '____-__-__'"),
        1);
    EXPECT_EQ(id_of("SELECT COUNT(*) FROM survey_drafts WHERE survey_id = " + std::to_string(id)), 0);
    EXPECT_EQ(id_of("SELECT COUNT(*) FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id "
                    "WHERE r.survey_id = " +
                    std::to_string(id) + " AND a.picks = '3,1'"),
              1);
    // Nothing in the response's row is a time or a person.
    for (const auto& value : texts_of(database, "SELECT COALESCE(CAST(person_id AS TEXT), 'none') || '|' || "
                                                "answered_on FROM survey_responses WHERE survey_id = " +
                                                    std::to_string(id)))
        EXPECT_TRUE(std::regex_match(value, std::regex(R"(none\|\d{4}-\d{2}-\d{2})"))) << value;

    // Once only: a second answer is refused, and the survey leaves the home page.
    support->get(survey);
    EXPECT_EQ(support->post(survey + "/answers", {{q_rating, "1"}})->status, 403);
    EXPECT_EQ(id_of("SELECT COUNT(*)" + where), 1);
    EXPECT_FALSE(contains(support->get("/")->body, "Working with pupils"));
}

TEST_F(Surveys, a_survey_for_one_group_is_not_answered_by_another_and_staff_see_no_results) {
    auto lead = signed_in(kDemoTrustLead);
    const long long id = make_survey(*lead, "Support staff only");
    const std::string survey = "/surveys/" + std::to_string(id);
    lead->get(survey + "/edit");
    lead->post(survey + "/questions", {{"kind", "text"}, {"prompt", "What would help?"}});
    open_survey(*lead, id, {"support"});
    const long long question =
        id_of("SELECT MIN(id) FROM survey_questions WHERE survey_id = " + std::to_string(id));
    auto teacher = signed_in(kDemoTeacher);
    EXPECT_TRUE(contains(teacher->get(survey)->body, "This survey is not for you."));
    EXPECT_EQ(teacher->post(survey + "/answers", {{"q" + std::to_string(question), "Me too"}})->status, 403);
    EXPECT_EQ(teacher->post(survey + "/draft", {{"q" + std::to_string(question), "Me too"}})->status, 403);
    EXPECT_EQ(id_of("SELECT COUNT(*) FROM survey_drafts WHERE survey_id = " + std::to_string(id)), 0);
    // Staff neither change a survey nor read its results.
    EXPECT_EQ(teacher->get(survey + "/results")->status, 403);
    EXPECT_EQ(teacher->get(survey + "/results.csv")->status, 403);
    EXPECT_EQ(teacher->get(survey + "/edit")->status, 403);
    EXPECT_EQ(teacher->post(survey + "/questions", {{"kind", "text"}, {"prompt", "Sneaky"}})->status, 403);
    EXPECT_EQ(teacher->post("/surveys", {{"title", "Mine"}})->status, 403);
}

TEST_F(Surveys, results_never_show_a_group_under_five_even_by_subtraction) {
    const long long id = id_of("SELECT id FROM surveys WHERE title = 'Autumn needs survey 2026'");
    const std::string results = "/surveys/" + std::to_string(id) + "/results";
    auto lead = signed_in(kDemoTrustLead);
    auto all = lead->get(results);
    ASSERT_EQ(all->status, 200);
    EXPECT_TRUE(contains(all->body, "<svg role=\"img\""));

    // How many answered in each school and staff group, as the database knows.
    std::map<long long, std::map<std::string, long long>> counts;
    for (const auto& row :
         texts_of(database, "SELECT CAST(school_id AS TEXT) || ':' || staff_group || ':' || "
                            "CAST(COUNT(*) AS TEXT) FROM survey_responses WHERE survey_id = " +
                                std::to_string(id) +
                                " AND school_id IS NOT NULL GROUP BY school_id, staff_group")) {
        std::smatch parts;
        ASSERT_TRUE(std::regex_match(row, parts, std::regex(R"((\d+):(\w+):(\d+))")));
        counts[std::stoll(parts[1])][parts[2]] = std::stoll(parts[3]);
    }
    int small_groups = 0;
    for (const auto& [school, groups] : counts) {
        long long withheld = 0;
        for (const auto& [group, count] : groups) {
            auto page = lead->get(results + "?school=" + std::to_string(school) + "&group=" + group);
            ASSERT_EQ(page->status, 200);
            const bool hidden = contains(page->body, "This view has fewer than 5 answers");
            if (count < 5) {
                ++small_groups;
                EXPECT_TRUE(hidden) << school << " " << group << " " << count;
                // Not even in the CSV.
                auto csv = lead->get(results + ".csv?school=" + std::to_string(school) + "&group=" + group);
                EXPECT_TRUE(contains(csv->body, "fewer than 5 answers"));
                EXPECT_FALSE(std::regex_search(csv->body, std::regex(R"(,\d+,\d+\.\d\r\n)")));
            }
            if (hidden)
                withheld += count;
            else
                EXPECT_TRUE(contains(page->body, ": " + std::to_string(count) + " answers")) << page->body;
        }
        // The school's total minus the groups shown leaves nothing, or at least five people.
        EXPECT_TRUE(withheld == 0 || withheld >= 5) << "school " << school << " leaves " << withheld;
    }
    EXPECT_GT(small_groups, 0) << "the demo has small groups to withhold";

    // Needs by priority: support staff name behaviour and their own roles most; teachers, teaching.
    EXPECT_TRUE(contains(all->body, "Needs by priority"));
    EXPECT_TRUE(contains(all->body, "Asked for, but not yet a priority"));
    // An option people chose becomes a trust priority, tied to that option from then on.
    const long long before = id_of("SELECT COUNT(*) FROM priorities WHERE school_id IS NULL");
    const long long question =
        id_of("SELECT MIN(id) FROM survey_questions WHERE survey_id = " + std::to_string(id) +
              " AND prompt = 'Where should the trust help your school most this year?'");
    lead->get(results);
    ASSERT_EQ(lead->post("/surveys/" + std::to_string(id) + "/priorities",
                         {{"question_id", std::to_string(question)}, {"option", "5"}})
                  ->status,
              303);
    EXPECT_EQ(id_of("SELECT COUNT(*) FROM priorities WHERE school_id IS NULL"), before + 1);
    EXPECT_EQ(id_of("SELECT COUNT(*) FROM priorities WHERE title = 'Leadership at every level'"), 1);
    EXPECT_TRUE(contains(lead->get(results)->body, "Leadership at every level</th>"));
    // Staff cannot add priorities this way.
    auto teacher = signed_in(kDemoTeacher);
    EXPECT_EQ(teacher
                  ->post("/surveys/" + std::to_string(id) + "/priorities",
                         {{"question_id", std::to_string(question)}, {"option", "1"}})
                  ->status,
              403);
}

TEST_F(Surveys, a_trust_that_raises_its_smallest_group_sees_more_withheld_and_never_below_three) {
    const long long id = id_of("SELECT id FROM surveys WHERE title = 'Autumn needs survey 2026'");
    const std::string results = "/surveys/" + std::to_string(id) + "/results";
    // A school's teachers who answered: at least five, so shown at first.
    const auto row =
        texts_of(database, "SELECT CAST(school_id AS TEXT) || ':' || CAST(COUNT(*) AS TEXT) FROM "
                           "survey_responses WHERE survey_id = " +
                               std::to_string(id) +
                               " AND school_id IS NOT NULL AND staff_group = 'teacher' GROUP BY "
                               "school_id HAVING COUNT(*) >= 5 ORDER BY COUNT(*)");
    ASSERT_FALSE(row.empty());
    const std::string school = row.front().substr(0, row.front().find(':'));
    const long long answered = std::stoll(row.front().substr(row.front().find(':') + 1));
    ASSERT_LT(answered, 30) << "the demo's smallest teacher group fits under the largest threshold";
    const std::string view = results + "?school=" + school + "&group=teacher";
    auto lead = signed_in(kDemoTrustLead);
    EXPECT_TRUE(contains(lead->get(view)->body, ": " + std::to_string(answered) + " answers"));

    // Only an administrator sets it, and only from three people up.
    auto admin = signed_in(kDemoAdmin);
    EXPECT_TRUE(contains(admin->get("/schools")->body, "The smallest group a report may show"));
    EXPECT_EQ(lead->post("/schools/smallest-group", {{"smallest_group", "9"}})->status, 403);
    for (const std::string typed : {"2", "0", "-4", "abc", "", "31", "5.5"}) {
        auto refused = admin->post("/schools/smallest-group", {{"smallest_group", typed}});
        EXPECT_EQ(refused->status, 400) << typed;
        EXPECT_TRUE(contains(refused->body, "Type a whole number of people from 3 to 30")) << typed;
    }
    EXPECT_EQ(id_of("SELECT smallest_group FROM trusts WHERE slug = 'oakfield'"), 5);

    const std::string raised = std::to_string(answered + 1);
    EXPECT_EQ(admin->post("/schools/smallest-group", {{"smallest_group", raised}})->status, 303);
    EXPECT_EQ(id_of("SELECT smallest_group FROM trusts WHERE slug = 'oakfield'"), answered + 1);
    EXPECT_EQ(id_of("SELECT COUNT(*) FROM audit_events WHERE action = 'smallest_group_set'"), 1);
    // The same view is now withheld, on the page and in the export, in the trust's own words.
    const auto page = lead->get(view)->body;
    EXPECT_TRUE(contains(page, "This view has fewer than " + raised + " answers")) << raised;
    EXPECT_FALSE(contains(page, ": " + std::to_string(answered) + " answers"));
    EXPECT_TRUE(contains(lead->get(results + ".csv?school=" + school + "&group=teacher")->body,
                         "fewer than " + raised + " answers"));
    EXPECT_TRUE(contains(admin->get("/schools")->body, "value=\"" + raised + "\""));
}

TEST_F(Surveys, reminders_reach_only_those_who_have_not_answered_and_questions_fix_once_answered) {
    const long long open = id_of("SELECT id FROM surveys WHERE title LIKE 'Planning the spring term%'");
    const std::string survey = "/surveys/" + std::to_string(open);
    auto lead = signed_in(kDemoTrustLead);
    auto page = lead->get(survey + "/edit");
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(contains(page->body, "Who has answered"));
    auto reminded = lead->post(survey + "/remind", {});
    ASSERT_EQ(reminded->status, 303);
    const long long answered =
        id_of("SELECT COUNT(*) FROM survey_answerers WHERE survey_id = " + std::to_string(open));
    const long long notices = id_of("SELECT COUNT(*) FROM notices WHERE link = '/surveys/" +
                                    std::to_string(open) + "' AND dismissed_at = 0");
    const long long staff = id_of("SELECT COUNT(*) FROM people WHERE left_at = 0");
    EXPECT_EQ(notices, staff - answered);
    EXPECT_TRUE(
        contains(reminded->get_header_value("Location"), "reminded=" + std::to_string(staff - answered)));

    auto teacher = signed_in(kDemoTeacher);
    EXPECT_TRUE(contains(teacher->get("/")->body, "A reminder: Planning the spring term"));
    const long long text_question =
        id_of("SELECT MAX(id) FROM survey_questions WHERE survey_id = " + std::to_string(open) +
              " AND kind = 'text' AND staff_groups LIKE '%teacher%'");
    // The results as the lead read them before, and after one more answer: never a stale count.
    const long long before_answer =
        id_of("SELECT COUNT(*) FROM survey_responses WHERE survey_id = " + std::to_string(open));
    EXPECT_TRUE(contains(lead->get(survey + "/results")->body,
                         "Everyone who answered</strong>: " + std::to_string(before_answer) + " answers"));
    teacher->get(survey);
    ASSERT_EQ(
        teacher->post(survey + "/answers", {{"q" + std::to_string(text_question), "Time to plan together"}})
            ->status,
        303);
    EXPECT_TRUE(
        contains(lead->get(survey + "/results")->body,
                 "Everyone who answered</strong>: " + std::to_string(before_answer + 1) + " answers"));
    const auto home = teacher->get("/")->body;
    EXPECT_FALSE(contains(home, "A reminder: Planning the spring term"));
    EXPECT_FALSE(contains(home, "Surveys for you"));

    // Answered questions stay as they were asked.
    lead->get(survey + "/edit");
    auto late = lead->post(survey + "/questions", {{"kind", "text"}, {"prompt", "One more thing"}});
    EXPECT_EQ(late->status, 400);
    EXPECT_TRUE(contains(late->body, "can no longer change"));
}

TEST_F(Surveys, a_culture_check_puts_leaders_and_staff_side_by_side) {
    const long long id = id_of("SELECT id FROM surveys WHERE title = 'CPD culture check, autumn 2026'");
    auto lead = signed_in(kDemoTrustLead);
    auto page = lead->get("/surveys/" + std::to_string(id) + "/results");
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(contains(page->body, "Leaders and staff side by side"));
    EXPECT_TRUE(std::regex_search(page->body, std::regex("Leaders think better of .{1,120} than staff do: "
                                                         "\\d\\.\\d against \\d\\.\\d")));
    // One school's leaders are fewer than five: both sides are withheld there.
    const long long school = id_of(
        "SELECT MIN(school_id) FROM (SELECT school_id FROM survey_responses WHERE "
        "survey_id = " +
        std::to_string(id) + " AND staff_group = 'leader' GROUP BY school_id HAVING COUNT(*) < 5) small");
    ASSERT_GT(school, 0);
    auto narrowed = lead->get("/surveys/" + std::to_string(id) + "/results?school=" + std::to_string(school));
    EXPECT_TRUE(contains(narrowed->body, "the two sides are not shown") ||
                contains(narrowed->body, "This view has fewer than 5 answers"));
    // The lead can start one from the starters.
    lead->get("/surveys");
    auto made = lead->post("/surveys/starters", {{"starter", "culture"}});
    ASSERT_EQ(made->status, 303);
    EXPECT_EQ(
        id_of("SELECT COUNT(*) FROM surveys WHERE title = 'How does professional development feel here?'"),
        1);
}
