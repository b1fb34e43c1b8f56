// Standing groups over HTTP: a department, a phase group across schools, a lesson-study trio. Anyone
// starts one with colleagues; members keep meetings (in their own time or a programme's collaboration
// time), short notes and resources; each meeting counts in the record of those who came, once. What a
// group writes is its members' alone: a lead who oversees it sees who is in it and when it met.
#include <gtest/gtest.h>

#include <chrono>

#include "calendar/school_year.h"
#include "harness.h"

using namespace trellis::testing;

namespace {

// A link as the page writes it: templates escape "/" in values.
std::string link_to(const std::string& address) {
    std::string escaped;
    for (char c : address)
        escaped += c == '/' ? std::string("&#x2F;") : std::string(1, c);
    return "href=\"" + escaped;
}

} // namespace

class StandingGroups : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo", "--training-day"}), 0);
        // The demo's collaboration time on the spring term's first day, and a week after it as today,
        // whatever day the tests run.
        collaboration_id =
            count_of(database, "SELECT MIN(id) FROM programme_activities WHERE kind = 'collaboration'");
        collaboration_day = texts_of(database, "SELECT starts_on FROM programme_activities WHERE id = " +
                                                   std::to_string(collaboration_id))
                                .front();
        today = trellis::calendar::text_of(*trellis::calendar::parse_day(collaboration_day) +
                                           std::chrono::days(7));
        server = std::make_unique<TestServer>(database,
                                              std::map<std::string, std::string>{{"TRELLIS_TODAY", today}});
    }
    std::unique_ptr<Browser> signed_in(const std::string& email) {
        auto browser = std::make_unique<Browser>(*server);
        EXPECT_EQ(browser->sign_in(email, kDemoPassword)->status, 303) << email;
        browser->get("/groups");
        return browser;
    }
    long long group_named(const std::string& name) {
        return count_of(database,
                        "SELECT COALESCE(MAX(id), 0) FROM collaboration_groups WHERE name = '" + name + "'");
    }
    long long person(const std::string& email) {
        return count_of(database, "SELECT id FROM people WHERE email = '" + email + "'");
    }
    // The teacher starts a lesson-study trio with the support assistant and the school PD lead.
    std::string started(Browser& teacher) {
        auto made = teacher.post("/groups", {{"name", "Questioning lesson study"},
                                             {"kind", "lesson_study"},
                                             {"school", ""},
                                             {"purpose", "Plan, teach and watch one lesson on questioning."},
                                             {"members", kDemoSupport + ",\n " + kDemoSchoolLead},
                                             {"include_me", "1"}});
        EXPECT_EQ(made->status, 303) << made->body;
        return "/groups/" + std::to_string(group_named("Questioning lesson study"));
    }
    long long count(const std::string& table) { return count_of(database, "SELECT COUNT(*) FROM " + table); }

    TestDatabase database;
    std::unique_ptr<TestServer> server;
    long long collaboration_id = 0;
    std::string collaboration_day, today;
};

TEST_F(StandingGroups, the_demo_trust_has_a_department_and_a_phase_group_that_meet) {
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM collaboration_groups WHERE kind = 'department'"), 1);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM collaboration_groups WHERE kind = 'phase'"), 1);
    EXPECT_EQ(count("group_meetings"), 5);
    auto teacher = signed_in(kDemoTeacher);
    auto page = teacher->get("/groups");
    EXPECT_TRUE(contains(page->body, "Humanities at Oakfield")) << page->body;
    auto record = teacher->get("/record");
    EXPECT_TRUE(contains(record->body, "Group meeting"));
    EXPECT_TRUE(
        contains(record->body, link_to("/groups/" + std::to_string(group_named("Humanities at Oakfield")))));
}

