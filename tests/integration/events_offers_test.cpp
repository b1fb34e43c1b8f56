// A training day's call for offers, their quality assurance and workshop materials, over HTTP:
// offers are validated and saved whole, reviewers are only those the lead chose, decisions set the
// status, presenters resubmit after changes, the lead sees coverage, and materials stay in the trust.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "events/service.h"
#include "harness.h"

using namespace trellis::testing;
namespace events = trellis::events;

namespace {

constexpr long long kOakfield = 1;
constexpr long long kTrustLeadId = 2;
constexpr long long kSchoolLeadId = 3;
constexpr const char* kSupport = "support@oakfield.example";

// The offer id in a Location such as /offers/12?sent=1.
long long offer_id_in(const httplib::Result& result) {
    static const std::regex pattern(R"(^/offers/(\d+))");
    std::smatch match;
    const std::string location = result ? result->get_header_value("Location") : "";
    return std::regex_search(location, match, pattern) ? std::stoll(match[1]) : 0;
}

std::string status_of_offer(trellis::db::Database& database, long long offer_id) {
    auto sql = database.lease();
    std::string status;
    *sql << "SELECT status FROM workshop_offers WHERE id = :id", soci::use(offer_id), soci::into(status);
    return status;
}

} // namespace

class EventOffers : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo"}), 0);
        ASSERT_EQ(add_northfield_trust(database), 0);
        event_id = create_event();
        server = std::make_unique<TestServer>(database,
                                              std::map<std::string, std::string>{{"TRELLIS_DATA", data_dir}});
    }
    void TearDown() override {
        server.reset();
        std::filesystem::remove_all(data_dir);
    }

    // The lead's event, made through the service (the lead's own pages are another part's).
    long long create_event() {
        events::EventService service(database.open());
        std::vector<std::string> school_ids;
        {
            auto sql = database.open().lease();
            soci::rowset<long long> rows =
                (sql->prepare << "SELECT id FROM schools WHERE trust_id = 1 ORDER BY id");
            for (long long id : rows)
                school_ids.push_back(std::to_string(id));
        }
        events::EventForm form;
        form.title = "Spring training day";
        form.event_date = "2027-03-05";
        form.venue = "Oakfield Academy";
        form.school_ids = school_ids;
        form.brief_purpose = "Share what works in our own classrooms and offices.";
        form.brief_audiences = "Support staff as much as teachers.";
        form.brief_format = "Practical, with something to try on Monday.";
        form.brief_length = "50 minutes.";
        form.brief_quality = "Grounded in evidence; clear outcomes.";
        form.slots = "09:30-10:20\n10:40-11:30\n";
        form.rooms = "Library, 30\nHall, 120\n";
        form.priorities = "Reading across the curriculum\nBehaviour and belonging\n";
        trellis::accounts::Actor lead;
        lead.person_id = kTrustLeadId;
        lead.trust_id = kOakfield;
        lead.role = trellis::people::Role::TrustPdLead;
        const long long id = service.create(lead, form);
        service.set_stage(kOakfield, id, events::Stage::Offers); // a new day starts as a draft
        const auto layout = service.layout(kOakfield, id);
        reading = layout->priorities.at(0).id;
        behaviour = layout->priorities.at(1).id;
        return id;
    }

    void make_school_lead_a_reviewer() {
        events::EventService(database.open()).set_reviewers(kOakfield, event_id, {kSchoolLeadId});
    }

    std::unique_ptr<Browser> signed_in(const std::string& email,
                                       const std::string& password = kDemoPassword) {
        auto browser = std::make_unique<Browser>(*server);
        EXPECT_EQ(browser->sign_in(email, password)->status, 303) << email;
        browser->get("/offers/mine"); // a page, for the session's form token
        return browser;
    }

    httplib::Params offer_form(const std::string& title, long long priority,
                               std::vector<std::string> audience = {"teacher"}) {
        httplib::Params form{{"title", title},
                             {"summary", "Three routines for reading aloud in every subject."},
                             {"phase", "secondary"},
                             {"outcomes", "Plan one reading routine for next week."},
                             {"priority_id", std::to_string(priority)},
                             {"max_group", "25"},
                             {"room_needs", "Projector"},
                             {"can_repeat", "yes"}};
        for (const auto& group : audience)
            form.emplace("audience", group);
        return form;
    }

    long long offer(Browser& presenter, const std::string& title, long long priority,
                    std::vector<std::string> audience = {"teacher"}) {
        auto sent = presenter.post(events_path("/offers"), offer_form(title, priority, audience));
        EXPECT_EQ(sent->status, 303) << sent->body;
        return offer_id_in(sent);
    }

    httplib::Params review_form(const std::string& decision, const std::string& comment = "") {
        return {{"score_priority", "3"}, {"score_audience", "4"}, {"score_format", "2"},
                {"score_quality", "3"},  {"decision", decision},  {"comment", comment}};
    }

    std::string events_path(const std::string& rest) { return "/events/" + std::to_string(event_id) + rest; }
    static std::string offer_path(long long id, const std::string& rest = "") {
        return "/offers/" + std::to_string(id) + rest;
    }

    TestDatabase database;
    std::string data_dir = temporary_folder();
    std::unique_ptr<TestServer> server;
    long long event_id = 0, reading = 0, behaviour = 0;
};

