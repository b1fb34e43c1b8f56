// Work between a programme's sessions over HTTP: reflections on practice tasks and follow-ups
// (private to the writer, counted for the lead), collaboration groups (suggested across schools,
// arranged by hand, each recording what it did), and the lead's attendance report by school and
// staff group with small groups hidden.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "calendar/london_time.h"
#include "db/database.h"
#include "harness.h"

using namespace trellis::testing;

namespace {

// The day `days` from today on school clocks, as YYYY-MM-DD.
std::string day_from_today(int days) {
    const std::string now = trellis::calendar::london_moment(trellis::db::now_seconds());
    return trellis::calendar::shifted_moment(now.substr(0, 10), "12:00", days * 24 * 60).substr(0, 10);
}

} // namespace

class ProgrammeWork : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo", "--training-day"}), 0);
        server = std::make_unique<TestServer>(database);
        lead = signed_in(kDemoTrustLead);
        // A cohort of twelve secondary teachers, six from each of two schools, the demo teacher among them.
        std::string emails = kDemoTeacher;
        for (const char* school : {"Oakfield Academy", "Riverside High School"})
            for (const std::string& email :
                 texts_of(database,
                          std::string("SELECT p.email FROM people p JOIN schools s ON s.id = p.school_id "
                                      "WHERE p.staff_group = 'teacher' AND p.email <> "
                                      "'teacher@oakfield.example' AND s.name = '") +
                              school + "' ORDER BY p.id LIMIT " + "6"))
                if (std::count(emails.begin(), emails.end(), ',') < 11)
                    emails += "," + email;
        lead->get("/programmes/new");
        auto created = lead->post("/programmes", {{"title", "Feedback that moves learning on"},
                                                  {"audience", "cohort"},
                                                  {"starts_on", day_from_today(-30)},
                                                  {"ends_on", day_from_today(300)}});
        ASSERT_EQ(created->status, 303) << created->body;
        programme = trailing_id(created->get_header_value("Location"));
        base = "/programmes/" + std::to_string(programme);
        lead->get(base);
        ASSERT_EQ(lead->post(base + "/members", {{"emails", emails}})->status, 303);
        practice = add({{"kind", "practice"},
                        {"title", "Try whole-class feedback"},
                        {"details", "Mark one set of books this way."},
                        {"starts_on", day_from_today(-3)},
                        {"due_on", day_from_today(10)},
                        {"mechanisms", "rehearse"}});
        later = add({{"kind", "follow_up"},
                     {"title", "What stuck?"},
                     {"starts_on", day_from_today(60)},
                     {"due_on", day_from_today(70)},
                     {"mechanisms", "self-monitoring"}});
        practice_id =
            std::to_string(count_of(database, "SELECT id FROM programme_activities WHERE title = 'Try "
                                              "whole-class feedback'"));
        triads = add({{"kind", "collaboration"},
                      {"title", "Triads"},
                      {"starts_on", day_from_today(5)},
                      {"starts_at", "13:30"},
                      {"ends_at", "15:00"},
                      {"prompt", "Compare two marked books."}});
        triads_id = std::to_string(last_id);
        // Only this activity's groups and reflections are counted below, not the demo's.
        groups = "(SELECT * FROM collaboration_groups WHERE activity_id = " + triads_id + ")";
        members = "(SELECT m.* FROM collaboration_group_members m JOIN collaboration_groups g ON g.id = "
                  "m.group_id WHERE g.activity_id = " +
                  triads_id + ")";
        reflections = "(SELECT * FROM activity_reflections WHERE activity_id IN (SELECT id FROM "
                      "programme_activities WHERE programme_id = " +
                      std::to_string(programme) + "))";
    }
    std::unique_ptr<Browser> signed_in(const std::string& email) {
        auto browser = std::make_unique<Browser>(*server);
        EXPECT_EQ(browser->sign_in(email, kDemoPassword)->status, 303) << email;
        browser->get("/");
        return browser;
    }
    std::string add(httplib::Params form) {
        lead->get(base + "/activities/new?kind=" + form.find("kind")->second);
        auto added = lead->post(base + "/activities", std::move(form));
        EXPECT_EQ(added->status, 303) << added->body.substr(0, 2000);
        last_id = count_of(database, "SELECT MAX(id) FROM programme_activities");
        return base + "/activities/" + std::to_string(last_id);
    }
    long long grace() {
        return count_of(database, "SELECT id FROM people WHERE email = '" + kDemoTeacher + "'");
    }

    TestDatabase database;
    std::unique_ptr<TestServer> server;
    std::unique_ptr<Browser> lead;
    long long programme = 0;
    std::string base, practice, later, triads, practice_id, triads_id;
    std::string groups, members, reflections; // this programme's rows, as tables to count
    long long last_id = 0;
};

