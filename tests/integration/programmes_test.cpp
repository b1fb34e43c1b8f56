// Programmes over HTTP: who sees which, open sign-up with a wait-list, the design check's six-week
// rule across a half-term, the meeting link shown only around an online session, and who may change
// what. The demo trust's year of programmes is loaded first.
#include <gtest/gtest.h>

#include <regex>

#include "calendar/london_time.h"
#include "db/database.h"
#include "harness.h"

using namespace trellis::testing;

namespace {

// Moments on school clocks for a session starting soon today and one this time tomorrow, as
// "YYYY-MM-DD HH:MM"; near midnight there is no room for the first today.
struct SessionTimes {
    std::string today, soon, later;
    bool fits_today = false;
};

SessionTimes session_times() {
    const std::string now = trellis::calendar::london_moment(trellis::db::now_seconds());
    SessionTimes times;
    times.today = now.substr(0, 10);
    times.soon = trellis::calendar::shifted_moment(times.today, now.substr(11, 5), 10);
    times.later = trellis::calendar::shifted_moment(times.today, now.substr(11, 5), 24 * 60);
    times.fits_today = times.soon.substr(0, 10) == times.today && times.soon.substr(11, 5) < "23:00";
    return times;
}

} // namespace

class Programmes : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo", "--training-day"}), 0);
        server = std::make_unique<TestServer>(database);
    }
    std::unique_ptr<Browser> signed_in(const std::string& email) {
        auto browser = std::make_unique<Browser>(*server);
        EXPECT_EQ(browser->sign_in(email, kDemoPassword)->status, 303) << email;
        browser->get("/programmes");
        return browser;
    }
    long long programme_titled(const std::string& title) {
        return count_of(database, "SELECT id FROM programmes WHERE title = '" + title + "'");
    }
    // Creates a programme as `lead` and returns its id.
    long long create(Browser& lead, httplib::Params form) {
        lead.get("/programmes/new");
        auto created = lead.post("/programmes", std::move(form));
        EXPECT_EQ(created->status, 303) << created->body;
        return trailing_id(created->get_header_value("Location"));
    }
    httplib::Result add_activity(Browser& lead, long long programme_id, httplib::Params form) {
        const std::string base = "/programmes/" + std::to_string(programme_id);
        lead.get(base + "/activities/new?kind=" + form.find("kind")->second);
        return lead.post(base + "/activities", std::move(form));
    }

    TestDatabase database;
    std::unique_ptr<TestServer> server;
};