TEST_F(EventOffers, the_call_page_shows_the_brief_and_the_form) {
    auto teacher = signed_in(kDemoTeacher);
    auto page = teacher->get(events_path("/offers"));
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("Support staff as much as teachers."), std::string::npos);
    EXPECT_NE(page->body.find("Reading across the curriculum"), std::string::npos);
    EXPECT_NE(page->body.find("Offer a workshop"), std::string::npos);
}

TEST_F(EventOffers, rejects_an_incomplete_offer_with_a_clear_message_and_saves_nothing) {
    auto teacher = signed_in(kDemoTeacher);
    struct Case {
        std::string field, value, message;
    };
    const Case cases[] = {
        {"title", "", "Give the workshop a title"},
        {"summary", "  ", "Write a summary"},
        {"outcomes", "", "Say what people will be able to do"},
        {"priority_id", "999999", "Choose the trust priority"},
        {"max_group", "lots", "The largest group must be a whole number"},
        {"max_group", "1", "The largest group must be a whole number"},
        {"phase", "nursery", "Choose a phase"},
    };
    for (const Case& bad : cases) {
        auto form = offer_form("Reading aloud", reading);
        form.erase(bad.field);
        form.emplace(bad.field, bad.value);
        auto answer = teacher->post(events_path("/offers"), form);
        EXPECT_EQ(answer->status, 400) << bad.field;
        EXPECT_NE(answer->body.find(bad.message), std::string::npos) << bad.field;
        if (bad.field != "title") {
            EXPECT_NE(answer->body.find("value=\"Reading aloud\""), std::string::npos)
                << "the form keeps what was typed";
        }
    }
    auto no_audience = teacher->post(events_path("/offers"), offer_form("Reading aloud", reading, {}));
    EXPECT_EQ(no_audience->status, 400);
    EXPECT_NE(no_audience->body.find("Tick at least one staff group"), std::string::npos);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM workshop_offers"), 0);
}

TEST_F(EventOffers, offers_close_when_the_event_moves_on) {
    events::EventService(database.open()).set_stage(kOakfield, event_id, events::Stage::Scheduling);
    auto teacher = signed_in(kDemoTeacher);
    EXPECT_NE(teacher->get(events_path("/offers"))->body.find("The call for offers has closed"),
              std::string::npos);
    auto late = teacher->post(events_path("/offers"), offer_form("Too late", reading));
    EXPECT_EQ(late->status, 400);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM workshop_offers"), 0);
}

