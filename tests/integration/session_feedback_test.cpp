// What a programme's live sessions share with training days over HTTP: the short feedback after a
// session (only from those who were there or caught up, its results hidden until five have answered,
// small schools hidden beside them) and materials the lead attaches to an activity, kept and checked
// by the one library training days use.
#include <gtest/gtest.h>

#include "db/database.h"
#include "harness.h"

using namespace trellis::testing;

class SessionSharing : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo", "--training-day"}), 0);
        server = std::make_unique<TestServer>(database);
        // The demo's clinic was held on 12 November and nobody has kept its register yet.
        clinic = count_of(
            database,
            "SELECT id FROM programme_activities WHERE title = 'Clinic: what happened when you tried it'");
        programme = count_of(database, "SELECT programme_id FROM programme_activities WHERE id = " +
                                           std::to_string(clinic));
        path = "/programmes/" + std::to_string(programme) + "/activities/" + std::to_string(clinic);
        lead = signed_in(kDemoTrustLead);
    }
    std::unique_ptr<Browser> signed_in(const std::string& email) {
        auto browser = std::make_unique<Browser>(*server);
        EXPECT_EQ(browser->sign_in(email, kDemoPassword)->status, 303) << email;
        browser->get("/");
        return browser;
    }
    // Teachers of a school, the demo teacher left out, each given the demo password to sign in with.
    std::vector<std::string> teachers_of(const std::string& school, int how_many) {
        const auto emails =
            texts_of(database, "SELECT p.email FROM people p JOIN schools s ON s.id = p.school_id WHERE "
                               "p.staff_group = 'teacher' AND p.email <> '" +
                                   kDemoTeacher + "' AND s.name = '" + school + "' ORDER BY p.id LIMIT " +
                                   std::to_string(how_many));
        auto session = database.open().lease();
        std::string hash;
        *session << "SELECT password_hash FROM people WHERE email = :email", soci::use(kDemoTeacher),
            soci::into(hash);
        for (const std::string& email : emails)
            *session << "UPDATE people SET password_hash = :hash WHERE email = :email", soci::use(hash),
                soci::use(email);
        return emails;
    }
    long long id_of(const std::string& email) {
        return count_of(database, "SELECT id FROM people WHERE email = '" + email + "'");
    }
    long long answers() {
        return count_of(database,
                        "SELECT COUNT(*) FROM feedback WHERE about_kind = 'activity' AND about_id = " +
                            std::to_string(clinic));
    }

    TestDatabase database;
    std::unique_ptr<TestServer> server;
    std::unique_ptr<Browser> lead;
    long long clinic = 0, programme = 0;
    std::string path;
};