TEST_F(Programmes, each_person_sees_the_programmes_they_are_in_or_may_join) {
    const std::string questioning =
        std::to_string(programme_titled("Questioning that makes every pupil think"));
    const std::string support =
        std::to_string(programme_titled("Every role matters: learning support across the trust"));
    const std::string phonics = std::to_string(programme_titled("Phonics for every adult in the room"));
    const std::string ects = std::to_string(programme_titled("Early-career teachers: the first two years"));

    auto teacher = signed_in(kDemoTeacher); // a secondary teacher at Oakfield Academy
    EXPECT_FALSE(contains(teacher->get("/")->body, "What needs you in programmes"));
    auto list = teacher->get("/programmes");
    EXPECT_TRUE(contains(list->body, "Questioning that makes every pupil think"));
    EXPECT_FALSE(contains(list->body, "Every role matters"));
    EXPECT_FALSE(contains(list->body, "Phonics for every adult"));
    EXPECT_EQ(teacher->get("/programmes/" + questioning)->status, 200);
    EXPECT_EQ(teacher->get("/programmes/" + support)->status, 404);
    EXPECT_EQ(teacher->get("/programmes/" + phonics)->status, 404); // another school's
    EXPECT_EQ(teacher->get("/programmes/" + ects)->status, 404);    // a cohort she is not named in

    auto assistant = signed_in(kDemoSupport); // support staff at Meadowbank Primary
    list = assistant->get("/programmes");
    EXPECT_TRUE(contains(list->body, "Every role matters"));
    EXPECT_TRUE(contains(list->body, "Phonics for every adult"));
    EXPECT_EQ(assistant->get("/programmes/" + questioning)->status, 404);

    // The lead's home page names the programmes whose design has gaps, and what is missing.
    auto lead = signed_in(kDemoTrustLead);
    const std::string home = lead->get("/")->body;
    const auto gaps = home.find("What needs you in programmes");
    ASSERT_NE(gaps, std::string::npos);
    EXPECT_NE(home.find("Every role matters", gaps), std::string::npos);
    EXPECT_EQ(home.find("Questioning that makes every pupil think", gaps), std::string::npos);
    // The clinic on 12 November was held, and nobody has kept its register.
    EXPECT_NE(home.find("Register of “Clinic: what happened when you tried it”", gaps), std::string::npos);
    EXPECT_EQ(home.find("Register of “Launch: questions that make everyone think”", gaps), std::string::npos);
    // The lead sees how many people a programme is for: every current teacher and early-career
    // teacher in the trust for the questioning programme, and the support staff of the primary
    // phase for the primary-only one made below.
    const long long teachers =
        count_of(database, "SELECT COUNT(*) FROM people WHERE left_at = 0 AND staff_group IN "
                           "('teacher', 'ect')");
    EXPECT_TRUE(contains(lead->get("/programmes/" + questioning)->body,
                         " · " + std::to_string(teachers) + " people"));
    // Training days still under way, each with the stage it waits in and how far that has come.
    const auto days = home.find("Training days under way");
    ASSERT_NE(days, std::string::npos);
    EXPECT_NE(home.find("Choices open: ", days), std::string::npos);
    EXPECT_EQ(teacher->get("/")->body.find("Training days under way"), std::string::npos);

    // A phase filter: a primary-only programme is not for a secondary teacher until she is named.
    const long long primary = create(*lead, {{"title", "Early maths in primary"},
                                             {"audience", "everyone"},
                                             {"phases", "primary"},
                                             {"starts_on", "2026-09-01"},
                                             {"ends_on", "2027-07-21"}});
    EXPECT_EQ(teacher->get("/programmes/" + std::to_string(primary))->status, 404);
    EXPECT_EQ(assistant->get("/programmes/" + std::to_string(primary))->status, 200);

    // A cohort: named by email, she sees it.
    const long long cohort = create(*lead, {{"title", "Subject leaders' network"},
                                            {"audience", "cohort"},
                                            {"starts_on", "2026-09-01"},
                                            {"ends_on", "2027-07-21"}});
    const std::string cohort_path = "/programmes/" + std::to_string(cohort);
    EXPECT_EQ(teacher->get(cohort_path)->status, 404);
    lead->get(cohort_path);
    auto unknown = lead->post(cohort_path + "/members", {{"emails", "nobody@oakfield.example"}});
    EXPECT_EQ(unknown->status, 400);
    EXPECT_TRUE(contains(unknown->body, "nobody@oakfield.example"));
    EXPECT_EQ(lead->post(cohort_path + "/members", {{"emails", "Teacher@oakfield.example"}})->status, 303);
    EXPECT_EQ(teacher->get(cohort_path)->status, 200);
}

TEST_F(Programmes, a_freed_place_goes_to_whoever_waited_longest) {
    auto school_lead = signed_in(kDemoSchoolLead); // Meadowbank's PD lead
    const long long id = create(*school_lead, {{"title", "Reading aloud club"},
                                               {"audience", "open"},
                                               {"capacity", "1"},
                                               {"starts_on", "2026-09-01"},
                                               {"ends_on", "2027-07-21"}});
    const std::string path = "/programmes/" + std::to_string(id);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM programmes WHERE id = " + std::to_string(id) +
                                     " AND school_id IS NOT NULL"),
              1);

    auto assistant = signed_in(kDemoSupport);
    assistant->get(path);
    auto joined = assistant->post(path + "/join", {});
    EXPECT_EQ(joined->get_header_value("Location"), path + "?joined=1");
    school_lead->get(path);
    EXPECT_EQ(school_lead->post(path + "/join", {})->get_header_value("Location"), path + "?joined=waiting");
    auto statuses = [&] {
        return count_of(database, "SELECT COUNT(*) FROM programme_members WHERE programme_id = " +
                                      std::to_string(id) + " AND status = 'member'") *
                   10 +
               count_of(database, "SELECT COUNT(*) FROM programme_members WHERE programme_id = " +
                                      std::to_string(id) + " AND status = 'waiting'");
    };
    EXPECT_EQ(statuses(), 11); // one member, one waiting
    EXPECT_TRUE(contains(school_lead->get(path)->body, "You are on the wait-list"));

    // The member leaves: the lead, waiting, is promoted and told on their home page.
    assistant->get(path);
    EXPECT_EQ(assistant->post(path + "/leave", {})->status, 303);
    EXPECT_EQ(statuses(), 10);
    EXPECT_TRUE(contains(school_lead->get("/")->body, "A place came free on “Reading aloud club”"));

    // A teacher at another school may not join a school's programme.
    auto teacher = signed_in(kDemoTeacher);
    EXPECT_EQ(teacher->post(path + "/join", {})->status, 404);
}