TEST_F(EventOffers, a_presenter_resubmits_after_changes_are_requested) {
    auto teacher = signed_in(kDemoTeacher);
    const long long id = offer(*teacher, "Reading aloud in every subject", reading);
    ASSERT_GT(id, 0);
    EXPECT_EQ(status_of_offer(database.open(), id), "submitted");

    auto lead = signed_in(kDemoTrustLead);
    ASSERT_EQ(lead->get(offer_path(id, "/review"))->status, 200);
    EXPECT_EQ(lead->post(offer_path(id, "/review"), review_form("changes", "Say how it suits support staff."))
                  ->status,
              303);
    EXPECT_EQ(status_of_offer(database.open(), id), "changes_requested");

    auto mine = teacher->get("/offers/mine");
    EXPECT_NE(mine->body.find("Changes requested"), std::string::npos);
    EXPECT_NE(teacher->get(events_path("/offers/mine"))->body.find("Say how it suits support staff."),
              std::string::npos);
    EXPECT_NE(mine->body.find("Say how it suits support staff."), std::string::npos);
    ASSERT_EQ(teacher->get(offer_path(id, "/edit"))->status, 200);
    auto changed = offer_form("Reading aloud for teachers and TAs", reading, {"teacher", "support"});
    EXPECT_EQ(teacher->post(offer_path(id), changed)->status, 303);
    EXPECT_EQ(status_of_offer(database.open(), id), "submitted");
    EXPECT_NE(teacher->get(offer_path(id))->body.find("Reading aloud for teachers and TAs"),
              std::string::npos);

    lead->get(offer_path(id, "/review"));
    EXPECT_EQ(lead->post(offer_path(id, "/review"), review_form("approve"))->status, 303);
    EXPECT_EQ(status_of_offer(database.open(), id), "approved");
    // A decided offer stays as it was approved.
    EXPECT_EQ(teacher->post(offer_path(id), offer_form("Something else", reading))->status, 400);
    EXPECT_EQ(status_of_offer(database.open(), id), "approved");
}

TEST_F(EventOffers, each_step_of_a_review_reaches_the_right_home_page) {
    make_school_lead_a_reviewer();
    auto teacher = signed_in(kDemoTeacher);
    const long long id = offer(*teacher, "Reading aloud in every subject", reading);
    // Templates escape the slashes in links.
    const std::string review_link = "href=\"&#x2F;offers&#x2F;" + std::to_string(id) + "&#x2F;review\"";
    const std::string offer_link = "href=\"&#x2F;offers&#x2F;" + std::to_string(id) + "\"";

    // The named reviewer is told; the lead, who named a reviewer, is not.
    auto school_lead = signed_in(kDemoSchoolLead);
    auto home = school_lead->get("/")->body;
    EXPECT_NE(
        home.find("Reading aloud in every subject\u201d for Spring training day is waiting for your review"),
        std::string::npos)
        << home;
    EXPECT_NE(home.find(review_link), std::string::npos);
    auto lead = signed_in(kDemoTrustLead);
    EXPECT_EQ(lead->get("/")->body.find(review_link), std::string::npos);

    ASSERT_EQ(school_lead->post(offer_path(id, "/review"), review_form("changes", "Add an example."))->status,
              303);
    home = teacher->get("/")->body;
    EXPECT_NE(home.find("A reviewer asked for changes to your offer"), std::string::npos) << home;
    EXPECT_NE(home.find(offer_link), std::string::npos);

    // Sent again, the offer waits once more; the reviewer still has one notice for it, not two.
    ASSERT_EQ(teacher->post(offer_path(id), offer_form("Reading aloud in every subject", reading))->status,
              303);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM notices WHERE dismissed_at = 0 AND link = '" +
                                     offer_path(id, "/review") + "'"),
              1);
    ASSERT_EQ(school_lead->post(offer_path(id, "/review"), review_form("approve"))->status, 303);
    home = teacher->get("/")->body;
    EXPECT_NE(home.find("is approved for Spring training day"), std::string::npos) << home;
    EXPECT_EQ(home.find("asked for changes"), std::string::npos) << "the approval replaces the older notice";
}

