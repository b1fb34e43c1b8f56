// Email behind the notices, against a real SMTP relay on loopback (aiosmtpd, with STARTTLS and
// authentication): a notice goes by email once, with text and HTML parts, the trust's name as sender
// and an unsubscribe link that works without signing in; a refused recipient fails alone and the
// administrator sees it; a sender killed mid-batch loses nothing and doubles nothing.
#include <gtest/gtest.h>

#include <ctime>
#include <regex>
#include <set>
#include <thread>

#include "../support/mail_parts.h"
#include "harness.h"

using namespace trellis::testing;

namespace {

std::string header_of(const std::string& stored, const std::string& name) {
    const std::string message = "\n" + stored;
    const auto at = message.find("\n" + name + ": ");
    if (at == std::string::npos)
        return "";
    const auto start = at + name.size() + 3;
    return message.substr(start, message.find('\r', start) - start);
}

} // namespace

class Mail : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo", "--training-day"}), 0);
        // The demo's own notices were written before this test's relay: only what the test does is sent.
        *database.open().lease() << "DELETE FROM mail_outbox";
    }
    void start(const SmtpRelay& relay, std::map<std::string, std::string> extra = {}) {
        auto environment = relay.environment();
        environment.insert(extra.begin(), extra.end());
        server = std::make_unique<TestServer>(database, environment);
    }
    std::unique_ptr<Browser> signed_in(const std::string& email) {
        auto browser = std::make_unique<Browser>(*server);
        EXPECT_EQ(browser->sign_in(email, kDemoPassword)->status, 303) << email;
        browser->get("/expertise");
        return browser;
    }
    long long id_of(const std::string& email) {
        return count_of(database, "SELECT id FROM people WHERE email = '" + email + "'");
    }
    // Asks a listed colleague for help: a notice on their home page, and so an email.
    void ask(Browser& asker, long long expert, const std::string& about) {
        asker.get("/expertise");
        auto asked = asker.post("/expertise/people/" + std::to_string(expert) + "/ask", {{"about", about}});
        ASSERT_EQ(asked->status, 303) << asked->body;
    }
    long long outbox(const std::string& status) {
        return count_of(database, "SELECT COUNT(*) FROM mail_outbox WHERE status = '" + status + "'");
    }

    TestDatabase database;
    std::unique_ptr<TestServer> server;
};

TEST_F(Mail, a_notice_goes_by_email_once_and_its_link_stops_that_kind_without_signing_in) {
    SmtpRelay relay;
    start(relay);
    auto support = signed_in(kDemoSupport);
    ask(*support, id_of(kDemoSchoolLead), "Could you look at my reading group plan?");

    const auto arrived = relay.wait_for(1);
    ASSERT_EQ(arrived.size(), 1u);
    const std::string& message = arrived[0];
    EXPECT_TRUE(contains(header_of(message, "X-Envelope-To"), kDemoSchoolLead));
    EXPECT_TRUE(contains(header_of(message, "From"), "Oakfield Learning Trust <trellis@oakfield.example>"))
        << message;
    EXPECT_FALSE(header_of(message, "Subject").empty());
    EXPECT_TRUE(contains(message, "multipart/alternative"));
    EXPECT_TRUE(contains(message, "text/plain; charset=utf-8"));
    EXPECT_TRUE(contains(message, "text/html; charset=utf-8"));
    EXPECT_TRUE(contains(message, "reading group plan"));
    const std::string unsubscribe = header_of(message, "List-Unsubscribe");
    ASSERT_TRUE(contains(unsubscribe, "/email/off/")) << message;
    // Sent once: marked sent, and nothing more arrives.
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    EXPECT_EQ(relay.messages().size(), 1u);
    EXPECT_EQ(outbox("sent"), 1);

    // The link works without signing in: a page that asks, then a button.
    const std::string path = unsubscribe.substr(unsubscribe.find("/email/off/"), std::string::npos);
    const std::string off = path.substr(0, path.find('>'));
    Browser anyone(*server);
    auto page = anyone.get(off);
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(contains(page->body, "Requests for help"));
    // As a mail program's one-click unsubscribe posts it (RFC 8058): no form token, the link is the proof.
    EXPECT_EQ(header_of(message, "List-Unsubscribe-Post"), "List-Unsubscribe=One-Click");
    auto done = anyone.post(off, {{"List-Unsubscribe", "One-Click"}}, /*with_csrf=*/false);
    ASSERT_EQ(done->status, 200);
    EXPECT_TRUE(contains(done->body, "no more emails about Requests for help"));
    // A changed code is not a link Trellis sent.
    std::string forged = off;
    forged[forged.size() - 2] = forged[forged.size() - 2] == 'A' ? 'B' : 'A';
    EXPECT_EQ(anyone.get(forged)->status, 404);
    EXPECT_EQ(anyone.post(forged, {{"List-Unsubscribe", "One-Click"}}, false)->status, 404);

    // The next request still reaches her home page, but not her inbox.
    auto teacher = signed_in(kDemoTeacher);
    const long long queued_before = count_of(database, "SELECT COUNT(*) FROM mail_outbox");
    const long long other_expert = count_of(
        database, "SELECT MIN(e.person_id) FROM expertise_entries e JOIN people p ON p.id = e.person_id "
                  "WHERE p.email NOT IN ('" +
                      kDemoSchoolLead + "', '" + kDemoTeacher + "', '" + kDemoSupport + "')");
    ask(*support, other_expert, "And could you help me with questioning?");
    ASSERT_EQ(relay.wait_for(2).size(), 2u);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM mail_outbox"), queued_before + 1);
    EXPECT_EQ(
        count_of(database, "SELECT COUNT(*) FROM mail_outbox m JOIN people p ON p.id = m.person_id WHERE "
                           "p.email = '" +
                               kDemoSchoolLead + "'"),
        1);
}