TEST_F(Programmes, the_six_week_rule_skips_the_october_half_term) {
    auto lead = signed_in(kDemoTrustLead);
    const long long id = create(*lead, {{"title", "Behaviour routines"},
                                        {"audience", "everyone"},
                                        {"pupil_outcome", "Calmer starts to lessons."},
                                        {"starts_on", "2026-09-01"},
                                        {"ends_on", "2027-07-21"}});
    const std::string path = "/programmes/" + std::to_string(id);
    ASSERT_EQ(add_activity(*lead, id,
                           {{"kind", "live"},
                            {"title", "Routines that stick"},
                            {"starts_on", "2026-10-15"},
                            {"starts_at", "15:45"},
                            {"ends_at", "17:00"},
                            {"delivery", "in_person"},
                            {"venue", "Oakfield Academy"},
                            {"evidence", "Our behaviour lead's review of the research"}})
                  ->status,
              303);
    // Seven calendar weeks later, but the half-term week does not count: six school weeks.
    auto follow_up = add_activity(*lead, id,
                                  {{"kind", "follow_up"},
                                   {"title", "What stuck"},
                                   {"starts_on", "2026-11-30"},
                                   {"due_on", "2026-12-03"},
                                   {"mechanisms", "self-monitoring"}});
    ASSERT_EQ(follow_up->status, 303);
    ASSERT_EQ(add_activity(*lead, id,
                           {{"kind", "collaboration"},
                            {"title", "Triads"},
                            {"starts_on", "2027-01-14"},
                            {"starts_at", "13:30"},
                            {"ends_at", "15:00"},
                            {"prompt", "Film two minutes of a lesson start and compare."}})
                  ->status,
              303);
    auto page = lead->get(path);
    EXPECT_TRUE(contains(page->body, "Met: Sustained over time")) << page->body;
    EXPECT_TRUE(contains(page->body, "the longest gap is 6.0 school weeks"));

    // One more school day and the gap is too long; moving it raises its revision for calendars.
    const long long follow_up_id =
        count_of(database, "SELECT id FROM programme_activities WHERE title = 'What stuck'");
    const std::string edit = path + "/activities/" + std::to_string(follow_up_id) + "/edit";
    lead->get(edit);
    ASSERT_EQ(lead->post(edit, {{"title", "What stuck"},
                                {"starts_on", "2026-11-30"},
                                {"due_on", "2026-12-04"},
                                {"mechanisms", "self-monitoring"}})
                  ->status,
              303);
    page = lead->get(path);
    EXPECT_TRUE(contains(page->body, "Not yet: Sustained over time"));
    EXPECT_TRUE(contains(page->body, "6.2 school weeks"));
    EXPECT_EQ(count_of(database, "SELECT revision FROM programme_activities WHERE id = " +
                                     std::to_string(follow_up_id)),
              1);
}

