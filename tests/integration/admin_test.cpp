// The administrator's own tools over HTTP: editing a person and their role, recording a leaver,
// adding and renaming schools. Each refuses bad input with a message and saves nothing, and none
// reaches into another trust (see also tenancy_test.cpp).
#include <gtest/gtest.h>

#include "harness.h"

using namespace trellis::testing;

namespace {

std::string text_of(long long number) {
    return std::to_string(number);
}

} // namespace

class AdminTools : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo"}), 0);
        server = std::make_unique<TestServer>(database);
        admin = std::make_unique<Browser>(*server);
        ASSERT_EQ(admin->sign_in(kDemoAdmin, kDemoPassword)->status, 303);
        admin->get("/");
        teacher_id = id_of(kDemoTeacher);
    }

    long long id_of(const std::string& email) {
        return count_of(database, "SELECT id FROM people WHERE email = '" + email + "'");
    }
    std::string field_of(long long person_id, const std::string& column) {
        std::string value;
        auto session = database.open().lease();
        *session << "SELECT " + column + " FROM people WHERE id = :id", soci::use(person_id),
            soci::into(value);
        return value;
    }
    std::string person_path(long long id, const std::string& rest = "") {
        return "/people/" + text_of(id) + rest;
    }

    // The teacher's details as the form holds them, with some fields changed.
    httplib::Params edit_form(std::map<std::string, std::string> changes) {
        std::map<std::string, std::string> fields{
            {"first_name", "Grace"}, {"last_name", "Okafor"},    {"email", kDemoTeacher},
            {"school_id", "0"},      {"staff_group", "teacher"}, {"job_title", "Teacher of English"},
            {"role", "staff"}};
        for (auto& [key, value] : changes)
            fields[key] = value;
        return httplib::Params(fields.begin(), fields.end());
    }

    TestDatabase database;
    std::unique_ptr<TestServer> server;
    std::unique_ptr<Browser> admin;
    long long teacher_id = 0;
};

TEST_F(AdminTools, administrator_edits_a_person_and_gives_them_a_role) {
    Browser teacher(*server);
    ASSERT_EQ(teacher.sign_in(kDemoTeacher, kDemoPassword)->status, 303);
    EXPECT_EQ(teacher.get("/people")->status, 403);

    auto form = admin->get(person_path(teacher_id, "/edit"));
    ASSERT_EQ(form->status, 200);
    EXPECT_NE(form->body.find("Role in Trellis"), std::string::npos);
    const long long meadowbank =
        count_of(database, "SELECT id FROM schools WHERE name = 'Meadowbank Primary School'");
    auto saved = admin->post(person_path(teacher_id, "/edit"), edit_form({{"last_name", "Okafor-Reid"},
                                                                          {"school_id", text_of(meadowbank)},
                                                                          {"staff_group", "leader"},
                                                                          {"job_title", "Head of English"},
                                                                          {"role", "school_pd_lead"}}));
    ASSERT_EQ(saved->status, 303) << saved->body;
    EXPECT_EQ(field_of(teacher_id, "last_name"), "Okafor-Reid");
    EXPECT_EQ(field_of(teacher_id, "role"), "school_pd_lead");
    EXPECT_EQ(field_of(teacher_id, "job_title"), "Head of English");
    EXPECT_EQ(count_of(database, "SELECT school_id FROM people WHERE id = " + text_of(teacher_id)),
              meadowbank);
    // The new role holds at once, in the session she already has.
    EXPECT_EQ(teacher.get("/people")->status, 200);

    // Taken away again.
    ASSERT_EQ(
        admin->post(person_path(teacher_id, "/edit"), edit_form({{"last_name", "Okafor-Reid"}}))->status,
        303);
    EXPECT_EQ(teacher.get("/people")->status, 403);
}

TEST_F(AdminTools, a_bad_edit_names_the_problem_and_saves_nothing) {
    const std::string before = field_of(teacher_id, "last_name");
    const struct {
        std::map<std::string, std::string> changes;
        const char* message;
    } cases[] = {
        {{{"email", kDemoTrustLead}, {"last_name", "Changed"}},
         "is already someone else&#39;s email address"},
        {{{"email", "not an email"}, {"last_name", "Changed"}}, "is not a valid email address"},
        {{{"first_name", "  "}, {"last_name", "Changed"}}, "Give a first name"},
        {{{"school_id", "999999"}, {"last_name", "Changed"}}, "Choose one of the trust&#39;s schools"},
        {{{"role", "superuser"}, {"last_name", "Changed"}}, "Choose one of the roles listed"},
        {{{"staff_group", "pupil"}, {"last_name", "Changed"}}, "Choose one of the staff groups listed"},
    };
    for (const auto& bad : cases) {
        auto answer = admin->post(person_path(teacher_id, "/edit"), edit_form(bad.changes));
        EXPECT_EQ(answer->status, 400) << bad.message;
        EXPECT_NE(answer->body.find(bad.message), std::string::npos) << bad.message;
        EXPECT_NE(answer->body.find("value=\"Changed\""), std::string::npos)
            << "the form keeps what was typed";
        EXPECT_EQ(field_of(teacher_id, "last_name"), before) << bad.message;
    }
    // An administrator cannot lock themselves out of their own tools.
    const long long admin_id = id_of(kDemoAdmin);
    auto own = admin->post(person_path(admin_id, "/edit"),
                           edit_form({{"email", kDemoAdmin}, {"role", "staff"}, {"first_name", "Admin"}}));
    EXPECT_EQ(own->status, 400);
    EXPECT_NE(own->body.find("You cannot take away your own administrator role"), std::string::npos);
    EXPECT_EQ(field_of(admin_id, "role"), "admin");
}

