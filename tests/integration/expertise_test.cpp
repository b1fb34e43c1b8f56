// Who can help with … over HTTP on both databases: a person opts into the directory with a sentence,
// tags and the trust's priorities; any colleague finds them by a word, a tag, a priority or their
// work; what Trellis knows of their work (workshops rated well by enough colleagues, programmes
// completed, steps coached) shows beside the entry unless they hide it; a request for help lands on
// the expert's home page; bad entries save nothing; another trust sees nothing.
#include <gtest/gtest.h>

#include "harness.h"

using namespace trellis::testing;

namespace {

// After every demo programme's last session, so that each has ended.
const std::string kToday = "2030-01-15";
const std::string kOffer = "Running phonics catch-up groups in Key Stage 1.";

} // namespace

class Expertise : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo", "--training-day"}), 0);
        // The demo's own entries and requests are shown by the demo; these tests start afresh.
        {
            auto session = database.open().lease();
            for (const char* table : {"expertise_requests", "expertise_topics", "expertise_entries"})
                *session << std::string("DELETE FROM ") + table;
            *session << "DELETE FROM notices WHERE link LIKE '/expertise/%'";
        }
        teacher_id = person("teacher@oakfield.example");
        support_id = person("support@oakfield.example");
        start(kToday);
    }
    void start(const std::string& today) {
        server.reset();
        server = std::make_unique<TestServer>(database,
                                              std::map<std::string, std::string>{{"TRELLIS_TODAY", today}});
    }
    long long person(const std::string& email) {
        return count_of(database, "SELECT id FROM people WHERE email = '" + email + "'");
    }
    std::unique_ptr<Browser> signed_in(const std::string& email,
                                       const std::string& password = kDemoPassword) {
        auto browser = std::make_unique<Browser>(*server);
        EXPECT_EQ(browser->sign_in(email, password)->status, 303) << email;
        browser->get("/");
        return browser;
    }
    long long priority(const std::string& title) {
        return count_of(database,
                        "SELECT id FROM priorities WHERE school_id IS NULL AND title = '" + title + "'");
    }
    // The teacher lists herself; returns her browser.
    std::unique_ptr<Browser> teacher_listed(const std::string& show_work = "1") {
        auto teacher = signed_in(kDemoTeacher);
        teacher->get("/expertise/mine");
        httplib::Params form{
            {"offer", kOffer},
            {"tags", "Phonics, KS1 , phonics, small groups"},
            {"priorities", std::to_string(priority("Every role matters: support staff at their best"))},
            {"show_work", show_work}};
        auto saved = teacher->post("/expertise/mine", form);
        EXPECT_EQ(saved->status, 303) << saved->body;
        return teacher;
    }
    std::string directory(Browser& browser, const std::string& query) {
        return browser.get("/expertise" + query)->body;
    }
    long long entries() { return count_of(database, "SELECT COUNT(*) FROM expertise_entries"); }
    void run(const std::string& statement) {
        auto session = database.open().lease();
        *session << statement;
    }

    TestDatabase database;
    std::unique_ptr<TestServer> server;
    long long teacher_id = 0, support_id = 0;
};

TEST_F(Expertise, a_person_opts_in_and_any_colleague_finds_them_by_a_word_a_tag_or_a_priority) {
    auto before = signed_in(kDemoSupport);
    EXPECT_FALSE(contains(directory(*before, "?q=phonics"), kOffer));
    // Her work is hidden here, so that only what she typed can match.
    teacher_listed("0");
    // Tags are kept once each, in lower case, beside the priority.
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM expertise_topics WHERE kind = 'tag'"), 3);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM expertise_topics WHERE value = 'ks1'"), 1);
    auto support = signed_in(kDemoSupport);
    EXPECT_TRUE(contains(directory(*support, "?q=PHONIC"), kOffer)) << "a word, in any case, part of a word";
    EXPECT_TRUE(contains(directory(*support, "?q=small%20groups"), kOffer)) << "a tag";
    EXPECT_TRUE(contains(directory(*support, "?q=support%20staff%20at%20their%20best"), kOffer))
        << "a priority's words";
    const std::string by_priority =
        "?priority=" + std::to_string(priority("Every role matters: support staff at their best"));
    EXPECT_TRUE(contains(directory(*support, by_priority), kOffer));
    EXPECT_FALSE(contains(directory(*support, "?q=phonics%20calculus"), kOffer)) << "every word must match";
    EXPECT_TRUE(contains(directory(*support, "?q=calculus"), "Nobody matches yet."));
    const std::string other_priority =
        "?priority=" + std::to_string(priority("Adaptive teaching so that every pupil takes part"));
    EXPECT_FALSE(contains(directory(*support, "?q=phonics&" + other_priority.substr(1)), kOffer));
    // Her own page keeps what she typed.
    auto teacher = signed_in(kDemoTeacher);
    const std::string mine = teacher->get("/expertise/mine")->body;
    EXPECT_TRUE(contains(mine, "ks1, phonics, small groups"));
    EXPECT_TRUE(contains(mine, "Leave the directory"));
}