TEST_F(EventOffers, only_the_events_reviewers_and_the_trust_lead_may_review) {
    auto teacher = signed_in(kDemoTeacher);
    const long long id = offer(*teacher, "Reading aloud", reading);

    auto school_lead = signed_in(kDemoSchoolLead);
    EXPECT_EQ(school_lead->get(events_path("/reviews"))->status, 403);
    EXPECT_EQ(school_lead->get(offer_path(id, "/review"))->status, 403);
    school_lead->get("/offers/mine");
    EXPECT_EQ(school_lead->post(offer_path(id, "/review"), review_form("approve"))->status, 403);
    EXPECT_EQ(school_lead->get(events_path("/coverage"))->status, 403);
    EXPECT_EQ(status_of_offer(database.open(), id), "submitted");
    EXPECT_EQ(teacher->get(events_path("/reviews"))->status, 403);

    make_school_lead_a_reviewer();
    auto list = school_lead->get(events_path("/reviews"));
    EXPECT_EQ(list->status, 200);
    EXPECT_NE(list->body.find("Reading aloud"), std::string::npos);
    EXPECT_EQ(school_lead->get(offer_path(id, "/review"))->status, 200);
    EXPECT_EQ(school_lead->post(offer_path(id, "/review"), review_form("approve"))->status, 303);
    EXPECT_EQ(status_of_offer(database.open(), id), "approved");
    EXPECT_EQ(signed_in(kDemoTrustLead)->get(events_path("/reviews"))->status, 200);
}

TEST_F(EventOffers, decisions_set_the_status_and_need_a_full_rubric) {
    auto teacher = signed_in(kDemoTeacher);
    const long long first = offer(*teacher, "Questioning", reading);
    const long long second = offer(*teacher, "Calm corridors", behaviour);
    auto lead = signed_in(kDemoTrustLead);
    lead->get(offer_path(first, "/review"));

    auto missing_score = review_form("approve");
    missing_score.erase("score_format");
    auto refused = lead->post(offer_path(first, "/review"), missing_score);
    EXPECT_EQ(refused->status, 400);
    EXPECT_NE(refused->body.find("Format and length fit the brief"), std::string::npos);
    auto silent_decline = lead->post(offer_path(first, "/review"), review_form("decline"));
    EXPECT_EQ(silent_decline->status, 400);
    EXPECT_NE(silent_decline->body.find("Write a comment"), std::string::npos);
    EXPECT_EQ(status_of_offer(database.open(), first), "submitted");
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM offer_reviews"), 0);

    EXPECT_EQ(lead->post(offer_path(first, "/review"), review_form("decline", "Covered elsewhere."))->status,
              303);
    EXPECT_EQ(lead->post(offer_path(second, "/review"), review_form("approve"))->status, 303);
    EXPECT_EQ(status_of_offer(database.open(), first), "declined");
    EXPECT_EQ(status_of_offer(database.open(), second), "approved");
    EXPECT_NE(teacher->get("/offers/mine")->body.find("Covered elsewhere."), std::string::npos);

    // Nobody scores their own offer.
    auto own = lead->post(events_path("/offers"), offer_form("Coaching", reading, {"leader"}));
    const long long own_id = offer_id_in(own);
    ASSERT_GT(own_id, 0);
    EXPECT_EQ(lead->post(offer_path(own_id, "/review"), review_form("approve"))->status, 400);
    EXPECT_EQ(status_of_offer(database.open(), own_id), "submitted");
}