TEST_F(AdminTools, a_leaver_cannot_sign_in_and_keeps_their_record) {
    Browser teacher(*server);
    ASSERT_EQ(teacher.sign_in(kDemoTeacher, kDemoPassword)->status, 303);
    ASSERT_EQ(teacher.get("/")->status, 200);

    ASSERT_EQ(admin->post(person_path(teacher_id, "/leaver"), {{"left", "1"}})->status, 303);
    EXPECT_NE(count_of(database, "SELECT left_at FROM people WHERE id = " + text_of(teacher_id)), 0);
    // Her session ends and her password no longer opens Trellis.
    auto after = teacher.get("/");
    EXPECT_EQ(after->status, 303);
    EXPECT_EQ(after->get_header_value("Location").rfind("/sign-in", 0), 0u);
    Browser again(*server);
    EXPECT_NE(again.sign_in(kDemoTeacher, kDemoPassword)->status, 303);
    // Her record stays, marked, and out of the directory of staff still here.
    auto page = admin->get(person_path(teacher_id));
    EXPECT_NE(page->body.find("Left on"), std::string::npos);
    EXPECT_NE(page->body.find("Completed modules and certificates"), std::string::npos);
    EXPECT_EQ(admin->get("/people?q=teacher%40oakfield")->body.find(kDemoTeacher), std::string::npos);
    EXPECT_NE(admin->get("/people?q=teacher%40oakfield&status=left")->body.find(kDemoTeacher),
              std::string::npos);
    // No sign-in link is made for someone who has left.
    EXPECT_EQ(admin->post(person_path(teacher_id, "/reset-link"), {})->status, 400);

    ASSERT_EQ(admin->post(person_path(teacher_id, "/leaver"), {{"left", "0"}})->status, 303);
    Browser back(*server);
    EXPECT_EQ(back.sign_in(kDemoTeacher, kDemoPassword)->status, 303);

    // Nobody records themselves as having left.
    EXPECT_EQ(admin->post(person_path(id_of(kDemoAdmin), "/leaver"), {{"left", "1"}})->status, 400);
}

TEST_F(AdminTools, an_import_names_the_staff_its_file_no_longer_lists) {
    admin->get("/people/import");
    const long long school =
        count_of(database, "SELECT id FROM schools WHERE name = 'Meadowbank Primary School'");
    const long long still_here = count_of(database, "SELECT COUNT(*) FROM people WHERE role = 'staff' AND "
                                                    "left_at = 0 AND school_id = " +
                                                        text_of(school));
    std::string kept_email;
    {
        auto session = database.open().lease();
        *session << "SELECT MIN(email) FROM people WHERE role = 'staff' AND school_id = :s",
            soci::use(school), soci::into(kept_email);
    }
    auto uploaded = admin->upload("/people/import", "meadowbank.csv",
                                  "email,first_name,last_name,school,staff_group\n" + kept_email +
                                      ",Kept,Person,Meadowbank Primary School,teacher\n");
    ASSERT_EQ(uploaded->status, 303) << uploaded->body;
    auto preview = admin->get(uploaded->get_header_value("Location"));
    EXPECT_NE(preview->body.find("Not in this file: " + text_of(still_here - 1) + " people"),
              std::string::npos)
        << preview->body.substr(0, 3000);
    EXPECT_NE(preview->body.find("record that they have left"), std::string::npos);
}

TEST_F(AdminTools, schools_are_added_and_renamed_with_clear_errors) {
    ASSERT_EQ(admin->get("/schools")->status, 200);
    auto added = admin->post("/schools", {{"name", "Hillside Infant School"}, {"phase", "primary"}});
    ASSERT_EQ(added->status, 303) << added->body;
    const long long hillside =
        count_of(database, "SELECT id FROM schools WHERE name = 'Hillside Infant School'");
    ASSERT_GT(hillside, 0);
    EXPECT_NE(admin->get("/schools")->body.find("Hillside Infant School"), std::string::npos);

    auto twice = admin->post("/schools", {{"name", "hillside infant school"}, {"phase", "primary"}});
    EXPECT_EQ(twice->status, 400);
    EXPECT_NE(twice->body.find("already has a school called Hillside Infant School"), std::string::npos);
    EXPECT_EQ(admin->post("/schools", {{"name", "Nowhere School"}, {"phase", "college"}})->status, 400);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM schools WHERE name = 'Nowhere School'"), 0);

    ASSERT_EQ(admin->post("/schools/" + text_of(hillside), {{"name", "Hillside Primary School"}})->status,
              303);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM schools WHERE name = 'Hillside Primary School'"), 1);
    auto taken = admin->post("/schools/" + text_of(hillside), {{"name", "Oakfield Academy"}});
    EXPECT_EQ(taken->status, 400);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM schools WHERE name = 'Hillside Primary School'"), 1);
}

