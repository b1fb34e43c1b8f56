#include <gtest/gtest.h>

#include "harness.h"

using namespace trellis::testing;

namespace {

// A complete event form as the lead's page sends it.
httplib::Params event_form(const std::string& title) {
    return {{"title", title},
            {"event_date", "2027-02-15"},
            {"venue", "Oakfield Academy"},
            {"choices_wanted", "3"},
            {"reserves_wanted", "2"},
            {"offers_close", "2027-01-15"},
            {"choices_open", "2027-01-25"},
            {"choices_close", "2027-02-05"},
            {"staff_groups", "teacher"},
            {"staff_groups", "support"},
            {"school_ids", "1"},
            {"school_ids", "2"},
            {"brief_purpose", "Sharpen feedback and support for pupils with SEND."},
            {"slots", "09:30-10:30\n11:00-12:00\n13:30-14:30\n"},
            {"rooms", "Library, 30, projector\nHall, 120\nRoom 4, 24\n"},
            {"priorities", "Feedback that moves learning on\nAdaptive teaching for pupils with SEND\n"}};
}

} // namespace

class Events : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo"}), 0);
        server = std::make_unique<TestServer>(database);
        lead = std::make_unique<Browser>(*server);
        lead->sign_in(kDemoTrustLead, kDemoPassword);
        lead->get("/events/new");
    }

    long long create_event(const std::string& title) {
        auto created = lead->post("/events", event_form(title));
        EXPECT_EQ(created->status, 303);
        return trailing_id(created->get_header_value("Location"));
    }

    TestDatabase database;
    std::unique_ptr<TestServer> server;
    std::unique_ptr<Browser> lead;
};

TEST_F(Events, LeadCreatesAnEventWithItsSlotsRoomsAndBrief) {
    const long long id = create_event("Spring training day");
    ASSERT_GT(id, 0);
    auto page = lead->get("/events/" + std::to_string(id));
    ASSERT_EQ(page->status, 200);
    for (const char* expected :
         {"Spring training day", "Monday 15 February 2027", "09:30–10:30", "13:30–14:30", "Library", "120",
          "Adaptive teaching for pupils with SEND", "<span class=\"tag\">Draft: only leads see it</span>",
          "Where the day is", "0 offers waiting for review", "Teacher, Support staff"})
        EXPECT_NE(page->body.find(expected), std::string::npos) << expected;
    auto list = lead->get("/events");
    EXPECT_NE(list->body.find("Spring training day"), std::string::npos);
}

TEST_F(Events, InvalidEventSavesNothingAndSaysWhy) {
    auto form = event_form("Broken day");
    for (auto& [name, value] : form)
        if (name == "slots")
            value = "09:30-10:30\n11:00-10:00\n";
    auto refused = lead->post("/events", form);
    EXPECT_EQ(refused->status, 400);
    EXPECT_NE(refused->body.find("11:00-10:00"), std::string::npos);
    EXPECT_NE(refused->body.find("Broken day"), std::string::npos) << "the form keeps what was typed";
    for (auto& [name, value] : form)
        if (name == "slots")
            value = "09:30-10:30";
        else if (name == "rooms")
            value = "Library";
    EXPECT_EQ(lead->post("/events", form)->status, 400);
    EXPECT_EQ(lead->get("/events")->body.find("Broken day"), std::string::npos);
}

TEST_F(Events, SchoolsOfAnotherTrustOrNoneAreRefusedNotDropped) {
    ASSERT_EQ(add_northfield_trust(database), 0);
    long long other_school = 0;
    {
        auto session = database.open().lease();
        *session << "INSERT INTO schools (trust_id, name, phase, created_at) SELECT id, 'Northfield "
                    "Primary', 'primary', 0 "
                    "FROM trusts WHERE slug = 'northfield'";
        *session << "SELECT MAX(id) FROM schools", soci::into(other_school);
    }
    for (const std::string bad : {std::to_string(other_school), std::string("999999")}) {
        auto form = event_form("Day with a stray school");
        form.emplace("school_ids", bad);
        auto refused = lead->post("/events", form);
        EXPECT_EQ(refused->status, 400) << bad;
        EXPECT_NE(refused->body.find("School " + bad + " is not a school of this trust"), std::string::npos)
            << bad;
    }
    EXPECT_EQ(lead->get("/events")->body.find("Day with a stray school"), std::string::npos)
        << "nothing saved";
}