TEST_F(StandingGroups, members_keep_a_meeting_and_it_counts_in_the_record_of_those_who_came) {
    auto teacher = signed_in(kDemoTeacher);
    const std::string path = started(*teacher);
    auto page = teacher->get(path);
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(contains(page->body, "Dan Kowalski"));
    EXPECT_TRUE(contains(page->body, "Tom Whitaker"));
    httplib::Params meeting{{"time", ""},
                            {"day", today},
                            {"minutes", "50"},
                            {"what_we_did", "Planned the lesson: three hinge questions."},
                            {"came", std::to_string(person(kDemoTeacher))},
                            {"came", std::to_string(person(kDemoSupport))}};
    auto kept = teacher->post(path + "/meetings", meeting);
    ASSERT_EQ(kept->status, 303) << kept->body;
    page = teacher->get(path + "?saved=meeting");
    EXPECT_TRUE(contains(page->body, "Planned the lesson: three hinge questions."));
    EXPECT_TRUE(contains(page->body, "It counts in the record of everyone who came."));

    // Dan came: his record has the meeting (50 minutes); Tom did not.
    auto support = signed_in(kDemoSupport);
    auto csv = support->get("/record.csv");
    EXPECT_TRUE(contains(csv->body, "Questioning lesson study")) << csv->body;
    auto school_lead = signed_in(kDemoSchoolLead);
    EXPECT_FALSE(contains(school_lead->get("/record.csv")->body, "Questioning lesson study"));
    EXPECT_TRUE(contains(school_lead->get("/groups")->body, "Questioning lesson study"));

    // Notes and resources, from the library or a link.
    ASSERT_EQ(support->get(path)->status, 200);
    EXPECT_EQ(support->post(path + "/notes", {{"body", "I will bring the seating plan."}})->status, 303);
    const std::string item =
        std::to_string(count_of(database, "SELECT MIN(id) FROM library_items WHERE school_id = 0"));
    EXPECT_EQ(
        support->post(path + "/resources", {{"address", "http://127.0.0.1/library/" + item}, {"title", ""}})
            ->status,
        303);
    EXPECT_EQ(support
                  ->post(path + "/resources",
                         {{"address", "https://example.org/hinge-questions"}, {"title", "Hinge questions"}})
                  ->status,
              303);
    page = teacher->get(path);
    EXPECT_TRUE(contains(page->body, "I will bring the seating plan."));
    EXPECT_TRUE(contains(page->body, link_to("/library/" + item + "\"")));
    EXPECT_TRUE(contains(page->body, link_to("https://example.org/hinge-questions\"")));
}

TEST_F(StandingGroups, a_lead_sees_who_is_in_a_group_and_when_it_met_never_what_it_wrote) {
    auto teacher = signed_in(kDemoTeacher);
    const std::string path = started(*teacher);
    teacher->get(path);
    httplib::Params meeting{{"day", today},
                            {"minutes", "40"},
                            {"what_we_did", "Private planning talk"},
                            {"came", std::to_string(person(kDemoTeacher))}};
    ASSERT_EQ(teacher->post(path + "/meetings", meeting)->status, 303);
    ASSERT_EQ(teacher->post(path + "/notes", {{"body", "A note only for us"}})->status, 303);

    auto lead = signed_in(kDemoTrustLead);
    auto page = lead->get(path);
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(contains(page->body, "Grace Okafor"));
    EXPECT_TRUE(contains(page->body, "1 meeting"));
    EXPECT_FALSE(contains(page->body, "Private planning talk"));
    EXPECT_FALSE(contains(page->body, "A note only for us"));
    EXPECT_TRUE(contains(lead->get("/groups")->body, "Questioning lesson study"));
    // Nor by writing to it, or through the record.
    EXPECT_EQ(lead->post(path + "/notes", {{"body", "From the lead"}})->status, 400);
    EXPECT_EQ(count("group_notes WHERE body = 'From the lead'"), 0);
    EXPECT_FALSE(contains(lead->get("/record")->body, "Private planning talk"));

    // A group across schools is the trust's to oversee: a school PD lead outside it, or a colleague,
    // finds nothing there.
    auto colleague = signed_in(kDemoAdmin);
    EXPECT_EQ(colleague->get(path)->status, 200); // administrators oversee like the trust's PD lead
    const std::string department = "/groups/" + std::to_string(group_named("Humanities at Oakfield"));
    auto school_lead = signed_in(kDemoSchoolLead);
    EXPECT_EQ(school_lead->get(department)->status, 404); // Oakfield's, not Meadowbank's
    auto support = signed_in(kDemoSupport);
    EXPECT_EQ(support->get(department)->status, 404);
    EXPECT_EQ(support->post(department + "/notes", {{"body", "x"}})->status, 404);
}

TEST_F(StandingGroups, a_meeting_in_a_programmes_collaboration_time_counts_once) {
    // The teacher is in a group for that collaboration time, which her record already counts; the
    // support assistant is not, so the meeting is his only record of it.
    auto teacher = signed_in(kDemoTeacher);
    const std::string path = started(*teacher);
    auto page = teacher->get(path);
    EXPECT_TRUE(contains(page->body, "value=\"" + std::to_string(collaboration_id) + "\"")) << page->body;
    httplib::Params meeting{{"time", std::to_string(collaboration_id)},
                            {"day", ""},
                            {"minutes", ""},
                            {"came", std::to_string(person(kDemoTeacher))},
                            {"came", std::to_string(person(kDemoSupport))}};
    ASSERT_EQ(teacher->post(path + "/meetings", meeting)->status, 303);
    EXPECT_EQ(texts_of(database, "SELECT day FROM group_meetings WHERE activity_id IS NOT NULL").front(),
              collaboration_day);

    auto entries_on = [&](Browser& browser, const std::string& kind) {
        const std::string csv = browser.get("/record.csv")->body;
        int found = 0;
        for (std::size_t at = csv.find(collaboration_day); at != std::string::npos;
             at = csv.find(collaboration_day, at + 1)) {
            const std::string line = csv.substr(at, csv.find('\n', at) - at);
            found += contains(line, kind) ? 1 : 0;
        }
        return found;
    };
    EXPECT_EQ(entries_on(*teacher, "Collaboration group"), 1);
    EXPECT_EQ(entries_on(*teacher, "Group meeting"), 0);
    auto support = signed_in(kDemoSupport);
    EXPECT_EQ(entries_on(*support, "Group meeting"), 1);
}