TEST_F(Programmes, bad_input_saves_nothing_and_only_the_programmes_lead_changes_it) {
    auto lead = signed_in(kDemoTrustLead);
    const long long questioning = programme_titled("Questioning that makes every pupil think");
    const std::string path = "/programmes/" + std::to_string(questioning);
    const long long before = count_of(database, "SELECT COUNT(*) FROM programme_activities");
    auto backwards = add_activity(*lead, questioning,
                                  {{"kind", "live"},
                                   {"title", "Backwards"},
                                   {"starts_on", "2026-10-15"},
                                   {"starts_at", "17:00"},
                                   {"ends_at", "16:00"},
                                   {"delivery", "in_person"},
                                   {"venue", "Hall"}});
    EXPECT_EQ(backwards->status, 400);
    EXPECT_TRUE(contains(backwards->body, "the end after the start"));
    auto script_link = add_activity(*lead, questioning,
                                    {{"kind", "live"},
                                     {"title", "Online"},
                                     {"starts_on", "2026-10-15"},
                                     {"starts_at", "16:00"},
                                     {"ends_at", "17:00"},
                                     {"delivery", "online"},
                                     {"meeting_url", "javascript:alert(1)"}});
    EXPECT_EQ(script_link->status, 400);
    EXPECT_EQ(add_activity(*lead, questioning,
                           {{"kind", "module"},
                            {"title", "M"},
                            {"starts_on", "2026-10-01"},
                            {"due_on", "2026-10-20"},
                            {"module_slug", "no-such-module"}})
                  ->status,
              400);
    EXPECT_EQ(add_activity(*lead, questioning,
                           {{"kind", "practice"},
                            {"title", "Outside"},
                            {"starts_on", "2028-01-01"},
                            {"due_on", "2028-01-20"}})
                  ->status,
              400);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM programme_activities"), before);
    lead->get("/programmes/new");
    EXPECT_EQ(lead->post("/programmes", {{"title", "Ends first"},
                                         {"starts_on", "2027-01-01"},
                                         {"ends_on", "2026-01-01"},
                                         {"audience", "everyone"}})
                  ->status,
              400);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM programmes WHERE title = 'Ends first'"), 0);

    // Staff cannot create programmes; a school lead cannot change the trust's, nor its activities.
    auto teacher = signed_in(kDemoTeacher);
    EXPECT_EQ(teacher->get("/programmes/new")->status, 403);
    EXPECT_EQ(teacher
                  ->post("/programmes", {{"title", "Mine"},
                                         {"audience", "everyone"},
                                         {"starts_on", "2026-09-01"},
                                         {"ends_on", "2026-12-01"}})
                  ->status,
              400);
    EXPECT_EQ(teacher->get(path + "/edit")->status, 403);
    auto school_lead = signed_in(kDemoSchoolLead);
    school_lead->get(path);
    EXPECT_EQ(school_lead->get(path + "/edit")->status, 403);
    EXPECT_EQ(school_lead->post(path + "/edit", {{"title", "Taken over"}})->status, 403);
    const long long first_activity =
        count_of(database, "SELECT MIN(id) FROM programme_activities WHERE programme_id = " +
                               std::to_string(questioning));
    EXPECT_EQ(
        school_lead->post(path + "/activities/" + std::to_string(first_activity) + "/delete", {})->status,
        403);
    // An activity of another programme is not found under this one.
    const long long other_activity =
        count_of(database, "SELECT MIN(id) FROM programme_activities WHERE programme_id <> " +
                               std::to_string(questioning));
    EXPECT_EQ(lead->get(path + "/activities/" + std::to_string(other_activity) + "/edit")->status, 404);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM programmes WHERE title = 'Taken over'"), 0);
}

TEST_F(Programmes, an_online_sessions_link_shows_from_fifteen_minutes_before_it_starts) {
    // A programme running today, with one online session starting in ten minutes and one tomorrow.
    const SessionTimes times = session_times();
    if (!times.fits_today)
        GTEST_SKIP() << "too close to midnight in London for a session today";
    const std::string &today = times.today, &soon = times.soon, &later = times.later;
    auto lead = signed_in(kDemoTrustLead);
    const long long id = create(*lead, {{"title", "Live today"},
                                        {"audience", "everyone"},
                                        {"staff_groups", "teacher"},
                                        {"starts_on", today},
                                        {"ends_on", later.substr(0, 10)}});
    for (const auto& [title, start, url] : {std::tuple{"Starting soon", soon, "https://meet.example/soon"},
                                            std::tuple{"Tomorrow", later, "https://meet.example/tomorrow"}})
        ASSERT_EQ(add_activity(*lead, id,
                               {{"kind", "live"},
                                {"title", title},
                                {"starts_on", start.substr(0, 10)},
                                {"starts_at", start.substr(11, 5)},
                                {"ends_at", "23:59"},
                                {"delivery", "online"},
                                {"meeting_url", url}})
                      ->status,
                  303);
    auto teacher = signed_in(kDemoTeacher);
    auto page = teacher->get("/programmes/" + std::to_string(id));
    ASSERT_EQ(page->status, 200);
    // Templates write "/" in values as "&#x2F;".
    EXPECT_TRUE(contains(page->body, "https:&#x2F;&#x2F;meet.example&#x2F;soon"));
    EXPECT_FALSE(contains(page->body, "meet.example&#x2F;tomorrow"));
    EXPECT_TRUE(contains(page->body, "The meeting link appears here 15 minutes before the start."));
    // Someone the programme is not for sees neither.
    auto assistant = signed_in(kDemoSupport);
    EXPECT_EQ(assistant->get("/programmes/" + std::to_string(id))->status, 404);
}