TEST_F(SessionSharing, feedback_comes_from_those_there_and_shows_once_five_have_answered) {
    // Five from Oakfield and one from Riverside were there, with the demo teacher.
    std::vector<std::string> there = teachers_of("Oakfield Academy", 5);
    for (const std::string& email : teachers_of("Riverside High School", 1))
        there.push_back(email);
    ASSERT_EQ(there.size(), 6u);
    httplib::Params present{{"present", std::to_string(id_of(kDemoTeacher))}};
    for (const std::string& email : there)
        present.emplace("present", std::to_string(id_of(email)));
    lead->get(path + "/register");
    ASSERT_EQ(lead->post(path + "/register", present)->status, 303);

    // Someone who was not there is not asked, and cannot answer.
    auto away = signed_in(teachers_of("Oakfield Academy", 6).back());
    EXPECT_EQ(away->get(path + "/feedback")->status, 403);
    EXPECT_EQ(away->post(path + "/feedback", {{"rating_" + std::to_string(clinic), "5"}})->status, 403);
    EXPECT_EQ(answers(), 0);
    EXPECT_FALSE(contains(away->get("/programmes/" + std::to_string(programme))->body,
                          "href=\"" + in_html(path + "/feedback") + "\""));

    // The demo teacher was there: the programme page asks her, and a bad rating saves nothing.
    auto teacher = signed_in(kDemoTeacher);
    const auto before = teacher->get("/programmes/" + std::to_string(programme))->body;
    EXPECT_TRUE(contains(before, "href=\"" + in_html(path + "/feedback") + "\""));
    EXPECT_TRUE(contains(before, "How was it? Give feedback"));
    EXPECT_FALSE(contains(before, "Your feedback (given)"));
    auto form = teacher->get(path + "/feedback");
    ASSERT_EQ(form->status, 200);
    EXPECT_TRUE(contains(form->body, "Save my feedback"));
    const std::string field = std::to_string(clinic);
    auto bad = teacher->post(path + "/feedback", {{"rating_" + field, "7"}, {"comment_" + field, "Kept"}});
    EXPECT_EQ(bad->status, 400);
    EXPECT_TRUE(contains(bad->body, "must be from 1 to 5"));
    EXPECT_TRUE(contains(bad->body, "Kept")); // what she typed is shown again
    EXPECT_EQ(answers(), 0);
    auto saved =
        teacher->post(path + "/feedback", {{"rating_" + field, "4"}, {"comment_" + field, "Secret thought"}});
    EXPECT_EQ(saved->status, 303);
    EXPECT_EQ(answers(), 1);
    EXPECT_TRUE(
        contains(teacher->get("/programmes/" + std::to_string(programme))->body, "Your feedback (given)"));
    // Answering again replaces the answer rather than adding one.
    teacher->get(path + "/feedback");
    EXPECT_EQ(
        teacher->post(path + "/feedback", {{"rating_" + field, "5"}, {"comment_" + field, "Secret thought"}})
            ->status,
        303);
    EXPECT_EQ(answers(), 1);

    // With one answer the lead sees neither the rating nor the comment.
    auto early = lead->get(path + "/feedback");
    ASSERT_EQ(early->status, 200);
    EXPECT_TRUE(contains(early->body, "Fewer than 5 people have answered"));
    EXPECT_FALSE(contains(early->body, "Secret thought"));
    EXPECT_FALSE(contains(early->body, "Save my feedback")); // the lead was not there

    for (const std::string& email : there) {
        auto colleague = signed_in(email);
        colleague->get(path + "/feedback");
        ASSERT_EQ(colleague->post(path + "/feedback", {{"rating_" + field, "3"}})->status, 303) << email;
    }
    EXPECT_EQ(answers(), 7);
    auto results = lead->get(path + "/feedback");
    EXPECT_FALSE(contains(results->body, "Fewer than 5 people have answered"));
    EXPECT_TRUE(contains(results->body, "Secret thought"));
    EXPECT_TRUE(contains(results->body, "<td>3.3</td>")); // (5 + 6 × 3) / 7
    // Riverside's one answer is hidden, and Oakfield's six with it, or the whole would give it away.
    EXPECT_TRUE(
        contains(results->body, "<th scope=\"row\">Riverside High School</th><td>fewer than 5 answers</td>"));
    EXPECT_TRUE(
        contains(results->body, "<th scope=\"row\">Oakfield Academy</th><td>fewer than 5 answers</td>"));
    EXPECT_TRUE(contains(results->body, "<th scope=\"row\">Teacher</th><td>7</td>"));
}

