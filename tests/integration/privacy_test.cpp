// A person's own data over HTTP: the download of everything held about them (a subject access
// request), and its erasure by an administrator, which keeps figures that name nobody.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "harness.h"

using namespace trellis::testing;

class PersonalData : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo", "--training-day"}), 0);
        server = std::make_unique<TestServer>(database);
        teacher_id = count_of(database, "SELECT id FROM people WHERE email = '" + kDemoTeacher + "'");
        // Something of her own in each area: a reflection, a certificate and a notice.
        const long long question = count_of(
            database, "SELECT MIN(q.id) FROM survey_questions q JOIN surveys s ON s.id = q.survey_id WHERE "
                      "s.title = 'Autumn needs survey 2026' AND q.kind = 'text'");
        auto session = database.open().lease();
        *session << "INSERT INTO block_progress (trust_id, person_id, module_slug, block_id, state, done, "
                    "updated_at) VALUES (1, :p, 'building-trust', 'reflect', "
                    "'{\"text\":\"My class talks more when I wait longer\"}', 1, 1795000000)",
            soci::use(teacher_id);
        *session << "INSERT INTO certificates (trust_id, person_id, module_slug, code, person_name, "
                    "module_title, hours, issued_at) VALUES (1, :p, 'building-trust', 'TRL-PRIV-0000-0001', "
                    "'Grace Okafor', 'Building trust', 1.5, 1795000000)",
            soci::use(teacher_id);
        // A named response of hers to a text question, as a survey that keeps names stores it.
        *session << "INSERT INTO survey_responses (id, trust_id, survey_id, person_id, staff_group, phase, "
                    "answered_on) SELECT 99000001, 1, survey_id, :p, 'teacher', 'primary', '2026-10-01' FROM "
                    "survey_questions WHERE id = :q",
            soci::use(teacher_id), soci::use(question);
        *session << "INSERT INTO survey_answers (trust_id, response_id, question_id, answer_text) VALUES (1, "
                    "99000001, :q, 'Coaching on questioning, please')",
            soci::use(question);
    }

    std::string path(const std::string& rest) { return "/people/" + std::to_string(teacher_id) + rest; }

    TestDatabase database;
    std::unique_ptr<TestServer> server;
    long long teacher_id = 0;
};

TEST_F(PersonalData, a_person_downloads_everything_held_about_them_without_secrets) {
    Browser teacher(*server);
    ASSERT_EQ(teacher.sign_in(kDemoTeacher, kDemoPassword)->status, 303);
    auto download = teacher.get(path("/data.json"));
    ASSERT_EQ(download->status, 200);
    EXPECT_NE(download->get_header_value("Content-Disposition").find("attachment"), std::string::npos);
    const auto held = nlohmann::json::parse(download->body);
    const auto& tables = held.at("tables");
    EXPECT_EQ(tables.at("people").at(0).at("email"), kDemoTeacher);
    EXPECT_FALSE(tables.at("people").at(0).contains("password_hash"));
    EXPECT_EQ(tables.at("certificates").at(0).at("code"), "TRL-PRIV-0000-0001");
    EXPECT_NE(tables.at("block_progress").dump().find("wait longer"), std::string::npos);
    EXPECT_FALSE(tables.at("sessions").empty()) << "her sign-in is held, and shown";
    EXPECT_FALSE(tables.at("sessions").at(0).contains("token_hash"));
    // Her reflection on the demo programme's practice task, and her collaboration group.
    EXPECT_FALSE(tables.at("activity_reflections").empty());
    EXPECT_FALSE(tables.at("collaboration_group_members").empty());
    // What she said in a survey that kept her name, with the question it answered.
    const auto& said = tables.at("survey_answers");
    ASSERT_EQ(said.size(), 1u) << said.dump();
    EXPECT_EQ(said.at(0).at("answer_text"), "Coaching on questioning, please");
    EXPECT_EQ(said.at(0).at("survey"), "Autumn needs survey 2026");
    EXPECT_FALSE(said.at(0).at("question").get<std::string>().empty());
    for (const char* table : {"module_progress", "workshop_offers", "workshop_choices", "placements",
                              "attendance_marks", "feedback", "notices", "audit_events"})
        EXPECT_TRUE(tables.contains(table)) << table;
    EXPECT_EQ(download->body.find("token_hash"), std::string::npos);

    // Nobody else's, except an administrator's for the people of their trust.
    const long long colleague =
        count_of(database, "SELECT id FROM people WHERE email = 'support@oakfield.example'");
    EXPECT_EQ(teacher.get("/people/" + std::to_string(colleague) + "/data.json")->status, 404);
    Browser lead(*server);
    ASSERT_EQ(lead.sign_in(kDemoTrustLead, kDemoPassword)->status, 303);
    EXPECT_EQ(lead.get(path("/data.json"))->status, 404);
    Browser admin(*server);
    ASSERT_EQ(admin.sign_in(kDemoAdmin, kDemoPassword)->status, 303);
    EXPECT_EQ(admin.get(path("/data.json"))->status, 200);
}

