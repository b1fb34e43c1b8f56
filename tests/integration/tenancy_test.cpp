#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "harness.h"

using namespace trellis::testing;

namespace {

// A route as `trellis routes` lists it: every route the router registers, so none is forgotten.
struct ListedRoute {
    std::string method;
    std::string pattern;
    std::string access;  // public, signed-in, or the permission's name
    std::size_t ids = 0; // captures, when every capture is a number id
};

std::vector<ListedRoute> listed_routes(const TestDatabase& database) {
    std::string output;
    EXPECT_EQ(run_cli(database, {"routes"}, &output), 0) << output;
    std::vector<ListedRoute> routes;
    std::istringstream lines(output);
    std::string line;
    static const std::regex number_capture(R"(\(\\d\+\))");
    while (std::getline(lines, line)) {
        std::istringstream fields(line);
        ListedRoute route;
        if (!std::getline(fields, route.method, '\t') || !std::getline(fields, route.pattern, '\t') ||
            !std::getline(fields, route.access))
            continue;
        const auto numbers = std::distance(
            std::sregex_iterator(route.pattern.begin(), route.pattern.end(), number_capture), {});
        const auto captures = std::count(route.pattern.begin(), route.pattern.end(), '(') -
                              static_cast<long>(route.pattern.find("(?:") != std::string::npos);
        route.ids = numbers == captures ? static_cast<std::size_t>(numbers) : 0;
        routes.push_back(route);
    }
    return routes;
}

// The route's address with its id captures filled in turn from `ids`, and regex escapes undone.
std::string with_ids(const ListedRoute& route, const std::vector<long long>& ids) {
    std::string path = route.pattern;
    for (long long id : ids)
        path.replace(path.find("(\\d+)"), 5, std::to_string(id));
    std::string unescaped;
    for (std::size_t i = 0; i < path.size(); ++i)
        if (!(path[i] == '\\' && i + 1 < path.size()))
            unescaped += path[i];
    return unescaped;
}

// Every way to fill a route's id captures from `ids` (pairs for two captures).
std::vector<std::vector<long long>> id_choices(std::size_t captures, const std::vector<long long>& ids) {
    std::vector<std::vector<long long>> choices{{}};
    for (std::size_t capture = 0; capture < captures; ++capture) {
        std::vector<std::vector<long long>> longer;
        for (const auto& prefix : choices)
            for (long long id : ids) {
                longer.push_back(prefix);
                longer.back().push_back(id);
            }
        choices = std::move(longer);
    }
    return choices;
}

httplib::Result request(Browser& browser, const ListedRoute& route, const std::string& path) {
    return route.method == "GET" ? browser.get(path) : browser.post(path, {});
}

} // namespace

