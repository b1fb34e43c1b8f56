// What a server keeps of a trust between requests (its training days, its programmes and their
// activities, its priorities, its surveys, its recordings and materials: db/per_trust.h) never outlives a
// change to them. However the change is made (on another server, or straight into the database, as here), the
// next page shows it.
#include <gtest/gtest.h>

#include "harness.h"

using namespace trellis::testing;

class SharedReads : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo", "--training-day"}), 0);
        server = std::make_unique<TestServer>(database);
    }
    std::unique_ptr<Browser> signed_in(const std::string& email) {
        auto browser = std::make_unique<Browser>(*server);
        EXPECT_EQ(browser->sign_in(email, kDemoPassword)->status, 303) << email;
        return browser;
    }
    // A change made the way another server or an operator's psql would: not through this server.
    void change(const std::string& statement) {
        auto session = database.open().lease();
        *session << statement;
    }
    TestDatabase database;
    std::unique_ptr<TestServer> server;
};

TEST_F(SharedReads, a_training_day_renamed_elsewhere_shows_renamed_on_the_next_page) {
    auto lead = signed_in(kDemoTrustLead);
    const long long event = count_of(database, "SELECT MIN(id) FROM events");
    const std::string title =
        texts_of(database, "SELECT title FROM events WHERE id = " + std::to_string(event)).front();
    ASSERT_NE(lead->get("/events")->body.find(title), std::string::npos);

    change("UPDATE events SET title = 'Spring writing day' WHERE id = " + std::to_string(event));
    const std::string page = lead->get("/events")->body;
    EXPECT_NE(page.find("Spring writing day"), std::string::npos);
    EXPECT_EQ(page.find(title), std::string::npos) << title;
}

TEST_F(SharedReads, a_programme_and_its_activities_changed_elsewhere_show_on_the_next_page) {
    auto teacher = signed_in(kDemoTeacher);
    const std::string list = teacher->get("/programmes")->body;
    const auto link = list.find("href=\"/programmes/");
    ASSERT_NE(link, std::string::npos);
    const std::string id = list.substr(link + 18, list.find('"', link + 18) - (link + 18));
    const long long activities =
        count_of(database, "SELECT COUNT(*) FROM programme_activities WHERE programme_id = " + id);
    ASSERT_GT(activities, 1);
    const auto counted_at = [](const std::string& page, const std::string& title) {
        const auto at = page.find(title);
        return at == std::string::npos ? std::string() : page.substr(at, page.find("</p>", at) - at);
    };

    change("UPDATE programmes SET title = 'Questioning across the curriculum' WHERE id = " + id);
    // One activity moves to another programme: this one's count goes down by one.
    change("UPDATE programme_activities SET programme_id = (SELECT MIN(id) FROM programmes WHERE id <> " +
           id + ") WHERE id = (SELECT MAX(id) FROM programme_activities WHERE programme_id = " + id + ")");
    const std::string after = teacher->get("/programmes")->body;
    const std::string line = counted_at(after, "Questioning across the curriculum");
    ASSERT_FALSE(line.empty()) << after;
    EXPECT_NE(line.find(" " + std::to_string(activities - 1) + " activit"), std::string::npos) << line;
}

TEST_F(SharedReads, a_sponsor_renamed_elsewhere_shows_renamed_on_their_programme) {
    auto lead = signed_in(kDemoTrustLead);
    const std::string programme =
        std::to_string(count_of(database, "SELECT MIN(id) FROM programmes WHERE sponsor_id IS NOT NULL"));
    const std::string sponsor =
        std::to_string(count_of(database, "SELECT sponsor_id FROM programmes WHERE id = " + programme));
    ASSERT_EQ(lead->get("/programmes/" + programme)->status, 200);

    change("UPDATE people SET last_name = 'Okonkwo-Hartley' WHERE id = " + sponsor);
    // The name as the programme's details give it (the sponsor may be named elsewhere on the page too).
    const std::string page = lead->get("/programmes/" + programme)->body;
    const auto named = page.find("Senior sponsor</dt><dd>");
    ASSERT_NE(named, std::string::npos);
    EXPECT_NE(page.substr(named, page.find("</dd>", named) - named).find("Okonkwo-Hartley"),
              std::string::npos);
}

TEST_F(SharedReads, a_priority_retitled_elsewhere_shows_on_the_programmes_that_serve_it) {
    auto lead = signed_in(kDemoTrustLead);
    const std::string trust_priority = "priority_id IN (SELECT id FROM priorities WHERE school_id IS NULL)";
    const std::string programme = std::to_string(
        count_of(database, "SELECT MIN(programme_id) FROM programme_priorities WHERE " + trust_priority));
    const std::string priority = std::to_string(count_of(
        database, "SELECT MIN(priority_id) FROM programme_priorities WHERE programme_id = " + programme +
                      " AND " + trust_priority));
    ASSERT_EQ(lead->get("/programmes/" + programme)->status, 200);

    change("UPDATE priorities SET title = 'Reading fluency in every subject' WHERE id = " + priority);
    EXPECT_NE(lead->get("/programmes/" + programme)->body.find("Reading fluency in every subject"),
              std::string::npos);
}