TEST_F(ProgrammeWork, a_reflection_is_private_to_its_writer_and_counted_for_the_lead) {
    auto teacher = signed_in(kDemoTeacher);
    auto page = teacher->get(practice + "/reflection");
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(contains(page->body, "Mark one set of books this way."));
    EXPECT_TRUE(contains(page->body, "Save my reflection"));

    // Nothing written is refused, and nothing is kept.
    auto empty = teacher->post(practice + "/reflection", {{"body", "   "}});
    EXPECT_EQ(empty->status, 400);
    EXPECT_TRUE(contains(empty->body, "Write your reflection first"));
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM " + reflections + " r"), 0);
    EXPECT_FALSE(contains(teacher->get(base)->body, "Your reflection (written)"));

    ASSERT_EQ(teacher->post(practice + "/reflection", {{"body", "Pupils fixed the errors I named in class."}})
                  ->status,
              303);
    page = teacher->get(practice + "/reflection?saved=1");
    EXPECT_TRUE(contains(page->body, "Pupils fixed the errors I named in class."));
    EXPECT_TRUE(contains(page->body, "Save changes"));
    ASSERT_EQ(teacher->post(practice + "/reflection", {{"body", "Rewritten: most fixed them."}})->status,
              303);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM " + reflections +
                                     " r WHERE body = 'Rewritten: most "
                                     "fixed them.' AND person_id = " +
                                     std::to_string(grace())),
              1);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM " + reflections + " r"), 1);
    EXPECT_TRUE(contains(teacher->get(base)->body, "Your reflection (written)"));

    // A follow-up that has not opened yet waits.
    teacher->get(later + "/reflection");
    auto early = teacher->post(later + "/reflection", {{"body", "Too soon"}});
    EXPECT_EQ(early->status, 400);
    EXPECT_TRUE(contains(early->body, "come back then"));

    // The lead sees how many have written, never what.
    auto for_lead = lead->get(practice + "/reflection");
    EXPECT_TRUE(contains(for_lead->body, "1 of 12 of those it is for have written"));
    EXPECT_FALSE(contains(for_lead->body, "most fixed them"));

    // Someone not in the cohort does not see the task at all.
    auto assistant = signed_in(kDemoSupport);
    EXPECT_EQ(assistant->get(practice + "/reflection")->status, 404);
    EXPECT_EQ(assistant->post(practice + "/reflection", {{"body", "Not mine"}})->status, 404);
    // Only practice tasks and follow-ups take reflections.
    EXPECT_EQ(teacher->get(triads + "/reflection")->status, 404);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM " + reflections + " r"), 1);

    // A person's data export carries their reflection.
    auto data = teacher->get("/people/" + std::to_string(grace()) + "/data.json");
    ASSERT_EQ(data->status, 200);
    EXPECT_TRUE(contains(data->body, "Rewritten: most fixed them."));
}

