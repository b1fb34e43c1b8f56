// Needs against provision over HTTP on both databases: the trust PD lead's map reads the demo's
// closed needs survey beside what was offered and taken up this year, says where a group's strongest
// need went without provision, and never gives a figure about fewer than 5 people; a school PD lead
// sees their own school only; staff and other trusts see nothing.
#include <gtest/gtest.h>

#include <regex>

#include "harness.h"

using namespace trellis::testing;

class Provision : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo", "--training-day"}), 0);
        server = std::make_unique<TestServer>(database);
    }
    std::unique_ptr<Browser> signed_in(const std::string& email,
                                       const std::string& password = kDemoPassword) {
        auto browser = std::make_unique<Browser>(*server);
        EXPECT_EQ(browser->sign_in(email, password)->status, 303) << email;
        return browser;
    }

    TestDatabase database;
    std::unique_ptr<TestServer> server;
};

namespace {

// The table row of the map for one priority.
std::string row_of(const std::string& page, const std::string& title) {
    const auto start = page.find("<th scope=\"row\">" + title + "</th>");
    if (start == std::string::npos)
        return "";
    return page.substr(start, page.find("</tr>", start) - start);
}

int occurrences(const std::string& text, const std::string& part) {
    int found = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size()))
        ++found;
    return found;
}

} // namespace

TEST_F(Provision, the_lead_sees_need_beside_provision_and_the_gaps_in_words) {
    auto lead = signed_in(kDemoTrustLead);
    auto page = lead->get("/provision");
    ASSERT_EQ(page->status, 200);
    const std::string& body = page->body;
    EXPECT_TRUE(contains(body, "Needs and provision, 20"));
    EXPECT_TRUE(contains(body, "<option value=\"" +
                                   std::to_string(count_of(database, "SELECT id FROM surveys WHERE title = "
                                                                     "'Autumn needs survey 2026'")) +
                                   "\" selected>Autumn needs survey 2026</option>"));
    // Every school's staff groups are columns; the trust's priorities are rows.
    for (auto school : texts_of(database, "SELECT name FROM schools")) {
        if (const auto quote = school.find('\''); quote != std::string::npos)
            school.replace(quote, 1, "&#39;");
        EXPECT_TRUE(contains(body, ">" + school + "</th>")) << school;
    }
    // The support staff programme is offered to support staff, and not to teachers.
    const std::string support_row = row_of(body, "Every role matters: support staff at their best");
    ASSERT_FALSE(support_row.empty());
    EXPECT_TRUE(std::regex_search(
        support_row,
        std::regex(
            R"(Support staff, [^:]+: </span><span class="map-need[^"]*">[^<]*<span class="visually-hidden"> need</span></span><span class="map-line">\d)")))
        << support_row;
    EXPECT_TRUE(contains(support_row, "Teachers, Meadowbank Primary School: </span><span class=\"map-need"));
    // Gaps in sentences: a group's most named need with little or nothing offered.
    EXPECT_TRUE(std::regex_search(
        body,
        std::regex(
            R"(<li>(Teachers|Early-career teachers|Support staff|Leaders) at [^:]+: [^;]+; (nothing was offered to them this year|only \d+ minutes were offered to them this year)\.</li>)")));
    // Fairness: hours per person by school and staff group.
    EXPECT_TRUE(contains(body, "Fairness: CPD hours per person"));
    EXPECT_TRUE(contains(body, "<th scope=\"row\">The trust</th>"));
}

TEST_F(Provision, a_group_of_fewer_than_five_staff_shows_no_figure) {
    // A school of three support staff and one teacher.
    {
        auto& direct = database.open();
        auto sql = direct.lease();
        *sql << "INSERT INTO schools (trust_id, name, phase, created_at) VALUES (1, 'Tiny Hamlet Primary', "
                "'primary', 0)";
    }
    const long long school = count_of(database, "SELECT id FROM schools WHERE name = 'Tiny Hamlet Primary'");
    {
        auto& direct = database.open();
        auto sql = direct.lease();
        for (int i = 0; i < 4; ++i)
            *sql << "INSERT INTO people (trust_id, school_id, email, first_name, last_name, role, "
                    "staff_group, "
                    "phase, created_at, updated_at) VALUES (1, " +
                        std::to_string(school) + ", 'tiny" + std::to_string(i) +
                        "@oakfield.example', 'Tiny', 'Person', 'staff', '" + (i ? "support" : "teacher") +
                        "', '', 0, 0)";
    }
    auto lead = signed_in(kDemoTrustLead);
    const auto body = lead->get("/provision")->body;
    ASSERT_TRUE(contains(body, ">Tiny Hamlet Primary</th>"));
    // Each of the school's cells: no need (nobody there answered), no take-up per person.
    const std::regex cell(
        R"(<span class="visually-hidden">(Teachers|Support staff), Tiny Hamlet Primary: </span>.*?</td>)");
    int cells = 0;
    for (auto it = std::sregex_iterator(body.begin(), body.end(), cell); it != std::sregex_iterator(); ++it) {
        ++cells;
        EXPECT_TRUE(contains(it->str(), "fewer than 5 taken")) << it->str();
    }
    EXPECT_GT(cells, 0);
    // The fairness table withholds the school's groups, and its total too.
    const auto fairness_row =
        body.substr(body.find("<th scope=\"row\">Tiny Hamlet Primary</th>", body.find("Fairness")));
    const auto row = fairness_row.substr(0, fairness_row.find("</tr>"));
    EXPECT_EQ(occurrences(row, "fewer than 5"), 3) << row; // teachers, support staff, everyone
}

TEST_F(Provision, a_school_lead_sees_their_school_and_staff_and_other_trusts_see_nothing) {
    auto school_lead = signed_in(kDemoSchoolLead);
    auto page = school_lead->get("/provision");
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(contains(page->body, ">Meadowbank Primary School</th>"));
    EXPECT_FALSE(contains(page->body, ">Oakfield Academy</th>"));
    EXPECT_TRUE(contains(school_lead->get("/")->body, "href=\"&#x2F;provision\""));

    auto teacher = signed_in(kDemoTeacher);
    EXPECT_EQ(teacher->get("/provision")->status, 403);
    EXPECT_FALSE(contains(teacher->get("/")->body, "href=\"&#x2F;provision\""));

    ASSERT_EQ(add_northfield_trust(database), 0);
    auto northfield = signed_in(kNorthfieldAdmin, kNorthfieldPassword);
    auto theirs = northfield->get("/provision");
    ASSERT_EQ(theirs->status, 200);
    EXPECT_FALSE(contains(theirs->body, "Meadowbank"));
    EXPECT_FALSE(contains(theirs->body, "Autumn needs survey"));
    EXPECT_TRUE(contains(theirs->body, "No needs survey has answers"));
}