TEST_F(Expertise, bad_entries_are_refused_with_a_reason_and_nothing_is_saved) {
    auto teacher = signed_in(kDemoTeacher);
    teacher->get("/expertise/mine");
    const auto refused = [&](httplib::Params form, const std::string& reason) {
        auto result = teacher->post("/expertise/mine", form);
        EXPECT_EQ(result->status, 400) << reason;
        EXPECT_TRUE(contains(result->body, reason)) << result->body.substr(0, 400);
        EXPECT_EQ(entries(), 0);
    };
    refused({{"offer", "   "}, {"tags", "phonics"}}, "Say in a sentence what you can help with");
    refused({{"offer", std::string(301, 'a')}}, "in up to 300 characters");
    refused({{"offer", kOffer}, {"tags", "a,b,c,d,e,f,g,h,i,j,k,l,m"}}, "Give up to 12 tags");
    refused({{"offer", kOffer}, {"tags", std::string(41, 'x')}}, "Keep each tag to 40 characters");
    refused({{"offer", kOffer}, {"priorities", "999999"}}, "Choose among the trust&#39;s priorities.");
    refused({{"offer", kOffer}, {"priorities", "seven"}}, "Choose among the trust&#39;s priorities.");
    // A school's own priority is not one of the trust's.
    const long long school_priority =
        count_of(database, "SELECT COALESCE(MIN(id), 0) FROM priorities WHERE school_id IS NOT NULL");
    if (school_priority)
        refused({{"offer", kOffer}, {"priorities", std::to_string(school_priority)}},
                "Choose among the trust&#39;s priorities.");
    // What was typed comes back in the form.
    auto result = teacher->post("/expertise/mine", {{"offer", kOffer}, {"tags", std::string(41, 'x')}});
    EXPECT_TRUE(contains(result->body, kOffer));
}

TEST_F(Expertise, workshops_presented_show_only_when_enough_colleagues_rated_them_well) {
    // The teacher presented a workshop on a day whose feedback is in.
    const long long offer =
        count_of(database, "SELECT MIN(id) FROM workshop_offers WHERE status = 'approved'");
    const long long event =
        count_of(database, "SELECT event_id FROM workshop_offers WHERE id = " + std::to_string(offer));
    const std::string title =
        texts_of(database, "SELECT title FROM workshop_offers WHERE id = " + std::to_string(offer)).front();
    run("UPDATE workshop_offers SET presenter_id = " + std::to_string(teacher_id) +
        " WHERE id = " + std::to_string(offer));
    run("UPDATE events SET stage = 'feedback' WHERE id = " + std::to_string(event));
    run("DELETE FROM feedback WHERE about_kind = 'event' AND item_id = " + std::to_string(offer));
    const auto rate = [&](const std::vector<int>& ratings) {
        run("DELETE FROM feedback WHERE about_kind = 'event' AND item_id = " + std::to_string(offer));
        const auto raters =
            texts_of(database, "SELECT id FROM people WHERE staff_group = 'teacher' AND id <> " +
                                   std::to_string(teacher_id) + " ORDER BY id");
        for (std::size_t i = 0; i < ratings.size(); ++i)
            run("INSERT INTO feedback (trust_id, about_kind, about_id, item_id, person_id, rating, comment, "
                "created_at) VALUES (1, 'event', " +
                std::to_string(event) + ", " + std::to_string(offer) + ", " + raters[i] + ", " +
                std::to_string(ratings[i]) + ", '', 0)");
    };
    teacher_listed();
    auto support = signed_in(kDemoSupport);
    const std::string presented = "Presented \u201c" + title + "\u201d";
    rate({5, 4, 4, 5});
    EXPECT_FALSE(contains(directory(*support, "?q=phonics"), "Presented")) << "four ratings: too few to show";
    rate({5, 4, 4, 5, 4});
    std::string page = directory(*support, "?q=phonics");
    EXPECT_TRUE(contains(page, presented)) << page.substr(page.find("expert-list"), 2000);
    EXPECT_TRUE(contains(page, "rated 4.4 out of 5 by 5 colleagues"));
    // Found by the workshop's words, too.
    EXPECT_TRUE(contains(directory(*support, "?q=" + std::string("presented")), kOffer));
    rate({5, 3, 3, 4, 4});
    EXPECT_FALSE(contains(directory(*support, "?q=phonics"), "Presented"))
        << "an average under 4 is not shown";
}