TEST_F(EventOffers, coverage_counts_approved_workshops_per_priority_and_staff_group) {
    auto teacher = signed_in(kDemoTeacher);
    const long long approved_one = offer(*teacher, "Reading aloud", reading, {"teacher", "ect"});
    const long long approved_two = offer(*teacher, "Phonics for TAs", reading, {"support"});
    const long long waiting = offer(*teacher, "Calm corridors", behaviour, {"teacher", "support"});
    auto lead = signed_in(kDemoTrustLead);
    for (long long id : {approved_one, approved_two}) {
        lead->get(offer_path(id, "/review"));
        ASSERT_EQ(lead->post(offer_path(id, "/review"), review_form("approve"))->status, 303);
    }
    ASSERT_GT(waiting, 0);
    auto page = lead->get(events_path("/coverage"));
    ASSERT_EQ(page->status, 200);
    const std::string& html = page->body;
    auto count_for = [&](const std::string& label) {
        const std::regex row("<th scope=\"row\">" + label + "</th><td class=\"number\">(\\d+)");
        std::smatch match;
        return std::regex_search(html, match, row) ? std::stoi(match[1]) : -1;
    };
    EXPECT_EQ(count_for("Reading across the curriculum"), 2);
    EXPECT_EQ(count_for("Behaviour and belonging"), 0);
    EXPECT_EQ(count_for("Teacher"), 1);
    EXPECT_EQ(count_for("Early-career teacher"), 1);
    EXPECT_EQ(count_for("Support staff"), 1);
    EXPECT_EQ(count_for("Leader"), 0);
    EXPECT_NE(html.find("Priority “Behaviour and belonging” has no approved workshop yet."),
              std::string::npos);
    EXPECT_NE(html.find("Staff group “Leader” has no approved workshop yet."), std::string::npos);
    EXPECT_NE(html.find("Approved so far: 2. Still waiting for a decision: 1."), std::string::npos);
}

TEST_F(EventOffers, a_presenter_cannot_change_another_presenters_offer) {
    auto teacher = signed_in(kDemoTeacher);
    const long long id = offer(*teacher, "Reading aloud", reading);
    auto support = signed_in(kSupport);
    EXPECT_EQ(support->get(offer_path(id))->status, 404) << "not yet approved: not visible to others";
    EXPECT_EQ(support->get(offer_path(id, "/edit"))->status, 404);
    EXPECT_EQ(support->post(offer_path(id), offer_form("Mine now", reading))->status, 404);

    auto lead = signed_in(kDemoTrustLead);
    lead->get(offer_path(id, "/review"));
    ASSERT_EQ(lead->post(offer_path(id, "/review"), review_form("changes", "Add an example."))->status, 303);
    EXPECT_EQ(lead->get(offer_path(id, "/edit"))->status, 403) << "the lead sees it but may not rewrite it";
    lead->get(offer_path(id));
    EXPECT_EQ(lead->post(offer_path(id), offer_form("Lead's version", reading))->status, 403);
    auto page = teacher->get(offer_path(id));
    EXPECT_NE(page->body.find("Reading aloud"), std::string::npos);
    EXPECT_EQ(page->body.find("Lead&#39;s version"), std::string::npos);
    EXPECT_EQ(page->body.find("Mine now"), std::string::npos);
}