TEST_F(Mail, a_person_chooses_their_emails_and_a_daily_digest) {
    SmtpRelay relay;
    start(relay);
    auto lead = signed_in(kDemoSchoolLead);
    auto page = lead->get("/account/email");
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(contains(page->body, "Requests for help"));
    ASSERT_EQ(lead->post("/account/email", {{"kind", "training_days"}, {"kind", "surveys"}, {"digest", "1"}})
                  ->status,
              303);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM mail_opt_outs WHERE person_id = " +
                                     std::to_string(id_of(kDemoSchoolLead))),
              5);
    lead->get("/account/email");
    ASSERT_EQ(lead->post("/account/email", {{"kind", "help"}, {"digest", "1"}})->status, 303);
    // A digest person's email waits for 07:00 London time.
    auto support = signed_in(kDemoSupport);
    ask(*support, id_of(kDemoSchoolLead), "A digest, please");
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM mail_outbox WHERE digest = 1 AND next_attempt_at > " +
                                     std::to_string(std::time(nullptr) + 60)),
              1);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    EXPECT_EQ(relay.messages().size(), 0u);
}

TEST_F(Mail, a_refused_recipient_fails_alone_and_the_administrator_sees_why) {
    SmtpRelay relay;
    std::vector<long long> experts;
    for (const auto& id :
         texts_of(database, "SELECT e.person_id FROM expertise_entries e JOIN people p ON p.id = "
                            "e.person_id WHERE p.email <> '" +
                                kDemoSupport + "' ORDER BY 1"))
        experts.push_back(std::stoll(id));
    ASSERT_GE(experts.size(), 3u);
    *database.open().lease() << "UPDATE people SET email = 'refuse.me@oakfield.example' WHERE id = " +
                                    std::to_string(experts[1]);
    start(relay);
    auto support = signed_in(kDemoSupport);
    for (long long expert : {experts[0], experts[1], experts[2]})
        ask(*support, expert, "Could we talk about feedback?");
    ASSERT_EQ(relay.wait_for(2).size(), 2u);
    for (int waited = 0; waited < 100 && outbox("failed") == 0; ++waited)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_EQ(outbox("sent"), 2);
    EXPECT_EQ(outbox("failed"), 1);
    EXPECT_EQ(relay.messages().size(), 2u);

    auto admin = std::make_unique<Browser>(*server);
    ASSERT_EQ(admin->sign_in(kDemoAdmin, kDemoPassword)->status, 303);
    auto page = admin->get("/schools/email");
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(contains(page->body, "2 sent in the last month · 1 failed")) << page->body;
    EXPECT_TRUE(contains(page->body, "550"));
    // Staff cannot see it.
    EXPECT_EQ(support->get("/schools/email")->status, 403);
}

TEST_F(Mail, a_sender_killed_mid_batch_loses_nothing_and_sends_nothing_twice) {
    // Twelve notices waiting for twelve people, and a relay that takes its time over each recipient.
    {
        auto sql = database.open().lease();
        *sql
            << "INSERT INTO notices (trust_id, person_id, text, link, created_at) SELECT trust_id, id, 'A "
               "survey "
               "waits for you', '/surveys', 1 FROM people WHERE left_at = 0 AND id IN (SELECT id FROM people "
               "ORDER BY id LIMIT 12)";
        *sql << "INSERT INTO mail_outbox (notice_id, trust_id, person_id, kind, next_attempt_at, created_at) "
                "SELECT "
                "id, trust_id, person_id, 'surveys', 0, 1 FROM notices WHERE link = '/surveys' AND "
                "created_at = 1";
    }
    const long long waiting = outbox("queued");
    ASSERT_GE(waiting, 10);
    SmtpRelay relay(0.4);
    start(relay, {{"TRELLIS_MAIL_CLAIM_SECONDS", "2"}});
    ASSERT_GE(relay.wait_for(3).size(), 3u);
    // Killed while the relay weighs the next recipient: that email was not accepted.
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    server->kill_hard();
    const auto before = relay.messages().size();
    EXPECT_LT(before, static_cast<std::size_t>(waiting));
    server->restart(); // its claims lapse after two seconds and it takes them over
    const auto all = relay.wait_for(static_cast<std::size_t>(waiting), 60);
    std::this_thread::sleep_for(std::chrono::milliseconds(800));
    const auto settled = relay.messages();
    EXPECT_EQ(settled.size(), static_cast<std::size_t>(waiting));
    std::set<std::string> ids;
    for (const auto& message : settled)
        ids.insert(header_of(message, "Message-ID"));
    EXPECT_EQ(ids.size(), static_cast<std::size_t>(waiting)) << "each email exactly once";
    EXPECT_EQ(outbox("sent"), waiting);
}