TEST_F(SharedReads, a_survey_retitled_or_closed_elsewhere_shows_so_on_the_home_page) {
    auto teacher = signed_in(kDemoTeacher);
    const std::string home = teacher->get("/")->body;
    std::string waiting; // the id of a survey the page shows by its title
    for (const std::string& survey : texts_of(database, "SELECT id || ' ' || title FROM surveys"))
        if (home.find(survey.substr(survey.find(' ') + 1)) != std::string::npos)
            waiting = survey.substr(0, survey.find(' '));
    ASSERT_FALSE(waiting.empty()) << "no survey waits on the teacher's home page";

    change("UPDATE surveys SET title = 'Term check-in for everyone' WHERE id = " + waiting);
    EXPECT_NE(teacher->get("/")->body.find("Term check-in for everyone"), std::string::npos);

    change("UPDATE surveys SET opens_on = '2000-01-01', closes_on = '2000-01-02' WHERE id = " + waiting);
    EXPECT_EQ(teacher->get("/")->body.find("Term check-in for everyone"), std::string::npos);
}

TEST_F(SharedReads, a_group_joined_or_renamed_elsewhere_shows_on_the_home_page) {
    auto teacher = signed_in(kDemoTeacher);
    const std::string teacher_id = std::to_string(
        count_of(database, "SELECT id FROM people WHERE email = '" + std::string(kDemoTeacher) + "'"));
    const std::string others = "kind <> 'session' AND id NOT IN (SELECT group_id FROM "
                               "collaboration_group_members WHERE person_id = " +
                               teacher_id + ")";
    const std::string group =
        std::to_string(count_of(database, "SELECT MIN(id) FROM collaboration_groups WHERE " + others));
    ASSERT_NE(group, "0") << "every standing group has the teacher in it";
    change("UPDATE collaboration_groups SET name = 'Reading across the trust' WHERE id = " + group);
    ASSERT_EQ(teacher->get("/")->body.find("Reading across the trust"), std::string::npos);

    change("INSERT INTO collaboration_group_members (trust_id, group_id, person_id) SELECT trust_id, id, " +
           teacher_id + " FROM collaboration_groups WHERE id = " + group);
    EXPECT_NE(teacher->get("/")->body.find("Reading across the trust"), std::string::npos);

    change("UPDATE collaboration_groups SET name = 'Reading in every classroom' WHERE id = " + group);
    EXPECT_NE(teacher->get("/")->body.find("Reading in every classroom"), std::string::npos);
}

// A training day's session groups are written by the thousand when it is allocated; they are not
// what the pages keep, so they leave the trust's shared version where it is.
TEST_F(SharedReads, a_training_days_session_groups_leave_the_shared_version_alone) {
    const std::string teacher_id = std::to_string(
        count_of(database, "SELECT id FROM people WHERE email = '" + std::string(kDemoTeacher) + "'"));
    const std::string session_group = std::to_string(count_of(
        database, "SELECT MIN(id) FROM collaboration_groups WHERE kind = 'session' AND id NOT IN (SELECT "
                  "group_id FROM collaboration_group_members WHERE person_id = " +
                      teacher_id + ")"));
    ASSERT_NE(session_group, "0");
    const std::string version = "SELECT shared_version FROM trusts WHERE id = (SELECT trust_id FROM "
                                "collaboration_groups WHERE id = " +
                                session_group + ")";
    const long long before = count_of(database, version);
    change("INSERT INTO collaboration_group_members (trust_id, group_id, person_id) SELECT trust_id, id, " +
           teacher_id + " FROM collaboration_groups WHERE id = " + session_group);
    change("DELETE FROM collaboration_group_members WHERE group_id = " + session_group);
    EXPECT_EQ(count_of(database, version), before);
}

TEST_F(SharedReads, an_activity_retitled_elsewhere_shows_on_its_programmes_page) {
    auto lead = signed_in(kDemoTrustLead);
    const std::string activity =
        std::to_string(count_of(database, "SELECT MIN(id) FROM programme_activities"));
    const std::string programme = std::to_string(
        count_of(database, "SELECT programme_id FROM programme_activities WHERE id = " + activity));
    ASSERT_EQ(lead->get("/programmes/" + programme)->status, 200);

    change("UPDATE programme_activities SET title = 'Modelling worked examples' WHERE id = " + activity);
    EXPECT_NE(lead->get("/programmes/" + programme)->body.find("Modelling worked examples"),
              std::string::npos);
}

