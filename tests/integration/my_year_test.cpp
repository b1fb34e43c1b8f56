// Each person's year over HTTP, and its calendar subscription: the feed parses, a moved session keeps
// its UID and raises its SEQUENCE, and making a new address stops the old one working.
#include <gtest/gtest.h>

#include <regex>

#include "../support/ics_lines.h"
#include "harness.h"

using namespace trellis::testing;

namespace {

// The lines of the VEVENT with this UID, or none.
std::vector<std::string> event_with_uid(const std::string& calendar, const std::string& uid) {
    std::vector<std::string> current;
    bool inside = false;
    for (const std::string& line : unfolded_ics_lines(calendar)) {
        if (line == "BEGIN:VEVENT") {
            inside = true;
            current.clear();
        } else if (line == "END:VEVENT") {
            inside = false;
            if (std::find(current.begin(), current.end(), "UID:" + uid) != current.end())
                return current;
        } else if (inside) {
            current.push_back(line);
        }
    }
    return {};
}

bool has_line(const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

} // namespace

class MyYear : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo", "--training-day"}), 0);
        server = std::make_unique<TestServer>(database);
    }
    std::unique_ptr<Browser> signed_in(const std::string& email) {
        auto browser = std::make_unique<Browser>(*server);
        EXPECT_EQ(browser->sign_in(email, kDemoPassword)->status, 303) << email;
        browser->get("/my-year");
        return browser;
    }
    // Makes a new calendar address and returns its path.
    std::string new_feed(Browser& browser) {
        browser.get("/my-year");
        auto page = browser.post("/my-year/feed", {});
        EXPECT_EQ(page->status, 200);
        std::smatch match;
        const std::regex address(R"(/calendar/[A-Za-z0-9_-]{43}\.ics)");
        const std::string body = std::regex_replace(page->body, std::regex("&#x2F;"), "/");
        EXPECT_TRUE(std::regex_search(body, match, address)) << page->body;
        return match.str();
    }

    TestDatabase database;
    std::unique_ptr<TestServer> server;
};

TEST_F(MyYear, shows_each_person_what_they_are_part_of_in_date_order) {
    auto teacher = signed_in(kDemoTeacher);
    auto page = teacher->get("/my-year");
    ASSERT_EQ(page->status, 200);
    const auto launch = page->body.find("Launch: questions that make everyone think");
    const auto follow_up = page->body.find("What stuck?");
    const auto training_day = page->body.find("Spring training day");
    ASSERT_NE(launch, std::string::npos);
    ASSERT_NE(training_day, std::string::npos);
    EXPECT_LT(launch, follow_up);
    EXPECT_TRUE(contains(page->body, "Autumn 1 2026–27"));
    EXPECT_FALSE(contains(page->body, "Working alongside the teacher")); // support staff's programme
    EXPECT_TRUE(contains(teacher->get("/")->body, "Next up for you"));

    auto assistant = signed_in(kDemoSupport);
    page = assistant->get("/my-year");
    EXPECT_TRUE(contains(page->body, "Working alongside the teacher"));
    EXPECT_FALSE(contains(page->body, "Launch: questions that make everyone think"));
}

TEST_F(MyYear, the_calendar_feed_follows_a_moved_session_and_a_new_address_retires_the_old) {
    auto teacher = signed_in(kDemoTeacher);
    const std::string feed = new_feed(*teacher);
    Browser calendar_program(*server); // not signed in, as Outlook or Google would fetch it
    auto first = calendar_program.get(feed);
    ASSERT_EQ(first->status, 200);
    EXPECT_EQ(first->get_header_value("Content-Type"), "text/calendar; charset=utf-8");
    const auto lines = unfolded_ics_lines(first->body);
    EXPECT_EQ(lines.front(), "BEGIN:VCALENDAR");
    const long long sharing =
        count_of(database, "SELECT id FROM programme_activities WHERE title = 'Sharing what works'");
    const std::string uid = "activity-" + std::to_string(sharing) + "@trellis";
    auto before = event_with_uid(first->body, uid);
    ASSERT_FALSE(before.empty()) << first->body;
    EXPECT_TRUE(has_line(before, "DTSTART;TZID=Europe/London:20270311T154500"));
    EXPECT_FALSE(has_line(before, "SEQUENCE:1"));

    // The lead moves the session a week later: same UID, SEQUENCE raised, new time.
    auto lead = signed_in(kDemoTrustLead);
    const long long programme = count_of(
        database, "SELECT programme_id FROM programme_activities WHERE id = " + std::to_string(sharing));
    const std::string edit =
        "/programmes/" + std::to_string(programme) + "/activities/" + std::to_string(sharing) + "/edit";
    lead->get(edit);
    ASSERT_EQ(lead->post(edit, {{"title", "Sharing what works"},
                                {"starts_on", "2027-03-18"},
                                {"starts_at", "15:45"},
                                {"ends_at", "17:00"},
                                {"delivery", "both"},
                                {"venue", "Riverside High School"},
                                {"meeting_url", "https://meet.oakfield.example/pd"},
                                {"evidence", "Colleagues' own classroom enquiries"}})
                  ->status,
              303);
    auto after = event_with_uid(calendar_program.get(feed)->body, uid);
    ASSERT_FALSE(after.empty());
    EXPECT_TRUE(has_line(after, "SEQUENCE:1"));
    EXPECT_TRUE(has_line(after, "DTSTART;TZID=Europe/London:20270318T154500"));

    // A new address: the old one stops working, the new one works.
    const std::string renewed = new_feed(*teacher);
    EXPECT_NE(renewed, feed);
    EXPECT_EQ(calendar_program.get(feed)->status, 404);
    EXPECT_EQ(calendar_program.get(renewed)->status, 200);
    EXPECT_EQ(calendar_program.get("/calendar/" + std::string(43, 'A') + ".ics")->status, 404);
    // Only the token's hash is kept.
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM calendar_feeds WHERE token_hash LIKE '%" +
                                     renewed.substr(10, 43) + "%'"),
              0);
}