TEST_F(Events, EditingKeepsRoomsByNameAndStageMovesOn) {
    const long long id = create_event("Summer day");
    const std::string base = "/events/" + std::to_string(id);
    auto edit = lead->get(base + "/edit");
    ASSERT_EQ(edit->status, 200);
    EXPECT_NE(edit->body.find("Library, 30, projector"), std::string::npos);
    auto form = event_form("Summer day, revised");
    for (auto& [name, value] : form)
        if (name == "rooms")
            value = "Library, 32\nStudio, 20\n";
    EXPECT_EQ(lead->post(base + "/edit", form)->status, 303);
    auto page = lead->get(base);
    EXPECT_NE(page->body.find("Summer day, revised"), std::string::npos);
    EXPECT_NE(page->body.find("Studio"), std::string::npos);
    EXPECT_EQ(page->body.find("Hall"), std::string::npos);

    EXPECT_EQ(lead->post(base + "/stage", {{"stage", "choices"}})->status, 303);
    EXPECT_NE(lead->get(base)->body.find("Choices open"), std::string::npos);
    EXPECT_EQ(lead->post(base + "/stage", {{"stage", "nonsense"}})->status, 400);
}

TEST_F(Events, OnlyLeadsManageAndOtherTrustsSeeNothing) {
    const long long id = create_event("Private day");
    const std::string base = "/events/" + std::to_string(id);

    Browser teacher(*server);
    teacher.sign_in(kDemoTeacher, kDemoPassword);
    // A new day is a draft: staff neither see it nor hear of it until the lead opens the call.
    EXPECT_EQ(teacher.get(base)->status, 404);
    EXPECT_EQ(teacher.get(base + "/offers")->status, 404);
    EXPECT_EQ(teacher.get("/events")->body.find("Private day"), std::string::npos);
    EXPECT_EQ(teacher.get("/")->body.find("Workshop offers are open for Private day"), std::string::npos);
    EXPECT_EQ(lead->post(base + "/stage", {{"stage", "offers"}})->status, 303);
    EXPECT_EQ(teacher.get(base)->status, 200);
    EXPECT_NE(teacher.get("/events")->body.find("Private day"), std::string::npos);
    EXPECT_NE(teacher.get("/")->body.find("Workshop offers are open for Private day"), std::string::npos);
    EXPECT_EQ(teacher.get("/events/new")->status, 403);
    EXPECT_EQ(teacher.get(base + "/edit")->status, 403);
    EXPECT_EQ(teacher.post(base + "/stage", {{"stage", "published"}})->status, 403);

    ASSERT_EQ(add_northfield_trust(database), 0);
    Browser stranger(*server);
    stranger.sign_in(kNorthfieldAdmin, kNorthfieldPassword);
    EXPECT_EQ(stranger.get(base)->status, 404);
    EXPECT_EQ(stranger.get(base + "/edit")->status, 404);
    EXPECT_EQ(stranger.post(base + "/stage", {{"stage", "published"}})->status, 404);
    EXPECT_EQ(stranger.get("/events")->body.find("Private day"), std::string::npos);
    EXPECT_NE(lead->get(base)->body.find("<span class=\"tag\">Call for offers open</span>"),
              std::string::npos)
        << "stage unchanged";
}

TEST_F(Events, LeadChoosesReviewersAmongPdLeads) {
    const long long id = create_event("Reviewed day");
    const std::string base = "/events/" + std::to_string(id);
    auto page = lead->get(base);
    const auto at = page->body.find("id=\"reviewer-");
    ASSERT_NE(at, std::string::npos);
    const std::string reviewer = page->body.substr(at + 13, page->body.find('"', at + 13) - at - 13);
    EXPECT_EQ(lead->post(base + "/reviewers", {{"person_id", reviewer}, {"person_id", "999999"}})->status,
              303);
    EXPECT_NE(lead->get(base)->body.find("id=\"reviewer-" + reviewer + "\" name=\"person_id\" value=\"" +
                                         reviewer + "\" checked"),
              std::string::npos);
}
