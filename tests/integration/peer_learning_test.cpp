// Learning from each other over HTTP: a lead pairs a mentor with an early-career teacher, the pair
// keeps meetings that each review the step agreed last time, a person asks for a coach and a lead
// finds one, a lead adds steps to the library; a colleague is invited to watch part of a lesson and
// writes a note. What a pair or an observer writes is seen by the two people only, by any route,
// and counts in both their records.
#include <gtest/gtest.h>

#include "harness.h"

using namespace trellis::testing;

namespace {

const std::string kToday = "2026-11-20";

using Form = std::map<std::string, std::string>;
// A form as the browser posts it.
httplib::Params posted(const Form& form) {
    return httplib::Params(form.begin(), form.end());
}

} // namespace

class PeerLearning : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo", "--training-day"}), 0);
        // The demo's own pairs and observations are counted by the demo test; these start afresh.
        demo_pairs = pairs();
        demo_meetings = meetings();
        demo_observations =
            count_of(database, "SELECT COUNT(*) FROM peer_observations WHERE status = 'written'");
        {
            auto session = database.open().lease();
            for (const char* table : {"mentoring_meetings", "mentoring_pairs", "peer_observations"})
                *session << std::string("DELETE FROM ") + table;
        }
        server = std::make_unique<TestServer>(database,
                                              std::map<std::string, std::string>{{"TRELLIS_TODAY", kToday}});
    }
    std::unique_ptr<Browser> signed_in(const std::string& email) {
        auto browser = std::make_unique<Browser>(*server);
        EXPECT_EQ(browser->sign_in(email, kDemoPassword)->status, 303) << email;
        browser->get("/");
        return browser;
    }
    long long demo_pairs = 0, demo_meetings = 0, demo_observations = 0;
    long long pairs() { return count_of(database, "SELECT COUNT(*) FROM mentoring_pairs"); }
    long long meetings() { return count_of(database, "SELECT COUNT(*) FROM mentoring_meetings"); }

    // The trust lead pairs the school PD lead (mentor) with the teacher (mentee); returns the pair's page.
    std::string paired() {
        auto lead = signed_in(kDemoTrustLead);
        lead->get("/mentoring");
        auto made = lead->post("/mentoring/pairs", {{"kind", "mentoring"},
                                                    {"mentee", " TEACHER@Oakfield.example "},
                                                    {"mentor", kDemoSchoolLead},
                                                    {"focus", "Calm starts to lessons"}});
        EXPECT_EQ(made->status, 303) << made->body;
        return "/mentoring/pairs/" +
               std::to_string(count_of(database, "SELECT MAX(id) FROM mentoring_pairs"));
    }

    TestDatabase database;
    std::unique_ptr<TestServer> server;
};

TEST_F(PeerLearning, the_demo_trust_mentors_its_early_career_teachers_and_observes_lessons) {
    // Eight early-career teachers with mentors (most met three times, some once), the teaching
    // assistant's coaching (two meetings), one request waiting for a coach; two notes written.
    EXPECT_EQ(demo_pairs, 10);
    EXPECT_EQ(demo_meetings, 6 * 3 + 2 * 1 + 2);
    EXPECT_EQ(demo_observations, 2);
    EXPECT_GE(count_of(database, "SELECT COUNT(*) FROM coaching_steps"), 6);
}

TEST_F(PeerLearning, a_lead_sees_which_early_career_teachers_have_no_mentor_and_pairs_one) {
    const auto ects =
        texts_of(database, "SELECT email FROM people WHERE staff_group = 'ect' AND left_at = 0 ORDER BY "
                           "last_name, first_name");
    ASSERT_FALSE(ects.empty());
    const auto name = texts_of(database, "SELECT first_name || ' ' || last_name FROM people WHERE email = '" +
                                             ects.front() + "'");
    auto lead = signed_in(kDemoTrustLead);
    auto page = lead->get("/mentoring");
    EXPECT_TRUE(contains(page->body, "Early-career teachers without a mentor"));
    EXPECT_TRUE(contains(page->body, "find " + name.front() + " a mentor"));
    ASSERT_EQ(lead->post("/mentoring/pairs",
                         {{"kind", "mentoring"}, {"mentee", ects.front()}, {"mentor", kDemoTeacher}})
                  ->status,
              303);
    EXPECT_FALSE(contains(lead->get("/mentoring")->body, "find " + name.front() + " a mentor"));
    EXPECT_FALSE(contains(signed_in(kDemoTeacher)->get("/mentoring")->body, "without a mentor"));
}