TEST_F(Programmes, participants_check_in_with_the_code_only_while_the_session_runs) {
    const SessionTimes times = session_times();
    if (!times.fits_today)
        GTEST_SKIP() << "too close to midnight in London for a session today";
    const std::string &today = times.today, &soon = times.soon, &later = times.later;
    auto lead = signed_in(kDemoTrustLead);
    const long long id = create(*lead, {{"title", "Checking in"},
                                        {"audience", "everyone"},
                                        {"staff_groups", "teacher"},
                                        {"starts_on", today},
                                        {"ends_on", later.substr(0, 10)}});
    for (const auto& [title, start] : {std::pair{"Now", soon}, std::pair{"Tomorrow", later}})
        ASSERT_EQ(add_activity(*lead, id,
                               {{"kind", "live"},
                                {"title", title},
                                {"starts_on", start.substr(0, 10)},
                                {"starts_at", start.substr(11, 5)},
                                {"ends_at", "23:59"},
                                {"delivery", "in_person"},
                                {"venue", "Oakfield Academy"}})
                      ->status,
                  303);
    const std::string base = "/programmes/" + std::to_string(id) + "/activities/";
    const std::string now_session =
        base + std::to_string(count_of(database, "SELECT id FROM programme_activities WHERE title = 'Now'"));
    const std::string tomorrow =
        base +
        std::to_string(count_of(database, "SELECT id FROM programme_activities WHERE title = 'Tomorrow'"));

    // The lead's register shows the code and a QR code for the room.
    auto register_page = lead->get(now_session + "/register");
    ASSERT_EQ(register_page->status, 200);
    std::smatch match;
    ASSERT_TRUE(
        std::regex_search(register_page->body, match, std::regex(R"(check-in-code__code">([A-Z0-9]{6})<)")));
    const std::string code = match[1];
    EXPECT_TRUE(contains(register_page->body, "<svg"));
    EXPECT_TRUE(contains(register_page->body, "aria-label=\"QR code to check in to Now\""));
    const std::string tomorrow_code = [&] {
        std::smatch found;
        const std::string page = lead->get(tomorrow + "/register")->body;
        return std::regex_search(page, found, std::regex(R"(check-in-code__code">([A-Z0-9]{6})<)"))
                   ? found[1].str()
                   : "";
    }();

    auto teacher = signed_in(kDemoTeacher);
    EXPECT_TRUE(contains(teacher->get("/programmes/" + std::to_string(id))->body, "Check in"));
    teacher->get(now_session + "/check-in");
    auto wrong = teacher->post(now_session + "/check-in", {{"code", "ZZZZZZ"}});
    EXPECT_EQ(wrong->status, 400);
    EXPECT_TRUE(contains(wrong->body, "not this session"));
    teacher->get(tomorrow + "/check-in");
    auto early = teacher->post(tomorrow + "/check-in", {{"code", tomorrow_code}});
    EXPECT_EQ(early->status, 400);
    EXPECT_TRUE(contains(early->body, "only while the session runs"));
    const std::string now_id = now_session.substr(now_session.rfind('/') + 1);
    const std::string marks_of_now =
        "SELECT COUNT(*) FROM attendance_marks WHERE session_kind = 'activity' AND "
        "session_id = " +
        now_id;
    EXPECT_EQ(count_of(database, marks_of_now), 0);

    teacher->get(now_session + "/check-in");
    auto lower_case = code;
    for (char& c : lower_case)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_EQ(teacher->post(now_session + "/check-in", {{"code", lower_case}})->status, 303);
    EXPECT_EQ(count_of(database, marks_of_now + " AND status = 'present' AND how = 'code'"), 1);
    EXPECT_TRUE(contains(lead->get(now_session + "/register")->body, "checked in themselves"));

    // Someone the programme is not for cannot reach it; staff cannot see the register.
    auto assistant = signed_in(kDemoSupport);
    EXPECT_EQ(assistant->post(now_session + "/check-in", {{"code", code}})->status, 404);
    EXPECT_EQ(teacher->get(now_session + "/register")->status, 403);

    // The lead's register, saved, keeps the checked-in teacher present and marks the rest absent.
    const long long grace =
        count_of(database, "SELECT id FROM people WHERE email = 'teacher@oakfield.example'");
    lead->get(now_session + "/register");
    EXPECT_EQ(lead->post(now_session + "/register", {{"present", std::to_string(grace)}})->status, 303);
    EXPECT_EQ(count_of(database, marks_of_now + " AND status = 'present'"), 1);
    EXPECT_GT(count_of(database, marks_of_now + " AND status = 'absent'"), 100);
}