TEST_F(ProgrammeWork, groups_are_suggested_across_schools_arranged_by_hand_and_record_what_they_did) {
    auto teacher = signed_in(kDemoTeacher);
    EXPECT_TRUE(contains(teacher->get(triads + "/groups")->body, "You have not been put in a group yet"));
    EXPECT_EQ(teacher->post(triads + "/groups/suggest", {{"size", "3"}})->status, 403);

    lead->get(triads + "/groups");
    auto bad_size = lead->post(triads + "/groups/suggest", {{"size", "9"}});
    EXPECT_EQ(bad_size->status, 400);
    EXPECT_TRUE(contains(bad_size->body, "The group size must be a whole number from 3 to 6"));
    ASSERT_EQ(lead->post(triads + "/groups/suggest", {{"size", "3"}})->status, 303);

    // Everyone once, in groups of three, each mixing schools.
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM " + groups + " g"), 4);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM " + members + " m"), 12);
    EXPECT_EQ(count_of(database, "SELECT COUNT(DISTINCT person_id) FROM " + members + " m"), 12);
    EXPECT_EQ(
        count_of(database, "SELECT COUNT(*) FROM (SELECT g.id FROM " + groups +
                               " g JOIN "
                               "collaboration_group_members m ON m.group_id = g.id JOIN people p ON p.id = "
                               "m.person_id GROUP BY g.id HAVING COUNT(DISTINCT p.school_id) < 2) single"),
        0);

    // The teacher sees her own group only, and records what it did.
    const long long hers = count_of(database, "SELECT group_id FROM " + members +
                                                  " m WHERE person_id = " + std::to_string(grace()));
    const long long other =
        count_of(database, "SELECT MIN(id) FROM " + groups + " g WHERE id <> " + std::to_string(hers));
    auto page = teacher->get(triads + "/groups");
    EXPECT_TRUE(contains(page->body, "Your group"));
    EXPECT_EQ(page->body.find("group-" + std::to_string(other) + "\""), std::string::npos);
    auto not_hers = teacher->post(triads + "/groups/" + std::to_string(other) + "/record",
                                  {{"what_we_did", "Not our group"}});
    EXPECT_EQ(not_hers->status, 400);
    ASSERT_EQ(teacher
                  ->post(triads + "/groups/" + std::to_string(hers) + "/record",
                         {{"what_we_did", "Compared two books each; agreed to code errors by colour."}})
                  ->status,
              303);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM " + groups + " g WHERE what_we_did <> ''"), 1);
    EXPECT_TRUE(contains(lead->get(triads + "/groups")->body, "agreed to code errors by colour"));

    // Suggesting again would lose that record, so it is refused; moving people by hand is not.
    lead->get(triads + "/groups");
    auto again = lead->post(triads + "/groups/suggest", {{"size", "4"}});
    EXPECT_EQ(again->status, 400);
    EXPECT_TRUE(contains(again->body, "has recorded what it did"));
    const std::vector<std::string> people =
        texts_of(database, "SELECT CAST(person_id AS TEXT) FROM " + members + " m ORDER BY person_id");
    httplib::Params arrangement;
    for (const std::string& person : people) {
        arrangement.emplace("person", person);
        // Grace alone into a new fifth group; everyone else in none.
        arrangement.emplace("group_" + person, person == std::to_string(grace()) ? "5" : "0");
    }
    auto arranged = lead->post(triads + "/groups/arrange", arrangement);
    ASSERT_EQ(arranged->status, 303) << arranged->body.substr(arranged->body.find("notice--error"), 300);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM " + members + " m"), 1);
    // Her old group keeps its record though it is empty; the other empty groups go.
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM " + groups + " g"), 2);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM " + groups + " g WHERE what_we_did <> ''"), 1);

    // Nobody outside the activity can be put in a group.
    lead->get(triads + "/groups");
    const long long outsider =
        count_of(database, "SELECT id FROM people WHERE email = '" + kDemoSupport + "'");
    auto outside = lead->post(triads + "/groups/arrange", {{"person", std::to_string(outsider)},
                                                           {"group_" + std::to_string(outsider), "1"}});
    EXPECT_EQ(outside->status, 400);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM " + members +
                                     " m WHERE person_id = " + std::to_string(outsider)),
              0);
}