TEST_F(PeerLearning, a_mentor_and_mentee_keep_meetings_each_reviewing_the_last_step) {
    const std::string pair = paired();
    EXPECT_EQ(pairs(), 1);
    // The mentee hears of it on her home page.
    auto mentee = signed_in(kDemoTeacher);
    EXPECT_TRUE(contains(mentee->get("/")->body, "Tom Whitaker is your mentor"));
    EXPECT_TRUE(contains(mentee->get("/mentoring")->body, "Mentoring with Tom Whitaker"));

    // The first meeting has nothing to review.
    auto first = mentee->post(pair + "/meetings", {{"day", "2026-11-02"},
                                                   {"minutes", "40"},
                                                   {"focus", "Starting lessons calmly"},
                                                   {"discussed", "PRIVATE-DISCUSSION about period 5"},
                                                   {"step", ""},
                                                   {"next_step", "Meet the class at the door"},
                                                   {"next_step_by", "2026-11-16"}});
    ASSERT_EQ(first->status, 303) << first->body;
    EXPECT_EQ(meetings(), 1);

    // The next one must say whether that step was tried; until it does, nothing is saved.
    auto mentor = signed_in(kDemoSchoolLead);
    auto page = mentor->get(pair);
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(contains(page->body, "Meet the class at the door"));
    EXPECT_TRUE(contains(page->body, "PRIVATE-DISCUSSION"));
    Form second{{"day", "2026-11-18"},
                {"minutes", "30"},
                {"focus", "Routines after lunch"},
                {"discussed", "It worked twice out of three."},
                {"next_step", "Give the first task on the board"},
                {"next_step_by", "2026-12-02"}};
    auto unreviewed = mentor->post(pair + "/meetings", posted(second));
    EXPECT_EQ(unreviewed->status, 400);
    EXPECT_TRUE(contains(unreviewed->body, "Say whether the step agreed last time was tried"));
    for (const auto& [field, value] :
         std::vector<std::pair<std::string, std::string>>{{"day", "2026-11-21"},
                                                          {"minutes", "0"},
                                                          {"next_step_by", "2026-11-01"},
                                                          {"focus", ""},
                                                          {"last_step_tried", "maybe"}}) {
        auto wrong = second;
        wrong["last_step_tried"] = "partly";
        wrong[field] = value;
        EXPECT_EQ(mentor->post(pair + "/meetings", posted(wrong))->status, 400) << field << "=" << value;
    }
    EXPECT_EQ(meetings(), 1);
    second["last_step_tried"] = "partly";
    ASSERT_EQ(mentor->post(pair + "/meetings", posted(second))->status, 303);
    EXPECT_EQ(meetings(), 2);
    auto reviewed = mentee->get(pair);
    EXPECT_TRUE(contains(reviewed->body, "Tried it in part"));
    EXPECT_TRUE(contains(reviewed->body, "Last time you agreed: “Give the first task on the board”"));
    EXPECT_TRUE(contains(mentee->get("/")->body, "Tom Whitaker kept your meeting of 2026-11-18"));

    // Both records count both meetings: 40 and 30 minutes.
    auto mentee_record = mentee->get("/record");
    EXPECT_TRUE(
        contains(mentee_record->body, "Mentoring or coaching received</th><td>2</td><td>1 hour 10 min"))
        << mentee_record->body;
    EXPECT_TRUE(contains(mentor->get("/record")->body,
                         "Mentoring or coaching given</th><td>2</td><td>1 hour 10 min"));
    EXPECT_TRUE(contains(mentee->get("/record.csv")->body, "Starting lessons calmly"));
}