TEST_F(AdminTools, only_administrators_use_them_and_only_in_their_own_trust) {
    Browser lead(*server);
    ASSERT_EQ(lead.sign_in(kDemoTrustLead, kDemoPassword)->status, 303);
    lead.get("/");
    EXPECT_EQ(lead.get(person_path(teacher_id, "/edit"))->status, 403);
    EXPECT_EQ(lead.post(person_path(teacher_id, "/leaver"), {{"left", "1"}})->status, 403);
    EXPECT_EQ(lead.get("/schools")->status, 403);
    EXPECT_EQ(lead.post("/schools", {{"name", "Lead's School"}, {"phase", "primary"}})->status, 403);

    ASSERT_EQ(add_northfield_trust(database), 0);
    Browser stranger(*server);
    ASSERT_EQ(stranger.sign_in(kNorthfieldAdmin, kNorthfieldPassword)->status, 303);
    stranger.get("/");
    EXPECT_EQ(stranger.get(person_path(teacher_id, "/edit"))->status, 404);
    EXPECT_EQ(stranger.post(person_path(teacher_id, "/edit"), edit_form({{"last_name", "Taken"}}))->status,
              404);
    EXPECT_EQ(stranger.post(person_path(teacher_id, "/leaver"), {{"left", "1"}})->status, 404);
    const long long oakfield_school =
        count_of(database, "SELECT id FROM schools WHERE name = 'Oakfield Academy'");
    EXPECT_EQ(stranger.post("/schools/" + text_of(oakfield_school), {{"name", "Taken Academy"}})->status,
              404);
    EXPECT_EQ(stranger.get("/schools")->body.find("Oakfield Academy"), std::string::npos);
    EXPECT_EQ(field_of(teacher_id, "last_name"), "Okafor");
    EXPECT_EQ(count_of(database, "SELECT left_at FROM people WHERE id = " + text_of(teacher_id)), 0);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM schools WHERE name = 'Oakfield Academy'"), 1);
}

TEST_F(AdminTools, the_audit_log_records_each_administrative_action_for_the_trusts_administrators) {
    const long long before = count_of(database, "SELECT COUNT(*) FROM audit_events"); // the demo's import
    ASSERT_EQ(admin->post(person_path(teacher_id, "/edit"), edit_form({{"role", "school_pd_lead"}}))->status,
              303);
    ASSERT_EQ(admin->post(person_path(teacher_id, "/leaver"), {{"left", "1"}})->status, 303);
    ASSERT_EQ(admin->post(person_path(teacher_id, "/leaver"), {{"left", "0"}})->status, 303);
    ASSERT_EQ(admin->post(person_path(teacher_id, "/reset-link"), {})->status, 200);
    admin->get("/schools");
    ASSERT_EQ(admin->post("/schools", {{"name", "Hillside Infant School"}, {"phase", "primary"}})->status,
              303);

    auto log = admin->get("/audit");
    ASSERT_EQ(log->status, 200);
    for (const char* expected :
         {"Changed Grace Okafor&#39;s role from Staff to School PD lead",
          "Recorded that Grace Okafor has left", "Recorded that Grace Okafor is back",
          "Made a sign-in link for Grace Okafor", "Added the school Hillside Infant School", "Morgan Ellis"})
        EXPECT_NE(log->body.find(expected), std::string::npos) << expected;
    // The form also changed her job title, so her details were edited as well as her role.
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM audit_events"), before + 6);
    EXPECT_NE(log->body.find(std::to_string(before + 6) + " entries"), std::string::npos);
    // Newest first.
    EXPECT_LT(log->body.find("Added the school"), log->body.find("Changed Grace Okafor"));

    Browser lead(*server);
    ASSERT_EQ(lead.sign_in(kDemoTrustLead, kDemoPassword)->status, 303);
    EXPECT_EQ(lead.get("/audit")->status, 403);
    ASSERT_EQ(add_northfield_trust(database), 0);
    Browser stranger(*server);
    ASSERT_EQ(stranger.sign_in(kNorthfieldAdmin, kNorthfieldPassword)->status, 303);
    auto theirs = stranger.get("/audit");
    EXPECT_EQ(theirs->status, 200);
    EXPECT_EQ(theirs->body.find("Grace Okafor"), std::string::npos);
}