// A programme session goes to each person in it as a calendar invitation, and the day before as a
// reminder; several sweeps send each once.
TEST_F(Mail, programme_sessions_come_as_invitations_and_a_reminder_the_day_before) {
    SmtpRelay relay;
    start(relay);
    // Grace's next session at a set time, as her own calendar subscription gives it.
    auto teacher = signed_in(kDemoTeacher);
    teacher->get("/my-year");
    const auto page = teacher->post("/my-year/feed", {});
    std::smatch match;
    const std::string body = std::regex_replace(page->body, std::regex("&#x2F;"), "/");
    ASSERT_TRUE(std::regex_search(body, match, std::regex(R"(/calendar/[A-Za-z0-9_-]{43}\.ics)")));
    const std::string feed = teacher->get(match.str())->body;
    const std::regex session(R"(UID:(activity-\d+@trellis)\r\nDTSTAMP:\w+\r\n(?:SEQUENCE:\d+\r\n)?)"
                             R"(DTSTART;TZID=Europe/London:(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d))");
    ASSERT_TRUE(std::regex_search(feed, match, session)) << feed;
    const std::string uid = match[1];
    const std::string starts = match[5].str() + ":" + match[6].str();
    std::tm day{};
    day.tm_year = std::stoi(match[2]) - 1900;
    day.tm_mon = std::stoi(match[3]) - 1;
    day.tm_mday = std::stoi(match[4]) - 1;
    day.tm_hour = 12;
    char before[11];
    const std::time_t moment = timegm(&day);
    std::strftime(before, sizeof before, "%Y-%m-%d", std::gmtime(&moment));

    // Only Grace gets email here, and only about programmes.
    auto& db = database.open();
    for (const std::string kind :
         {"training_days", "programmes", "surveys", "peer_learning", "groups", "help", "other"})
        *db.lease() << "INSERT INTO mail_opt_outs (trust_id, person_id, kind) SELECT trust_id, id, '" + kind +
                           "' FROM people WHERE email <> '" + kDemoTeacher + "'" +
                           (kind == "programmes" ? "" : " OR email = '" + std::string(kDemoTeacher) + "'");
    server.reset();
    auto environment = relay.environment();
    environment["TRELLIS_SWEEP_INTERVAL_MS"] = "300";
    environment["TRELLIS_TODAY"] = before;
    server = std::make_unique<TestServer>(database, environment);

    const auto with = [&](const std::string& part) {
        std::vector<std::string> found;
        for (int tries = 0; tries < 600 && found.empty(); ++tries) {
            for (const std::string& message : relay.messages())
                if (contains(message, part))
                    found.push_back(message);
            if (found.empty())
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        return found;
    };
    const auto invitation = with("UID:" + uid);
    ASSERT_EQ(invitation.size(), 1u);
    EXPECT_TRUE(contains(header_of(invitation[0], "X-Envelope-To"), kDemoTeacher));
    const auto calendar = mail_part(invitation[0], "text/calendar");
    EXPECT_EQ(calendar.content_type, "text/calendar; charset=utf-8; method=REQUEST");
    EXPECT_TRUE(contains(calendar.body, "METHOD:REQUEST\r\n"));
    EXPECT_TRUE(contains(header_of(invitation[0], "Subject"), "Invitation: "));

    const auto reminder = with("Tomorrow: ");
    ASSERT_EQ(reminder.size(), 1u);
    const std::string text = mail_part(reminder[0], "text/plain").body;
    EXPECT_TRUE(contains(text, starts)) << text;
    EXPECT_TRUE(contains(text, "?on=" + std::string(match[2]) + "-" + match[3].str() + "-" + match[4].str()))
        << text;
    // The reminder is on her home page too.
    auto grace = signed_in(kDemoTeacher);
    EXPECT_TRUE(contains(grace->get("/")->body, "Tomorrow: "));

    std::this_thread::sleep_for(std::chrono::seconds(2));
    EXPECT_EQ(with("UID:" + uid).size(), 1u);
    EXPECT_EQ(with("Tomorrow: ").size(), 1u);
}