TEST_F(EventOffers, materials_upload_download_and_stay_in_their_trust) {
    auto teacher = signed_in(kDemoTeacher);
    const long long id = offer(*teacher, "Reading aloud", reading);
    auto lead = signed_in(kDemoTrustLead);
    lead->get(offer_path(id, "/review"));
    ASSERT_EQ(lead->post(offer_path(id, "/review"), review_form("approve"))->status, 303);

    teacher->get(offer_path(id));
    const std::string pdf = "%PDF-1.4\nslides for reading aloud\n%%EOF\n";
    auto uploaded = teacher->upload(offer_path(id, "/materials"), "Reading aloud slides.pdf", pdf);
    ASSERT_EQ(uploaded->status, 303) << uploaded->body;
    auto wrong_type = teacher->upload(offer_path(id, "/materials"), "run-me.exe", "MZ...");
    EXPECT_EQ(wrong_type->status, 400);
    EXPECT_NE(wrong_type->body.find("is not a type we keep"), std::string::npos);
    auto disguised =
        teacher->upload(offer_path(id, "/materials"), "handout.pdf", "<script>alert(1)</script>");
    EXPECT_EQ(disguised->status, 400);
    EXPECT_NE(disguised->body.find("does not look like"), std::string::npos);
    auto too_big =
        teacher->upload(offer_path(id, "/materials"), "notes.txt", std::string(25 * 1024 * 1024 + 1, 'a'));
    EXPECT_EQ(too_big->status, 400);
    EXPECT_NE(too_big->body.find("files can be up to 25 MB"), std::string::npos);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM materials"), 1);

    // Kept under the data folder, in the trust's folder, with a random name, not the one it was sent with.
    std::vector<std::filesystem::path> stored;
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(std::filesystem::path(data_dir) / "materials"))
        if (entry.is_regular_file())
            stored.push_back(
                std::filesystem::relative(entry.path(), std::filesystem::path(data_dir) / "materials"));
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].parent_path().string(),
              std::to_string(count_of(database, "SELECT id FROM trusts WHERE slug = 'oakfield'")));
    EXPECT_EQ(stored[0].filename().string().size(), 43u);

    auto page = teacher->get(offer_path(id));
    const std::regex link(
        R"((?:/|&#x2F;)materials(?:/|&#x2F;)(\d+)(?:/|&#x2F;)download)"); // "/" may be escaped
    std::smatch match;
    ASSERT_TRUE(std::regex_search(page->body, match, link));
    const std::string material = match[1];
    const std::string download = "/materials/" + material + "/download";

    auto support = signed_in(kSupport);
    auto file = support->get(download);
    ASSERT_EQ(file->status, 200);
    EXPECT_EQ(file->body, pdf);
    EXPECT_EQ(file->get_header_value("Content-Type"), "application/pdf");
    EXPECT_EQ(file->get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(file->get_header_value("Content-Disposition")
                  .rfind("attachment; filename=\"Reading aloud slides.pdf\"", 0),
              0u);
    auto listed = support->get("/library?q=READING");
    EXPECT_NE(listed->body.find("Reading aloud slides.pdf"), std::string::npos);
    EXPECT_EQ(support->get("/library?q=fractions")->body.find("Reading aloud slides.pdf"), std::string::npos);
    support->get("/library");
    EXPECT_EQ(support->post("/materials/" + material + "/delete", {})->status, 403);
    support->get("/library");
    EXPECT_EQ(support->upload(offer_path(id, "/materials"), "mine.txt", "hello")->status, 403);

    Browser northfield(*server);
    ASSERT_EQ(northfield.sign_in(kNorthfieldAdmin, kNorthfieldPassword)->status, 303);
    northfield.get("/library");
    EXPECT_EQ(northfield.get(download)->status, 404);
    EXPECT_EQ(northfield.post("/materials/" + material + "/delete", {})->status, 404);
    northfield.get("/library");
    EXPECT_EQ(northfield.upload(offer_path(id, "/materials"), "x.txt", "hello")->status, 404);
    EXPECT_EQ(northfield.get("/library")->body.find("Reading aloud"), std::string::npos);

    teacher->get(offer_path(id));
    EXPECT_EQ(teacher->post("/materials/" + material + "/delete", {})->status, 303);
    EXPECT_EQ(support->get(download)->status, 404);
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(std::filesystem::path(data_dir) / "materials"))
        EXPECT_FALSE(entry.is_regular_file()) << entry.path();
}

TEST_F(EventOffers, another_trust_finds_none_of_the_events_offers) {
    auto teacher = signed_in(kDemoTeacher);
    const long long id = offer(*teacher, "Reading aloud", reading);
    Browser northfield(*server);
    ASSERT_EQ(northfield.sign_in(kNorthfieldAdmin, kNorthfieldPassword)->status, 303);
    northfield.get("/offers/mine");
    for (const std::string& path : {events_path("/offers"), events_path("/reviews"), events_path("/coverage"),
                                    events_path("/offers/mine"), events_path("/review"), offer_path(id),
                                    offer_path(id, "/edit"), offer_path(id, "/review")}) {
        auto answer = northfield.get(path);
        EXPECT_EQ(answer->status, 404) << path;
        EXPECT_EQ(answer->body.find("Reading aloud"), std::string::npos) << path;
    }
    for (const std::string& path : {events_path("/offers"), offer_path(id), offer_path(id, "/review")}) {
        northfield.get("/offers/mine");
        EXPECT_EQ(northfield.post(path, offer_form("Taken", reading))->status, 404) << path;
    }
    EXPECT_EQ(status_of_offer(database.open(), id), "submitted");
}
