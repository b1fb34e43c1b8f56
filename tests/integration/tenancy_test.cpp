#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "harness.h"

using namespace trellis::testing;

namespace {

// Every route that takes an id. A new one must be added here so the tenancy test covers it.
struct IdRoute {
    const char* method;
    const char* pattern; // {} is replaced by the id
};
const IdRoute kIdRoutes[] = {
    {"GET", "/people/{}"},
    {"POST", "/people/{}/reset-link"},
    {"GET", "/people/{}/edit"},
    {"POST", "/people/{}/edit"},
    {"POST", "/people/{}/leaver"},
    {"POST", "/schools/{}"}, // Oakfield's schools have the low ids too
    {"GET", "/people/imports/{}"},
    {"POST", "/people/imports/{}/commit"},
    {"GET", "/people/imports/{}/progress"},
};

std::string with_id(const char* pattern, long long id) {
    std::string path = pattern;
    path.replace(path.find("{}"), 2, std::to_string(id));
    return path;
}

} // namespace

class Tenancy : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo"}), 0);
        ASSERT_EQ(add_northfield_trust(database), 0);
        server = std::make_unique<TestServer>(database);

        // Oakfield's lead leaves an import behind, so import ids exist to probe.
        Browser lead(*server);
        lead.sign_in(kDemoTrustLead, kDemoPassword);
        lead.get("/people/import");
        auto uploaded =
            lead.upload("/people/import", "staff.csv",
                        "email,first_name,last_name,school,staff_group\n"
                        "secret.person@oakfield.example,Secret,Person,Oakfield Academy,teacher\n");
        oakfield_import = trailing_id(uploaded->get_header_value("Location"));
        ASSERT_GT(oakfield_import, 0);
    }

    // Requests every id route with ids of Oakfield people and imports; none may answer with data.
    void expect_nothing_leaks(Browser& browser, const std::vector<long long>& people_ids, const char* who) {
        browser.get("/");
        for (const IdRoute& route : kIdRoutes) {
            const bool import_route = std::string(route.pattern).find("imports") != std::string::npos;
            for (long long id : import_route ? std::vector<long long>{oakfield_import} : people_ids) {
                const std::string path = with_id(route.pattern, id);
                auto result = std::string(route.method) == "GET" ? browser.get(path) : browser.post(path, {});
                ASSERT_TRUE(result) << path;
                EXPECT_TRUE(result->status == 403 || result->status == 404)
                    << who << " " << route.method << " " << path << " answered " << result->status;
                EXPECT_EQ(result->body.find("@oakfield.example"), std::string::npos) << who << " " << path;
                EXPECT_EQ(result->body.find("secret.person"), std::string::npos) << who << " " << path;
            }
        }
    }
    TestDatabase database;
    std::unique_ptr<TestServer> server;
    long long oakfield_import = 0;
};

TEST_F(Tenancy, another_trusts_administrator_sees_nothing_of_oakfield) {
    Browser northfield(*server);
    ASSERT_EQ(northfield.sign_in(kNorthfieldAdmin, kNorthfieldPassword)->status, 303);
    expect_nothing_leaks(northfield, {1, 2, 3, 4, 5, 100, 850}, "northfield admin");
    auto directory = northfield.get("/people");
    EXPECT_EQ(directory->status, 200);
    EXPECT_EQ(directory->body.find("@oakfield.example"), std::string::npos);
    EXPECT_NE(directory->body.find("1 person found"), std::string::npos);
    auto exported = northfield.get("/people/export.csv");
    EXPECT_EQ(exported->body.find("@oakfield.example"), std::string::npos);
    EXPECT_NE(exported->body.find(kNorthfieldAdmin), std::string::npos);
}

TEST_F(Tenancy, staff_see_only_themselves) {
    Browser teacher(*server);
    ASSERT_EQ(teacher.sign_in(kDemoTeacher, kDemoPassword)->status, 303);
    // Person 4 is the teacher herself.
    EXPECT_EQ(teacher.get("/people/4")->status, 200);
    expect_nothing_leaks(teacher, {1, 2, 3, 5, 100, 850}, "teacher");
    EXPECT_EQ(teacher.get("/people")->status, 403);
    EXPECT_EQ(teacher.get("/people/export.csv")->status, 403);
}

TEST_F(Tenancy, school_pd_lead_sees_only_their_own_school) {
    Browser lead(*server);
    ASSERT_EQ(lead.sign_in(kDemoSchoolLead, kDemoPassword)->status, 303);
    // Person 5 works at the lead's school (Meadowbank); person 4 at Oakfield Academy.
    EXPECT_EQ(lead.get("/people/5")->status, 200);
    EXPECT_EQ(lead.get("/people/4")->status, 404);
    auto directory = lead.get("/people?school=1");
    EXPECT_EQ(directory->body.find("teacher@oakfield.example"), std::string::npos);
    EXPECT_NE(directory->body.find("support@oakfield.example"), std::string::npos);
    EXPECT_EQ(lead.get("/people/import")->status, 403);
    lead.get("/");
    EXPECT_EQ(lead.post("/people/5/reset-link", {})->status, 403);
}

TEST_F(Tenancy, oakfield_lead_still_sees_their_own_import) {
    Browser lead(*server);
    ASSERT_EQ(lead.sign_in(kDemoTrustLead, kDemoPassword)->status, 303);
    auto page = lead.get("/people/imports/" + std::to_string(oakfield_import));
    EXPECT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("Import 1 people"), std::string::npos);
}

TEST_F(Tenancy, a_certificate_is_downloaded_only_in_its_own_trust_but_verified_by_anyone) {
    {
        auto& direct = database.open();
        auto sql = direct.lease();
        *sql
            << "INSERT INTO certificates (trust_id, person_id, module_slug, code, person_name, module_title, "
               "hours, issued_at) VALUES (1, 4, 'building-trust', 'TRL-TEST-0000-0001', 'Grace Okafor', "
               "'Building trust for professional development', 1.5, 1795000000)";
    }
    const std::string pdf = "/certificates/TRL-TEST-0000-0001.pdf";
    Browser northfield(*server);
    ASSERT_EQ(northfield.sign_in(kNorthfieldAdmin, kNorthfieldPassword)->status, 303);
    EXPECT_EQ(northfield.get(pdf)->status, 404);
    EXPECT_EQ(northfield.get("/learning/mine")->body.find("TRL-TEST"), std::string::npos);
    Browser lead(*server);
    ASSERT_EQ(lead.sign_in(kDemoSchoolLead, kDemoPassword)->status, 303);
    EXPECT_EQ(lead.get(pdf)->status, 404) << "the holder works at another school of the trust";
    Browser owner(*server);
    ASSERT_EQ(owner.sign_in(kDemoTeacher, kDemoPassword)->status, 303);
    EXPECT_EQ(owner.get(pdf)->status, 200);
    Browser anyone(*server);
    EXPECT_EQ(anyone.get("/verify/trl-test-0000-0001")->status, 200);
}