TEST_F(StandingGroups, bad_input_is_refused_with_a_reason_and_nothing_is_saved) {
    auto teacher = signed_in(kDemoTeacher);
    const long long groups_before = count("collaboration_groups");
    auto unknown = teacher->post("/groups", {{"name", "Reading group"},
                                             {"kind", "other"},
                                             {"members", "nobody@oakfield.example"},
                                             {"include_me", "1"}});
    EXPECT_EQ(unknown->status, 400);
    EXPECT_TRUE(
        contains(unknown->body, "There is no member of staff with the email nobody@oakfield.example."));
    EXPECT_TRUE(contains(unknown->body, "Reading group")); // the form keeps what was typed
    auto alone = teacher->post("/groups", {{"name", "Just me"}, {"kind", "other"}, {"members", ""}});
    EXPECT_EQ(alone->status, 400);
    auto bad_kind = teacher->post("/groups", {{"name", "X"}, {"kind", "session"}, {"members", kDemoSupport}});
    EXPECT_EQ(bad_kind->status, 400);
    // Another school is not the teacher's to start a group in.
    const std::string meadowbank =
        std::to_string(count_of(database, "SELECT id FROM schools WHERE name LIKE 'Meadowbank%'"));
    EXPECT_EQ(
        teacher
            ->post("/groups",
                   {{"name", "X"}, {"kind", "department"}, {"school", meadowbank}, {"members", kDemoSupport}})
            ->status,
        400);
    EXPECT_EQ(count("collaboration_groups"), groups_before);

    const std::string path = started(*teacher);
    teacher->get(path);
    const long long meetings_before = count("group_meetings");
    EXPECT_EQ(teacher->post(path + "/meetings", {{"day", today}, {"minutes", "30"}})->status,
              400); // nobody ticked
    EXPECT_EQ(
        teacher
            ->post(path + "/meetings",
                   {{"day", "2099-01-01"}, {"minutes", "30"}, {"came", std::to_string(person(kDemoTeacher))}})
            ->status,
        400);
    EXPECT_EQ(
        teacher
            ->post(path + "/meetings",
                   {{"day", today}, {"minutes", "30"}, {"came", std::to_string(person(kDemoTrustLead))}})
            ->status,
        400); // not a member
    EXPECT_EQ(count("group_meetings"), meetings_before);
    auto script = teacher->post(path + "/resources", {{"address", "javascript:alert(1)"}, {"title", "Bad"}});
    EXPECT_EQ(script->status, 400);
    EXPECT_EQ(count("group_resources WHERE title = 'Bad'"), 0);
    // A school's own library item is for that school's staff alone.
    const long long school_item =
        count_of(database, "SELECT COALESCE(MIN(id), 0) FROM library_items WHERE school_id <> 0 AND "
                           "school_id <> (SELECT school_id FROM people WHERE email = '" +
                               kDemoTeacher + "')");
    if (school_item)
        EXPECT_EQ(teacher->post(path + "/resources", {{"address", "/library/" + std::to_string(school_item)}})
                      ->status,
                  400);
}

TEST_F(StandingGroups, members_leave_and_leads_remove_members_nobody_else_does) {
    auto teacher = signed_in(kDemoTeacher);
    const std::string path = started(*teacher);
    auto support = signed_in(kDemoSupport);
    support->get(path);
    // A member cannot remove someone else; they can leave.
    EXPECT_EQ(
        support->post(path + "/members/" + std::to_string(person(kDemoSchoolLead)) + "/remove", {})->status,
        404);
    EXPECT_EQ(
        support->post(path + "/members/" + std::to_string(person(kDemoSupport)) + "/remove", {})->status,
        303);
    EXPECT_EQ(support->get(path)->status, 404);
    // Members add colleagues; the trust lead removes one.
    teacher->get(path);
    EXPECT_EQ(teacher->post(path + "/members", {{"emails", kDemoSupport}})->status, 303);
    auto lead = signed_in(kDemoTrustLead);
    lead->get(path);
    EXPECT_EQ(lead->post(path + "/members/" + std::to_string(person(kDemoSupport)) + "/remove", {})->status,
              303);
    EXPECT_EQ(
        count("collaboration_group_members m JOIN collaboration_groups g ON g.id = m.group_id WHERE g.name = "
              "'Questioning lesson study'"),
        2);
}
