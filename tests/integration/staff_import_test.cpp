#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "harness.h"

using namespace trellis::testing;

namespace {

const std::string kHeader = "Email;First_Name;Last_Name;School;Staff_Group;Job_Title;Phase;Subjects\n";

long long count_people(TestDatabase& database) {
    long long count = 0;
    auto session = database.open().lease();
    *session << "SELECT COUNT(*) FROM people", soci::into(count);
    return count;
}

} // namespace

class StaffImport : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo"}), 0);
        server = std::make_unique<TestServer>(database);
        browser = std::make_unique<Browser>(*server);
        ASSERT_EQ(browser->sign_in(kDemoTrustLead, kDemoPassword)->status, 303);
        browser->get("/people/import");
    }

    // Uploads a file and returns the import's page after the redirect.
    httplib::Result preview(const std::string& content, long long* import_id = nullptr) {
        auto uploaded = browser->upload("/people/import", "staff.csv", content);
        EXPECT_EQ(uploaded->status, 303);
        const std::string location = uploaded->get_header_value("Location");
        if (import_id)
            *import_id = trailing_id(location);
        return browser->get(location);
    }

    // Commits an import and waits for the background job to finish.
    httplib::Result commit(long long import_id) {
        const std::string page = "/people/imports/" + std::to_string(import_id);
        auto committed = browser->post(page + "/commit", {});
        EXPECT_EQ(committed->status, 303);
        for (int attempt = 0; attempt < 400; ++attempt) {
            auto progress = browser->get(page + "/progress");
            if (progress->body.find("\"running\"") == std::string::npos)
                break;
            std::this_thread::sleep_for(std::chrono::milliseconds(25));
        }
        return browser->get(page);
    }

    TestDatabase database;
    std::unique_ptr<TestServer> server;
    std::unique_ptr<Browser> browser;
};

TEST_F(StaffImport, preview_lists_every_problem_by_row_and_column) {
    const long long before = count_people(database);
    auto page = preview(kHeader + "ok.person@oakfield.example;Ok;Person;Oakfield Academy;teacher;;;\n"
                                  "broken-email;Ann;Lee;Oakfield Academy;teacher;;;\n"
                                  "b.b@oakfield.example;Bea;Bee;Atlantis Primary;support;;;\n"
                                  "c.c@oakfield.example;Cy;Cee;Oakfield Academy;dinner lady;;;\n"
                                  "ok.person@oakfield.example;Ok;Again;Oakfield Academy;teacher;;;\n");
    ASSERT_EQ(page->status, 200);
    const std::string& html = page->body;
    EXPECT_NE(html.find("4 problems"), std::string::npos);
    EXPECT_NE(html.find("<td>3</td><td>email</td>"), std::string::npos);
    EXPECT_NE(html.find("<td>4</td><td>school</td>"), std::string::npos);
    EXPECT_NE(html.find("<td>5</td><td>staff_group</td>"), std::string::npos);
    EXPECT_NE(html.find("<td>6</td><td>email</td>"), std::string::npos);
    EXPECT_NE(html.find("Atlantis Primary"), std::string::npos);
    EXPECT_EQ(count_people(database), before);
}

TEST_F(StaffImport, file_with_problems_cannot_be_committed) {
    const long long before = count_people(database);
    long long import_id = 0;
    preview(kHeader + "good.one@oakfield.example;Good;One;Oakfield Academy;teacher;;;\n"
                      "bad;Bad;Row;Oakfield Academy;teacher;;;\n",
            &import_id);
    auto result = commit(import_id);
    EXPECT_NE(result->body.find("nothing was imported"), std::string::npos) << result->body;
    EXPECT_EQ(count_people(database), before);
}

TEST_F(StaffImport, commit_is_all_or_nothing_when_the_file_went_stale) {
    const long long before = count_people(database);
    long long import_id = 0;
    auto page = preview(kHeader + "first.new@oakfield.example;First;New;Oakfield Academy;teacher;;;\n"
                                  "taken.later@elsewhere.example;Taken;Later;Oakfield Academy;teacher;;;\n",
                        &import_id);
    ASSERT_NE(page->body.find("Import 2 people"), std::string::npos);
    // Between preview and commit, another organisation registers the second email.
    std::string output;
    ASSERT_EQ(run_cli(database,
                      {"add-trust", "elsewhere", "Elsewhere Trust", "--admin-email",
                       "taken.later@elsewhere.example", "--admin-first-name", "Taken", "--admin-last-name",
                       "Later"},
                      &output, {{"TRELLIS_ADMIN_PASSWORD", "a long enough password"}}),
              0)
        << output;
    auto result = commit(import_id);
    EXPECT_NE(result->body.find("already registered with another organisation"), std::string::npos);
    EXPECT_EQ(count_people(database), before + 1); // only the other trust's new administrator
    Browser check(*server);
    check.sign_in(kDemoTrustLead, kDemoPassword);
    EXPECT_NE(check.get("/people?q=first.new")->body.find("0 people found"), std::string::npos);
}