TEST_F(SharedReads, a_recording_or_slides_added_elsewhere_show_on_the_programmes_page) {
    auto lead = signed_in(kDemoTrustLead);
    const std::string activity = std::to_string(count_of(
        database, "SELECT MIN(a.id) FROM programme_activities a WHERE a.kind = 'live' AND NOT EXISTS "
                  "(SELECT 1 FROM recordings r WHERE r.activity_id = a.id) AND NOT EXISTS (SELECT 1 FROM "
                  "materials m WHERE m.owner_kind = 'activity' AND m.owner_id = a.id)"));
    ASSERT_NE(activity, "0");
    const std::string programme = std::to_string(
        count_of(database, "SELECT programme_id FROM programme_activities WHERE id = " + activity));
    const std::string activity_path = "/programmes/" + programme + "/activities/" + activity;
    // The words of the card's link to `page` of the activity (pages escape each / in an address).
    const auto link_to = [&](const std::string& page) {
        std::string href;
        for (const char c : activity_path + page)
            href += c == '/' ? std::string("&#x2F;") : std::string(1, c);
        const std::string body = lead->get("/programmes/" + programme)->body;
        const auto at = body.find("href=\"" + href + "\"");
        return at == std::string::npos ? std::string() : body.substr(at, 200);
    };
    EXPECT_NE(link_to("/recording").find("Add the recording"), std::string::npos);
    EXPECT_NE(link_to("/materials").find("Add slides or handouts"), std::string::npos);

    change("INSERT INTO recordings (trust_id, activity_id, link, added_at) SELECT trust_id, id, "
           "'https://video.example/session', 0 FROM programme_activities WHERE id = " +
           activity);
    EXPECT_NE(link_to("/recording").find("Recording (replace or check)"), std::string::npos);

    change("INSERT INTO materials (trust_id, owner_kind, owner_id, filename, stored_name, content_type, "
           "bytes, uploaded_by, uploaded_at) SELECT trust_id, 'activity', id, 'slides.pdf', 'slides-1', "
           "'application/pdf', 1, (SELECT MIN(id) FROM people), 0 FROM programme_activities WHERE id = " +
           activity);
    EXPECT_NE(link_to("/materials").find("Materials (1)"), std::string::npos);
}

TEST_F(SharedReads, a_days_rooms_slots_and_priorities_changed_elsewhere_show_on_its_page) {
    auto lead = signed_in(kDemoTrustLead);
    const std::string event = std::to_string(count_of(database, "SELECT MIN(id) FROM events"));
    const std::string page = "/events/" + event;
    const std::string before = lead->get(page)->body;
    ASSERT_NE(before.find("rooms-caption"), std::string::npos) << "the day's page lists no rooms";
    ASSERT_EQ(before.find("Orchard Room"), std::string::npos);
    ASSERT_EQ(before.find("16:05"), std::string::npos);
    ASSERT_EQ(before.find("Reading across the curriculum"), std::string::npos);

    change("INSERT INTO event_rooms (event_id, trust_id, name, capacity, notes) SELECT id, trust_id, "
           "'Orchard Room', 24, '' FROM events WHERE id = " +
           event);
    EXPECT_NE(lead->get(page)->body.find("Orchard Room"), std::string::npos);
    change("INSERT INTO event_slots (event_id, trust_id, position, starts_at, ends_at) SELECT id, trust_id, "
           "99, '16:05', '16:50' FROM events WHERE id = " +
           event);
    EXPECT_NE(lead->get(page)->body.find("16:05"), std::string::npos);
    change("UPDATE event_priorities SET title = 'Reading across the curriculum' WHERE id = (SELECT MIN(id) "
           "FROM event_priorities WHERE event_id = " +
           event + ")");
    EXPECT_NE(lead->get(page)->body.find("Reading across the curriculum"), std::string::npos);
    change("DELETE FROM event_rooms WHERE name = 'Orchard Room'");
    EXPECT_EQ(lead->get(page)->body.find("Orchard Room"), std::string::npos);
}

TEST_F(SharedReads, the_librarys_first_page_follows_items_and_tags_changed_elsewhere) {
    auto teacher = signed_in(kDemoTeacher);
    // The first item card with `title` on the library's first page, or "" when there is none.
    const auto card = [&](const std::string& title) {
        const std::string body = teacher->get("/library")->body;
        const auto at = body.find(title);
        return at == std::string::npos ? std::string() : body.substr(at, body.find("</li>", at) - at);
    };
    ASSERT_EQ(card("Retrieval practice, revisited"), "");

    change(
        "INSERT INTO library_items (trust_id, school_id, kind, title, link, added_at) SELECT id, 0, 'link', "
        "'Retrieval practice, revisited', 'https://example.org/retrieval', 4102444800 FROM trusts");
    ASSERT_NE(card("Retrieval practice, revisited"), "");
    const std::string item = std::to_string(count_of(
        database, "SELECT MIN(id) FROM library_items WHERE title = 'Retrieval practice, revisited'"));
    change("INSERT INTO library_tags (item_id, trust_id, dimension, value) SELECT id, trust_id, 'phase', "
           "'primary' FROM library_items WHERE id = " +
           item);
    EXPECT_NE(card("Retrieval practice, revisited").find("Primary"), std::string::npos);
    change("UPDATE library_items SET title = 'Retrieval practice, again' WHERE id = " + item);
    EXPECT_NE(card("Retrieval practice, again"), "");
    change("DELETE FROM library_tags WHERE item_id = " + item);
    EXPECT_EQ(card("Retrieval practice, again").find("Primary"), std::string::npos);
    change("DELETE FROM library_items WHERE id = " + item);
    EXPECT_EQ(card("Retrieval practice, again"), "");
}