TEST_F(PeerLearning, a_lead_sees_that_pairs_meet_and_how_often_but_never_what_they_wrote) {
    const std::string pair = paired();
    auto mentee = signed_in(kDemoTeacher);
    ASSERT_EQ(mentee
                  ->post(pair + "/meetings", {{"day", "2026-11-02"},
                                              {"minutes", "40"},
                                              {"focus", "PRIVATE-FOCUS"},
                                              {"discussed", "PRIVATE-DISCUSSION"},
                                              {"next_step", "PRIVATE-STEP"},
                                              {"next_step_by", "2026-11-16"}})
                  ->status,
              303);
    auto lead = signed_in(kDemoTrustLead);
    auto overview = lead->get("/mentoring");
    EXPECT_TRUE(contains(overview->body, "Grace Okafor"));
    EXPECT_TRUE(contains(overview->body, "1 meeting"));
    auto admin = signed_in(kDemoAdmin);
    const long long teacher =
        count_of(database, "SELECT id FROM people WHERE email = '" + kDemoTeacher + "'");
    for (Browser* outsider : {lead.get(), admin.get()}) {
        for (const std::string& path :
             {pair, std::string("/mentoring"), std::string("/record"), std::string("/record.csv"),
              std::string("/provision"), std::string("/"), "/people/" + std::to_string(teacher)}) {
            auto seen = outsider->get(path);
            EXPECT_FALSE(contains(seen->body, "PRIVATE-")) << path;
        }
        EXPECT_EQ(outsider->get(pair)->status, 404);
        EXPECT_EQ(outsider
                      ->post(pair + "/meetings", {{"day", "2026-11-03"},
                                                  {"minutes", "30"},
                                                  {"focus", "x"},
                                                  {"next_step", "y"},
                                                  {"next_step_by", "2026-11-20"},
                                                  {"last_step_tried", "yes"}})
                      ->status,
                  404);
    }
    EXPECT_EQ(meetings(), 1);
}

TEST_F(PeerLearning, pairing_is_for_leads_within_their_reach_and_refuses_what_is_not_a_pair) {
    auto teacher = signed_in(kDemoTeacher);
    EXPECT_EQ(teacher
                  ->post("/mentoring/pairs",
                         {{"kind", "mentoring"}, {"mentee", kDemoSupport}, {"mentor", kDemoTeacher}})
                  ->status,
              403);
    auto lead = signed_in(kDemoTrustLead);
    for (const auto& form : std::vector<Form>{
             {{"kind", "mentoring"}, {"mentee", "nobody@oakfield.example"}, {"mentor", kDemoTeacher}},
             {{"kind", "mentoring"}, {"mentee", kDemoTeacher}, {"mentor", "admin@northfield.example"}},
             {{"kind", "mentoring"}, {"mentee", kDemoTeacher}, {"mentor", kDemoTeacher}},
             {{"kind", "friendship"}, {"mentee", kDemoTeacher}, {"mentor", kDemoSupport}}}) {
        auto refused = lead->post("/mentoring/pairs", posted(form));
        EXPECT_EQ(refused->status, 400) << form.at("mentee") << " " << form.at("mentor");
    }
    // The school PD lead pairs only their own school's staff (the teacher works at another).
    auto school_lead = signed_in(kDemoSchoolLead);
    auto elsewhere = school_lead->post(
        "/mentoring/pairs", {{"kind", "coaching"}, {"mentee", kDemoTeacher}, {"mentor", kDemoSupport}});
    EXPECT_EQ(elsewhere->status, 400);
    EXPECT_TRUE(contains(elsewhere->body, "your own school"));
    EXPECT_EQ(pairs(), 0);
    EXPECT_EQ(school_lead
                  ->post("/mentoring/pairs",
                         {{"kind", "coaching"}, {"mentee", kDemoSupport}, {"mentor", kDemoTeacher}})
                  ->status,
              303);
    EXPECT_EQ(pairs(), 1);
}