TEST_F(SessionSharing, the_lead_shares_materials_that_everyone_on_the_programme_can_download) {
    const std::string pdf = "%PDF-1.4\nThe clinic's slides\n%%EOF\n";
    auto teacher = signed_in(kDemoTeacher);
    teacher->get(path + "/materials");
    EXPECT_EQ(teacher->upload(path + "/materials", "mine.pdf", pdf)->status, 403);

    lead->get(path + "/materials");
    auto wrong_type = lead->upload(path + "/materials", "run-me.exe", "MZ...");
    EXPECT_EQ(wrong_type->status, 400);
    EXPECT_TRUE(contains(wrong_type->body, "is not a type we keep"));
    auto not_a_pdf = lead->upload(path + "/materials", "slides.pdf", "just text");
    EXPECT_EQ(not_a_pdf->status, 400);
    EXPECT_TRUE(contains(not_a_pdf->body, "does not look like the kind of file its name says"));
    const std::string owned = "SELECT COUNT(*) FROM materials WHERE owner_kind = 'activity' AND owner_id = " +
                              std::to_string(clinic);
    EXPECT_EQ(count_of(database, owned), 0);

    ASSERT_EQ(lead->upload(path + "/materials", "Clinic slides.pdf", pdf)->status, 303);
    EXPECT_EQ(count_of(database, owned), 1);
    const long long material = count_of(database, "SELECT MAX(id) FROM materials");

    auto listed = teacher->get(path + "/materials");
    ASSERT_EQ(listed->status, 200);
    EXPECT_TRUE(contains(listed->body, "Clinic slides.pdf"));
    EXPECT_FALSE(contains(listed->body, "Remove<span")); // only the lead removes
    EXPECT_TRUE(contains(teacher->get("/programmes/" + std::to_string(programme))->body, "Materials (1)"));
    auto download = teacher->get(path + "/materials/" + std::to_string(material) + "/download");
    ASSERT_EQ(download->status, 200);
    EXPECT_EQ(download->body, pdf);
    EXPECT_TRUE(contains(download->get_header_value("Content-Disposition"), "attachment"));
    EXPECT_EQ(download->get_header_value("Content-Type"), "application/pdf");

    // The file is reached only through its own activity, and not through the training days' route.
    const long long launch =
        count_of(database, "SELECT MIN(id) FROM programme_activities WHERE programme_id = " +
                               std::to_string(programme));
    const std::string elsewhere =
        "/programmes/" + std::to_string(programme) + "/activities/" + std::to_string(launch);
    EXPECT_EQ(teacher->get(elsewhere + "/materials/" + std::to_string(material) + "/download")->status, 404);
    EXPECT_EQ(teacher->get("/materials/" + std::to_string(material) + "/download")->status, 404);
    // Support staff are not on the programme and see nothing of it.
    auto assistant = signed_in(kDemoSupport);
    EXPECT_EQ(assistant->get(path + "/materials/" + std::to_string(material) + "/download")->status, 404);

    EXPECT_EQ(teacher->post(path + "/materials/" + std::to_string(material) + "/delete", {})->status, 403);
    EXPECT_EQ(lead->post(path + "/materials/" + std::to_string(material) + "/delete", {})->status, 303);
    EXPECT_EQ(count_of(database, owned), 0);
}

TEST_F(SessionSharing, removing_an_activity_removes_its_feedback_marks_and_materials) {
    const std::string teacher_id = std::to_string(id_of(kDemoTeacher));
    lead->get(path + "/register");
    ASSERT_EQ(lead->post(path + "/register", {{"present", teacher_id}})->status, 303);
    auto teacher = signed_in(kDemoTeacher);
    teacher->get(path + "/feedback");
    ASSERT_EQ(teacher->post(path + "/feedback", {{"rating_" + std::to_string(clinic), "4"}})->status, 303);
    lead->get(path + "/materials");
    ASSERT_EQ(lead->upload(path + "/materials", "notes.txt", "Bring two marked books.")->status, 303);
    const std::string id = std::to_string(clinic);

    lead->get("/programmes/" + std::to_string(programme));
    ASSERT_EQ(lead->post(path + "/delete", {})->status, 303);
    EXPECT_EQ(answers(), 0);
    EXPECT_EQ(count_of(database,
                       "SELECT COUNT(*) FROM materials WHERE owner_kind = 'activity' AND owner_id = " + id),
              0);
    EXPECT_EQ(
        count_of(database,
                 "SELECT COUNT(*) FROM attendance_marks WHERE session_kind = 'activity' AND session_id = " +
                     id),
        0);
}