TEST_F(StaffImport, reimport_updates_people_by_email_and_never_duplicates) {
    const long long before = count_people(database);
    const std::string first =
        kHeader +
        "new.starter@oakfield.example;New;Starter;Oakfield Academy;ect;Teacher of history;;History\n"
        "\"quoted.person@oakfield.example\";\"Quoted\";\"Person, Jr\";Meadowbank Primary "
        "School;support;TA;;\n";
    long long import_id = 0;
    preview(first, &import_id);
    auto done = commit(import_id);
    EXPECT_NE(done->body.find("2 new and 0 updated"), std::string::npos) << done->body;
    EXPECT_EQ(count_people(database), before + 2);

    const std::string again =
        "\xEF\xBB\xBF" + kHeader +
        "NEW.STARTER@oakfield.example;New;Starter;Oakfield Academy;teacher;Teacher of history;;History\n"
        "quoted.person@oakfield.example;Quoted;\"Person, Jr\";Meadowbank Primary School;support;HLTA;;\n";
    preview(again, &import_id);
    done = commit(import_id);
    EXPECT_NE(done->body.find("0 new and 2 updated"), std::string::npos) << done->body;
    EXPECT_EQ(count_people(database), before + 2);
    auto found = browser->get("/people?q=new.starter");
    EXPECT_NE(found->body.find("1 person found"), std::string::npos);
    EXPECT_NE(found->body.find("<td>Teacher</td>"), std::string::npos);
}

TEST_F(StaffImport, export_lists_everyone_in_the_import_format_and_round_trips) {
    auto exported = browser->get("/people/export.csv");
    ASSERT_EQ(exported->status, 200);
    EXPECT_EQ(exported->get_header_value("Content-Type"), "text/csv; charset=utf-8");
    const std::string& csv = exported->body;
    EXPECT_EQ(csv.rfind("email,first_name,last_name,school,staff_group,job_title,phase,subjects\r\n", 0), 0u);
    long long lines = 0;
    for (char c : csv)
        lines += c == '\n';
    EXPECT_EQ(lines, count_people(database) + 1);
    EXPECT_NE(csv.find("teacher@oakfield.example,Grace,Okafor,Oakfield Academy,teacher"), std::string::npos);

    long long import_id = 0;
    auto page = preview(csv, &import_id);
    EXPECT_NE(page->body.find("0 new and 850 already in Trellis"), std::string::npos);
}

TEST_F(StaffImport, staff_cannot_import_or_export) {
    Browser staff(*server);
    ASSERT_EQ(staff.sign_in(kDemoTeacher, kDemoPassword)->status, 303);
    EXPECT_EQ(staff.get("/people/import")->status, 403);
    EXPECT_EQ(staff.get("/people/export.csv")->status, 403);
    staff.get("/");
    EXPECT_EQ(staff.upload("/people/import", "x.csv", kHeader)->status, 403);
}

TEST(StaffImportCli, reports_problems_by_row_and_imports_nothing) {
    TestDatabase database;
    ASSERT_EQ(run_cli(database, {"demo"}), 0);
    const std::string path = std::filesystem::temp_directory_path() / "trellis-cli-import.csv";
    std::ofstream(path) << kHeader << "fine@oakfield.example;Fine;Person;Oakfield Academy;teacher;;;\n"
                        << "fine@oakfield.example;Fine;Twice;Oakfield Academy;teacher;;;\n";
    std::string output;
    EXPECT_EQ(run_cli(database, {"import-staff", path, "--trust", "oakfield"}, &output), 1);
    EXPECT_NE(output.find("row 3, email"), std::string::npos) << output;
    EXPECT_NE(output.find("nothing was imported"), std::string::npos);

    std::ofstream(path) << kHeader << "fine@oakfield.example;Fine;Person;Oakfield Academy;teacher;;;\n";
    EXPECT_EQ(run_cli(database, {"import-staff", path, "--trust", "oakfield"}, &output), 0) << output;
    EXPECT_NE(output.find("1 new, 0 updated"), std::string::npos) << output;
    EXPECT_EQ(run_cli(database, {"import-staff", path, "--trust", "nowhere"}, &output), 2);
    EXPECT_NE(output.find("no organisation with the short name 'nowhere'"), std::string::npos);
    std::filesystem::remove(path);
}

TEST_F(StaffImport, a_file_past_the_size_or_row_limit_is_refused_with_the_limits_and_nothing_kept) {
    const long long imports_before = count_of(database, "SELECT COUNT(*) FROM staff_imports");
    // Over 5 MB: one row with a very long job title is enough.
    std::string large = kHeader + "big@oakfield.example;Big;File;Oakfield Academy;teacher;" +
                        std::string(5 * 1024 * 1024, 'x') + ";;\n";
    auto too_large = browser->upload("/people/import", "large.csv", large);
    EXPECT_EQ(too_large->status, 413);
    EXPECT_NE(
        too_large->body.find("This file is 5.0 MB. A staff file can be at most 5.0 MB and 20,000 people"),
        std::string::npos)
        << too_large->body.substr(0, 2000);

    std::string many = kHeader;
    for (int row = 0; row <= 20000; ++row)
        many += "p" + std::to_string(row) + "@oakfield.example;P;Row;Oakfield Academy;teacher;;;\n";
    browser->get("/people/import");
    auto too_many = browser->upload("/people/import", "many.csv", many);
    EXPECT_EQ(too_many->status, 413);
    EXPECT_NE(too_many->body.find("This file has 20001 people."), std::string::npos);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM staff_imports"), imports_before);
}