TEST_F(Expertise, programmes_completed_show_once_ended_for_those_at_three_quarters_of_the_sessions) {
    const auto live =
        texts_of(database, "SELECT id FROM programme_activities WHERE programme_id = 1 AND kind = "
                           "'live' ORDER BY starts_on");
    ASSERT_GE(live.size(), 2u);
    const std::string title = texts_of(database, "SELECT title FROM programmes WHERE id = 1").front();
    const std::string last =
        texts_of(database, "SELECT MAX(starts_on) FROM programme_activities WHERE programme_id = 1").front();
    run("DELETE FROM attendance_marks WHERE session_kind = 'activity' AND person_id = " +
        std::to_string(teacher_id));
    for (std::size_t i = 0; i < live.size(); ++i)
        run("INSERT INTO attendance_marks (trust_id, session_kind, session_id, person_id, status, how, "
            "marked_at) "
            "VALUES (1, 'activity', " +
            live[i] + ", " + std::to_string(teacher_id) + ", '" + (i % 2 ? "caught_up" : "present") +
            "', 'register', 0)");
    teacher_listed();
    const std::string completed = "Completed the programme \u201c" + title + "\u201d";
    start(last);
    EXPECT_FALSE(contains(directory(*signed_in(kDemoSupport), ""), completed)) << "not until it has ended";
    start(kToday);
    auto support = signed_in(kDemoSupport);
    EXPECT_TRUE(contains(directory(*support, ""), completed));
    EXPECT_TRUE(contains(directory(*support, ""), "at " + std::to_string(live.size()) + " of its " +
                                                      std::to_string(live.size()) + " sessions"));
    // At fewer than three quarters, it does not count.
    run("DELETE FROM attendance_marks WHERE session_kind = 'activity' AND person_id = " +
        std::to_string(teacher_id) + " AND session_id IN (" + live[0] + ", " + live[1] + ")");
    if (live.size() < 8)
        EXPECT_FALSE(contains(directory(*support, ""), completed));
}

TEST_F(Expertise, steps_coached_show_and_a_person_may_hide_their_work_from_colleagues) {
    const long long step = count_of(database, "SELECT MIN(id) FROM coaching_steps");
    const std::string title =
        texts_of(database, "SELECT title FROM coaching_steps WHERE id = " + std::to_string(step)).front();
    run("DELETE FROM mentoring_meetings");
    run("DELETE FROM mentoring_pairs");
    run("INSERT INTO mentoring_pairs (trust_id, kind, mentor_id, mentee_id, focus, status, created_at) "
        "VALUES (1, "
        "'coaching', " +
        std::to_string(teacher_id) + ", " + std::to_string(support_id) + ", '', 'active', 0)");
    const long long pair = count_of(database, "SELECT MAX(id) FROM mentoring_pairs");
    for (const char* day : {"2029-10-01", "2029-11-01"})
        run("INSERT INTO mentoring_meetings (trust_id, pair_id, day, minutes, focus, discussed, step_id, "
            "next_step, "
            "next_step_by, created_at) VALUES (1, " +
            std::to_string(pair) + ", '" + day +
            "', 30, 'Starts', "
            "'private words', " +
            std::to_string(step) + ", 'Try it', '" + day + "', 0)");
    teacher_listed();
    auto support = signed_in(kDemoSupport);
    const std::string coached = "Coached the step \u201c" + title + "\u201d";
    std::string page = directory(*support, "");
    EXPECT_TRUE(contains(page, coached));
    EXPECT_TRUE(contains(page, "agreed in 2 mentoring or coaching meetings"));
    EXPECT_FALSE(contains(page, "private words")) << "a pair's notes are never shown";
    // She hides her work: colleagues see only her entry; she still sees it on her own page.
    auto teacher = teacher_listed("0");
    page = directory(*support, "");
    EXPECT_TRUE(contains(page, kOffer));
    EXPECT_FALSE(contains(page, coached));
    EXPECT_TRUE(contains(teacher->get("/expertise/mine")->body, coached));
}