class Tenancy : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo", "--training-day"}), 0);
        ASSERT_EQ(add_northfield_trust(database), 0);
        server = std::make_unique<TestServer>(database);
        routes = listed_routes(database);
        ASSERT_GT(routes.size(), 80u);
        ASSERT_TRUE(std::any_of(routes.begin(), routes.end(), [](const ListedRoute& route) {
            return route.pattern == R"(/people/(\d+)/edit)" && route.access == "ManagePeople" &&
                   route.ids == 1;
        })) << "the route list is read";

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

    // Requests every id route (or only the people and schools routes) with ids of Oakfield's
    // people, imports, events, offers and the rest; none may answer with data.
    // Returns how many requests it made.
    std::size_t expect_nothing_leaks(Browser& browser, const std::vector<long long>& ids, const char* who,
                                     bool people_routes_only) {
        std::size_t requests = 0;
        browser.get("/");
        for (const ListedRoute& route : routes) {
            if (route.ids == 0 || route.access == "public")
                continue;
            const bool people_route =
                route.pattern.rfind("/people/", 0) == 0 || route.pattern.rfind("/schools/", 0) == 0;
            if (people_routes_only && !people_route)
                continue;
            const bool import_route = route.pattern.find("imports") != std::string::npos;
            for (const auto& choice :
                 id_choices(route.ids, import_route    ? std::vector<long long>{oakfield_import}
                                       : route.ids > 1 ? std::vector<long long>{1, 2, 3}
                                                       : ids)) {
                const std::string path = with_ids(route, choice);
                auto result = request(browser, route, path);
                ++requests;
                if (!result) {
                    ADD_FAILURE() << "no answer to " << path;
                    continue;
                }
                EXPECT_TRUE(result->status == 403 || result->status == 404)
                    << who << " " << route.method << " " << path << " answered " << result->status;
                EXPECT_EQ(result->body.find("@oakfield.example"), std::string::npos) << who << " " << path;
                EXPECT_EQ(result->body.find("secret.person"), std::string::npos) << who << " " << path;
                EXPECT_EQ(result->body.find("Oakfield Academy"), std::string::npos) << who << " " << path;
            }
        }
        return requests;
    }

    // Counts of what other trusts' requests must never change.
    std::vector<long long> fingerprint() {
        std::vector<long long> counts;
        for (const char* query :
             {"SELECT COUNT(*) FROM people WHERE left_at <> 0",
              "SELECT COUNT(*) FROM notices WHERE dismissed_at <> 0", "SELECT COUNT(*) FROM workshop_offers",
              "SELECT COUNT(*) FROM offer_reviews", "SELECT COUNT(*) FROM workshop_choices",
              "SELECT COUNT(*) FROM placements", "SELECT COUNT(*) FROM attendance_marks",
              "SELECT COUNT(*) FROM feedback", "SELECT COUNT(*) FROM allocation_runs",
              "SELECT COUNT(*) FROM password_resets", "SELECT COUNT(*) FROM materials",
              // Oakfield's own: another trust's library lists the modules' resources for itself.
              "SELECT COUNT(*) FROM library_items WHERE trust_id = (SELECT id FROM trusts WHERE "
              "slug = 'oakfield')",
              "SELECT COUNT(*) FROM library_tags", "SELECT COUNT(*) FROM event_reviewers",
              "SELECT COUNT(*) FROM schools", "SELECT MAX(updated_at) FROM people",
              "SELECT MAX(updated_at) FROM events", "SELECT COUNT(*) FROM block_progress",
              "SELECT COUNT(*) FROM audit_events", "SELECT COUNT(*) FROM programme_members",
              "SELECT COUNT(*) FROM programme_activities", "SELECT MAX(updated_at) FROM programmes",
              "SELECT MAX(updated_at) FROM programme_activities", "SELECT COUNT(*) FROM activity_reflections",
              "SELECT MAX(written_at) FROM activity_reflections", "SELECT COUNT(*) FROM collaboration_groups",
              "SELECT MAX(written_at) FROM collaboration_groups",
              "SELECT COUNT(*) FROM collaboration_group_members", "SELECT COUNT(*) FROM recordings",
              "SELECT MAX(updated_at) FROM surveys", "SELECT COUNT(*) FROM survey_questions",
              "SELECT COUNT(*) FROM survey_drafts", "SELECT COUNT(*) FROM survey_responses",
              "SELECT COUNT(*) FROM impact_plans", "SELECT COUNT(*) FROM pupil_outcomes",
              "SELECT smallest_group FROM trusts WHERE slug = 'oakfield'",
              "SELECT COUNT(*) FROM coaching_steps", "SELECT COUNT(*) FROM mentoring_pairs",
              "SELECT COUNT(*) FROM mentoring_pairs WHERE status = 'active'",
              "SELECT COUNT(*) FROM mentoring_meetings", "SELECT COUNT(*) FROM peer_observations",
              "SELECT COUNT(*) FROM peer_observations WHERE status = 'invited'",
              "SELECT COUNT(*) FROM expertise_entries", "SELECT COUNT(*) FROM expertise_topics",
              "SELECT COUNT(*) FROM expertise_requests WHERE answered_at = 0",
              "SELECT COUNT(*) FROM group_apart_requests", "SELECT COUNT(*) FROM openid_providers",
              "SELECT COUNT(*) FROM mail_opt_outs", "SELECT COUNT(*) FROM mail_digests",
              "SELECT COUNT(*) FROM calendar_invitations", "SELECT COUNT(*) FROM xapi_outbox",
              "SELECT password_sign_in FROM trusts WHERE slug = 'oakfield'",
              "SELECT COUNT(*) FROM collaboration_group_members", "SELECT COUNT(*) FROM group_meetings",
              "SELECT COUNT(*) FROM group_notes", "SELECT COUNT(*) FROM group_resources"})
            counts.push_back(count_of(database, query));
        return counts;
    }

    TestDatabase database;
    std::unique_ptr<TestServer> server;
    std::vector<ListedRoute> routes;
    long long oakfield_import = 0;
};