TEST_F(ProgrammeWork, the_attendance_report_hides_small_groups_and_keeps_catching_up_apart) {
    const long long questioning = count_of(
        database, "SELECT id FROM programmes WHERE title = 'Questioning that makes every pupil think'");
    const std::string report_path = "/programmes/" + std::to_string(questioning) + "/attendance";
    auto teacher = signed_in(kDemoTeacher);
    EXPECT_EQ(teacher->get(report_path)->status, 403);

    auto report = lead->get(report_path);
    ASSERT_EQ(report->status, 200);
    const long long launch = count_of(
        database,
        "SELECT id FROM programme_activities WHERE title = 'Launch: questions that make everyone think'");
    const long long present = count_of(database, "SELECT COUNT(*) FROM attendance_marks WHERE session_id = " +
                                                     std::to_string(launch) + " AND status = 'present'");
    const long long caught_up = count_of(
        database, "SELECT COUNT(*) FROM attendance_marks WHERE session_id = " + std::to_string(launch) +
                      " AND status = 'caught_up'");
    ASSERT_GT(caught_up, 0);
    // Every school, every staff group: present of those marked, and those caught up apart.
    EXPECT_TRUE(contains(report->body, std::to_string(present) + " of ")) << report->body;
    EXPECT_TRUE(contains(report->body, " · " + std::to_string(caught_up) + " caught up"));
    // The demo's special school has fewer than five early-career teachers: hidden, and the figure
    // beside it too, so that the school's total cannot give it away.
    EXPECT_TRUE(contains(report->body, "fewer than 5 people"));
    EXPECT_TRUE(contains(report->body, "hidden, so that a small group beside it cannot be worked out"));

    // One session at a time.
    auto one = lead->get(report_path + "?session=" + std::to_string(launch));
    EXPECT_TRUE(contains(one->body, "<option value=\"" + std::to_string(launch) + "\" selected>"));
    EXPECT_TRUE(contains(one->body, "Launch: questions that make everyone think: attended live"));
}

TEST_F(ProgrammeWork, people_asked_to_be_kept_apart_are_suggested_into_different_groups) {
    lead->get(triads + "/groups");
    ASSERT_EQ(lead->post(triads + "/groups/suggest", {{"size", "3"}})->status, 303);
    // Two who were put together are to be kept apart.
    const auto together = texts_of(database, "SELECT person_id FROM " + members +
                                                 " m WHERE group_id = (SELECT "
                                                 "MIN(id) FROM " +
                                                 groups + " g) ORDER BY person_id");
    ASSERT_GE(together.size(), 2u);
    const std::string first = together[0], second = together[1];
    auto teacher = signed_in(kDemoTeacher);
    teacher->get(triads + "/groups");
    EXPECT_EQ(teacher->post(triads + "/groups/apart", {{"first", first}, {"second", second}})->status, 403);
    auto same = lead->post(triads + "/groups/apart", {{"first", first}, {"second", first}});
    EXPECT_EQ(same->status, 400);
    EXPECT_TRUE(contains(same->body, "Choose two different people to keep apart."));
    const std::string outsider =
        std::to_string(count_of(database, "SELECT id FROM people WHERE email = '" + kDemoSupport + "'"));
    auto not_in_it = lead->post(triads + "/groups/apart", {{"first", first}, {"second", outsider}});
    EXPECT_EQ(not_in_it->status, 400);
    EXPECT_TRUE(contains(not_in_it->body, "Choose two of the people this time is for."));
    ASSERT_EQ(lead->post(triads + "/groups/apart", {{"first", second}, {"second", first}})->status, 303);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM group_apart_requests"), 1);

    ASSERT_EQ(lead->post(triads + "/groups/suggest", {{"size", "3"}})->status, 303);
    const auto group_of = [&](const std::string& person) {
        return count_of(database, "SELECT group_id FROM " + members + " m WHERE person_id = " + person);
    };
    EXPECT_NE(group_of(first), group_of(second));
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM " + members + " m"), 12)
        << "everyone still placed once";
    const std::string page = lead->get(triads + "/groups")->body;
    EXPECT_TRUE(contains(page, "a request to keep two people apart is honoured"));
    // The lead sees why each person is where they are, the two kept apart among them.
    const std::string second_name =
        texts_of(database, "SELECT first_name || ' ' || last_name FROM people WHERE id = " + second).front();
    EXPECT_TRUE(contains(page, "Kept apart from " + second_name + "."));
    EXPECT_TRUE(contains(page, "like everyone else in the group") ||
                contains(page, "of that phase to make a group of their own"));
    // The list and the reasons are the leads' alone; members never see them.
    const std::string members_page = teacher->get(triads + "/groups")->body;
    EXPECT_FALSE(contains(members_page, "Keep apart"));
    EXPECT_FALSE(contains(members_page, "Kept apart from"));
    EXPECT_FALSE(contains(members_page, "like everyone else in the group"));
    ASSERT_EQ(lead->post(triads + "/groups/apart/remove", {{"first", first}, {"second", second}})->status,
              303);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM group_apart_requests"), 0);
}