TEST_F(Expertise, a_request_for_help_lands_on_the_experts_home_page_until_answered) {
    auto teacher = teacher_listed();
    auto support = signed_in(kDemoSupport);
    const std::string ask = "/expertise/people/" + std::to_string(teacher_id) + "/ask";
    const std::string about = "Could you look at my Year 1 phonics group plan?";
    auto asked = support->post(ask, {{"about", about}});
    ASSERT_EQ(asked->status, 303) << asked->body;
    EXPECT_EQ(asked->get_header_value("Location"), "/expertise?asked=1");
    // Asked again while the first waits: refused, and nothing added.
    auto again = support->post(ask, {{"about", "And another thing"}});
    EXPECT_EQ(again->status, 400);
    EXPECT_TRUE(contains(again->body, "You have already asked this colleague"));
    EXPECT_TRUE(contains(support->post(ask, {{"about", "  "}})->body, "Say what you would like help with"));
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM expertise_requests"), 1);
    // It is on her home page, and her own page shows who asked, with their email.
    EXPECT_TRUE(contains(teacher->get("/")->body, "asks for your help"));
    const std::string mine = teacher->get("/expertise/mine")->body;
    EXPECT_TRUE(contains(mine, about));
    EXPECT_TRUE(contains(mine, "mailto:support@oakfield.example"));
    const long long request = count_of(database, "SELECT id FROM expertise_requests");
    const std::string answered = "/expertise/requests/" + std::to_string(request) + "/answered";
    // Only she can mark it answered.
    EXPECT_EQ(support->post(answered, {})->status, 404);
    EXPECT_EQ(teacher->post(answered, {})->status, 303);
    EXPECT_FALSE(contains(teacher->get("/")->body, "asks for your help"));
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM expertise_requests WHERE answered_at = 0"), 0);
    // Once answered, the colleague may ask again.
    EXPECT_EQ(support->post(ask, {{"about", "One more question"}})->status, 303);
    // Nobody asks themselves, or someone not listed.
    EXPECT_EQ(teacher->post(ask, {{"about", "Me"}})->status, 400);
    EXPECT_EQ(
        teacher->post("/expertise/people/" + std::to_string(support_id) + "/ask", {{"about", "Hi"}})->status,
        404);
}

TEST_F(Expertise, leaving_takes_the_entry_and_its_topics_and_the_data_export_holds_them_until_then) {
    auto teacher = teacher_listed();
    const std::string exported = teacher->get("/people/" + std::to_string(teacher_id) + "/data.json")->body;
    EXPECT_TRUE(contains(exported, "expertise_entries"));
    EXPECT_TRUE(contains(exported, kOffer));
    EXPECT_EQ(teacher->post("/expertise/mine/leave", {})->status, 303);
    EXPECT_EQ(entries(), 0);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM expertise_topics"), 0);
    EXPECT_FALSE(contains(directory(*signed_in(kDemoSupport), "?q=phonics"), kOffer));
}

TEST_F(Expertise, another_trust_finds_nobody_and_reaches_nothing) {
    teacher_listed();
    auto support = signed_in(kDemoSupport);
    support->post("/expertise/people/" + std::to_string(teacher_id) + "/ask", {{"about", "Help, please"}});
    const long long request = count_of(database, "SELECT id FROM expertise_requests");
    ASSERT_EQ(add_northfield_trust(database), 0);
    auto northfield = signed_in(kNorthfieldAdmin, kNorthfieldPassword);
    const std::string page = directory(*northfield, "?q=phonics");
    EXPECT_FALSE(contains(page, kOffer));
    EXPECT_TRUE(contains(directory(*northfield, ""), "0 colleagues in the directory"));
    EXPECT_EQ(northfield->post("/expertise/people/" + std::to_string(teacher_id) + "/ask", {{"about", "Hi"}})
                  ->status,
              404);
    EXPECT_EQ(northfield->post("/expertise/requests/" + std::to_string(request) + "/answered", {})->status,
              404);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM expertise_requests WHERE answered_at = 0"), 1);
}