TEST_F(Tenancy, another_trusts_administrator_sees_nothing_of_oakfield) {
    Browser northfield(*server);
    ASSERT_EQ(northfield.sign_in(kNorthfieldAdmin, kNorthfieldPassword)->status, 303);
    const auto before = fingerprint();
    EXPECT_GT(expect_nothing_leaks(northfield, {1, 2, 3, 4, 5, 100, 850}, "northfield admin", false), 300u);
    EXPECT_EQ(fingerprint(), before) << "another trust's requests changed nothing of Oakfield's";
    auto directory = northfield.get("/people");
    EXPECT_EQ(directory->status, 200);
    EXPECT_EQ(directory->body.find("@oakfield.example"), std::string::npos);
    EXPECT_NE(directory->body.find("1 person found"), std::string::npos);
    auto exported = northfield.get("/people/export.csv");
    EXPECT_EQ(exported->body.find("@oakfield.example"), std::string::npos);
    EXPECT_NE(exported->body.find(kNorthfieldAdmin), std::string::npos);
    // The library's id routes are among those probed above; its search finds none of Oakfield's.
    EXPECT_GE(count_of(database, "SELECT COUNT(*) FROM library_items"), 5);
    EXPECT_TRUE(std::any_of(routes.begin(), routes.end(), [](const ListedRoute& route) {
        return route.pattern == R"(/library/(\d+)/download)";
    }));
    auto library = northfield.get("/library?q=cold+calling");
    EXPECT_EQ(library->status, 200);
    EXPECT_EQ(library->body.find("Cold calling"), std::string::npos);
    EXPECT_EQ(northfield.get("/library")->body.find("Whole-class feedback"), std::string::npos);
}

TEST_F(Tenancy, staff_see_only_themselves) {
    Browser teacher(*server);
    ASSERT_EQ(teacher.sign_in(kDemoTeacher, kDemoPassword)->status, 303);
    // Person 4 is the teacher herself.
    EXPECT_EQ(teacher.get("/people/4")->status, 200);
    expect_nothing_leaks(teacher, {1, 2, 3, 5, 100, 850}, "teacher", true);
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
    EXPECT_EQ(northfield.get("/certificates/TRL-TEST-0000-0001.jwt")->status, 404);
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

TEST_F(Tenancy, every_route_asks_for_what_it_says_of_every_role) {
    // Signed out: every route but the public ones sends the browser to sign in, or refuses a POST.
    Browser anonymous(*server);
    anonymous.get("/sign-in");
    // Staff hold no permission: every route that needs one refuses them, whatever the id.
    Browser teacher(*server);
    ASSERT_EQ(teacher.sign_in(kDemoTeacher, kDemoPassword)->status, 303);
    teacher.get("/");
    const auto before = fingerprint();
    std::size_t checked = 0;
    for (const ListedRoute& route : routes) {
        if (route.access == "public")
            continue;
        if (route.ids == 0 && route.pattern.find('(') != std::string::npos)
            continue; // a slug or code, not a trust's id: covered by the learning and certificate tests
        const std::string path = with_ids(route, std::vector<long long>(route.ids, 1));
        auto signed_out = request(anonymous, route, path);
        ASSERT_TRUE(signed_out) << path;
        if (route.method == "GET") {
            EXPECT_EQ(signed_out->status, 303) << "signed out " << path;
            EXPECT_EQ(signed_out->get_header_value("Location").rfind("/sign-in", 0), 0u) << path;
        } else {
            EXPECT_TRUE(signed_out->status == 303 || signed_out->status == 401 || signed_out->status == 403)
                << "signed out POST " << path << " answered " << signed_out->status;
        }
        if (route.access != "signed-in") {
            auto refused = request(teacher, route, path);
            ASSERT_TRUE(refused) << path;
            EXPECT_EQ(refused->status, 403)
                << "teacher " << route.method << " " << path << " needs " << route.access;
        }
        ++checked;
    }
    EXPECT_GT(checked, 70u);
    EXPECT_EQ(fingerprint(), before) << "refused requests changed nothing";
}