TEST_F(PeerLearning, a_person_asks_for_a_coach_and_their_school_lead_finds_one) {
    auto support = signed_in(kDemoSupport);
    ASSERT_EQ(support->post("/mentoring/requests", {{"focus", "Helping a pupil read aloud"}})->status, 303);
    EXPECT_EQ(support->post("/mentoring/requests", {{"focus", "Something else"}})->status, 400);
    EXPECT_EQ(support->post("/mentoring/requests", {{"focus", " "}})->status, 400);
    EXPECT_EQ(pairs(), 1);
    const std::string request =
        "/mentoring/pairs/" + std::to_string(count_of(database, "SELECT MAX(id) FROM mentoring_pairs"));
    EXPECT_EQ(support->post(request + "/coach", {{"coach", kDemoTeacher}})->status, 403);

    auto school_lead = signed_in(kDemoSchoolLead);
    auto waiting = school_lead->get("/mentoring");
    EXPECT_TRUE(contains(waiting->body, "would like coaching on Helping a pupil read aloud"));
    EXPECT_EQ(school_lead->post(request + "/coach", {{"coach", "nobody@oakfield.example"}})->status, 400);
    ASSERT_EQ(school_lead->post(request + "/coach", {{"coach", kDemoTeacher}})->status, 303);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM mentoring_pairs WHERE status = 'active'"), 1);
    EXPECT_TRUE(contains(support->get("/mentoring")->body, "Coaching with Grace Okafor"));
    EXPECT_TRUE(contains(signed_in(kDemoTeacher)->get("/")->body, "You are coaching Dan Kowalski"));
    // Once it has its coach, it is no longer waiting for one.
    EXPECT_EQ(school_lead->post(request + "/coach", {{"coach", kDemoAdmin}})->status, 400);
}

TEST_F(PeerLearning, leads_add_steps_that_pairs_and_observers_pick_from) {
    const long long before = count_of(database, "SELECT COUNT(*) FROM coaching_steps");
    auto teacher = signed_in(kDemoTeacher);
    EXPECT_EQ(teacher->post("/mentoring/steps", {{"title", "x"}, {"description", "y"}})->status, 403);
    auto lead = signed_in(kDemoTrustLead);
    lead->get("/mentoring/steps");
    EXPECT_EQ(lead->post("/mentoring/steps", {{"title", ""}, {"description", "y"}})->status, 400);
    EXPECT_EQ(lead->post("/mentoring/steps", {{"title", "x"}, {"description", "y"}, {"phase", "nursery-ish"}})
                  ->status,
              400);
    EXPECT_EQ(
        lead->post("/mentoring/steps", {{"title", "x"}, {"description", "y"}, {"priority", "99999"}})->status,
        400);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM coaching_steps"), before);
    ASSERT_EQ(lead->post("/mentoring/steps", {{"title", "Cold call after thinking time"},
                                              {"description", "Ask, pause, then name who answers."},
                                              {"done_well", "Every pupil expects to be asked."},
                                              {"phase", "secondary"}})
                  ->status,
              303);
    EXPECT_TRUE(contains(teacher->get("/mentoring/steps")->body, "Cold call after thinking time"));
    const long long step = count_of(database, "SELECT MAX(id) FROM coaching_steps");

    // A pair picks it as their next step, in the library's own words.
    const std::string pair = paired();
    ASSERT_EQ(teacher
                  ->post(pair + "/meetings", {{"day", "2026-11-02"},
                                              {"minutes", "30"},
                                              {"focus", "Questioning"},
                                              {"step", std::to_string(step)},
                                              {"next_step", ""},
                                              {"next_step_by", "2026-11-16"}})
                  ->status,
              303);
    EXPECT_TRUE(contains(teacher->get(pair)->body, "Next step:</strong> Cold call after thinking time"));
}