TEST_F(PersonalData, erasure_removes_what_names_her_and_keeps_the_figures) {
    const long long choices = count_of(database, "SELECT COUNT(*) FROM workshop_choices");
    const long long progress = count_of(database, "SELECT COUNT(*) FROM block_progress WHERE done = 1");
    const std::string hers = " WHERE person_id = " + std::to_string(teacher_id);
    ASSERT_EQ(count_of(database, "SELECT COUNT(*) FROM activity_reflections" + hers), 1);
    const long long in_groups = count_of(database, "SELECT COUNT(*) FROM collaboration_group_members");
    // She kept a meeting of her department's group, and writes a note to it.
    const std::string written_by = " WHERE written_by = " + std::to_string(teacher_id);
    ASSERT_EQ(
        count_of(database, "SELECT COUNT(*) FROM group_meetings" + written_by + " AND what_we_did <> ''"), 1);
    {
        auto session = database.open().lease();
        *session
            << "INSERT INTO group_notes (trust_id, group_id, person_id, body, written_at) SELECT 1, id, :p, "
               "'Bring two books each', 1795000000 FROM collaboration_groups WHERE name = 'Humanities at "
               "Oakfield'",
            soci::use(teacher_id);
    }
    const long long came = count_of(database, "SELECT COUNT(*) FROM group_meeting_people");
    Browser admin(*server);
    ASSERT_EQ(admin.sign_in(kDemoAdmin, kDemoPassword)->status, 303);
    admin.get("/");
    ASSERT_EQ(admin
                  .post(path("/edit"), {{"first_name", "Grace"},
                                        {"last_name", "Okafor"},
                                        {"email", kDemoTeacher},
                                        {"school_id", "0"},
                                        {"staff_group", "teacher"},
                                        {"job_title", "Teacher"},
                                        {"role", "staff"}})
                  ->status,
              303); // leaves her name in the audit log
    ASSERT_EQ(admin.get(path("/erase"))->status, 200);
    auto erased = admin.post(path("/erase"), {});
    ASSERT_EQ(erased->status, 303) << erased->body;

    Browser again(*server);
    EXPECT_NE(again.sign_in(kDemoTeacher, kDemoPassword)->status, 303);
    auto left = nlohmann::json::parse(admin.get(path("/data.json"))->body).at("tables").dump();
    for (const char* gone : {"Okafor", "Grace", "oakfield.example\"", "wait longer"})
        EXPECT_EQ(left.find(gone), std::string::npos) << gone;
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM audit_events WHERE summary LIKE '%Okafor%'"), 0);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM certificates WHERE person_name LIKE '%Okafor%'"), 0);
    EXPECT_EQ(
        count_of(database, "SELECT COUNT(*) FROM sessions WHERE person_id = " + std::to_string(teacher_id)),
        0);
    // What she wrote for herself goes; her place in a group, which names nobody now, stays.
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM activity_reflections" + hers), 0);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM collaboration_group_members"), in_groups);
    // Her notes and the lines she wrote on a group's meeting go; that the meetings happened, and who
    // came, stays in the others' records.
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM group_notes" + hers), 0);
    EXPECT_EQ(
        count_of(database, "SELECT COUNT(*) FROM group_meetings" + written_by + " AND what_we_did <> ''"), 0);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM group_meeting_people"), came);
    // The figures still add up.
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM workshop_choices"), choices);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM block_progress WHERE done = 1"), progress);
    auto page = admin.get(path(""));
    EXPECT_NE(page->body.find("Data erased"), std::string::npos);
    EXPECT_NE(admin.get("/audit")->body.find("Erased the data of a person"), std::string::npos);

    // Once only, never oneself or an administrator, and the record cannot then be edited.
    EXPECT_EQ(admin.post(path("/erase"), {})->status, 400);
    const long long admin_id = count_of(database, "SELECT id FROM people WHERE email = '" + kDemoAdmin + "'");
    EXPECT_EQ(admin.post("/people/" + std::to_string(admin_id) + "/erase", {})->status, 400);
    EXPECT_EQ(admin.post(path("/edit"), {{"first_name", "Back"}})->status, 400);
}

TEST_F(PersonalData, only_an_administrator_of_the_trust_erases) {
    Browser lead(*server);
    ASSERT_EQ(lead.sign_in(kDemoTrustLead, kDemoPassword)->status, 303);
    lead.get("/");
    EXPECT_EQ(lead.get(path("/erase"))->status, 403);
    EXPECT_EQ(lead.post(path("/erase"), {})->status, 403);
    ASSERT_EQ(add_northfield_trust(database), 0);
    Browser stranger(*server);
    ASSERT_EQ(stranger.sign_in(kNorthfieldAdmin, kNorthfieldPassword)->status, 303);
    stranger.get("/");
    EXPECT_EQ(stranger.post(path("/erase"), {})->status, 404);
    EXPECT_EQ(stranger.get(path("/data.json"))->status, 404);
    EXPECT_EQ(count_of(database, "SELECT erased_at FROM people WHERE id = " + std::to_string(teacher_id)), 0);
}