TEST_F(PeerLearning, an_observation_goes_from_invitation_to_a_note_only_the_two_see) {
    auto host = signed_in(kDemoTeacher);
    host->get("/observations");
    Form invitation{{"observer", kDemoSupport},
                    {"what_to_watch", "Year 9 science, the first 20 minutes"},
                    {"day", kToday},
                    {"minutes", "20"},
                    {"focus", "How pupils start the practical"}};
    for (const auto& [field, value] :
         std::vector<std::pair<std::string, std::string>>{{"observer", kDemoTeacher},
                                                          {"observer", "nobody@oakfield.example"},
                                                          {"day", "2026-11-19"},
                                                          {"minutes", "500"},
                                                          {"what_to_watch", ""}}) {
        auto wrong = invitation;
        wrong[field] = value;
        EXPECT_EQ(host->post("/observations", posted(wrong))->status, 400) << field << "=" << value;
    }
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM peer_observations"), 0);
    ASSERT_EQ(host->post("/observations", posted(invitation))->status, 303);
    const std::string observation =
        "/observations/" + std::to_string(count_of(database, "SELECT MAX(id) FROM peer_observations"));

    // Only the observer writes the note, in its set shape.
    auto observer = signed_in(kDemoSupport);
    EXPECT_TRUE(contains(observer->get("/")->body, "Grace Okafor invites you to watch Year 9 science"));
    auto page = observer->get(observation);
    EXPECT_TRUE(contains(page->body, "never used for appraisal"));
    const Form note{{"what_i_saw", "PRIVATE-SAW pupils collected kit in pairs"},
                    {"what_i_wondered", "PRIVATE-WONDERED whether the timer helped"},
                    {"one_thing_to_try", "PRIVATE-TRY a picture of the finished set-up"}};
    EXPECT_EQ(host->post(observation + "/note", posted(note))->status, 400) << "the host does not write it";
    EXPECT_EQ(observer->post(observation + "/note", {{"what_i_saw", "x"}})->status, 400);
    ASSERT_EQ(observer->post(observation + "/note", posted(note))->status, 303);
    EXPECT_EQ(observer->post(observation + "/note", posted(note))->status, 400) << "written once";
    EXPECT_TRUE(contains(host->get(observation)->body, "PRIVATE-TRY a picture"));

    // Nobody else sees it, leads included, by any route.
    const long long teacher =
        count_of(database, "SELECT id FROM people WHERE email = '" + kDemoTeacher + "'");
    for (const std::string& email : {kDemoTrustLead, kDemoSchoolLead, kDemoAdmin}) {
        auto other = signed_in(email);
        EXPECT_EQ(other->get(observation)->status, 404) << email;
        EXPECT_EQ(other->post(observation + "/decline", {})->status, 404) << email;
        for (const std::string& path :
             {std::string("/observations"), std::string("/record"), std::string("/"),
              std::string("/mentoring"), "/people/" + std::to_string(teacher)})
            EXPECT_FALSE(contains(other->get(path)->body, "PRIVATE-")) << email << " " << path;
    }

    // Both records count it: 20 minutes given and received.
    EXPECT_TRUE(contains(host->get("/record")->body, "Peer observation received</th><td>1</td><td>20 min"));
    EXPECT_TRUE(contains(observer->get("/record")->body, "Peer observation given</th><td>1</td><td>20 min"));
}

TEST_F(PeerLearning, an_observer_writes_only_once_they_have_watched_and_may_decline) {
    auto host = signed_in(kDemoTeacher);
    ASSERT_EQ(host->post("/observations", {{"observer", kDemoSupport},
                                           {"what_to_watch", "Year 7 maths, the plenary"},
                                           {"day", "2026-11-25"},
                                           {"minutes", "15"},
                                           {"focus", "Exit questions"}})
                  ->status,
              303);
    const std::string observation =
        "/observations/" + std::to_string(count_of(database, "SELECT MAX(id) FROM peer_observations"));
    auto observer = signed_in(kDemoSupport);
    auto early = observer->post(observation + "/note",
                                {{"what_i_saw", "a"}, {"what_i_wondered", "b"}, {"one_thing_to_try", "c"}});
    EXPECT_EQ(early->status, 400);
    EXPECT_TRUE(contains(early->body, "once you have watched"));
    ASSERT_EQ(observer->post(observation + "/decline", {})->status, 303);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM peer_observations WHERE status = 'declined'"), 1);
    EXPECT_TRUE(contains(host->get("/")->body, "Dan Kowalski cannot watch Year 7 maths"));
    EXPECT_FALSE(contains(host->get("/record")->body, "Peer observation"));
}
