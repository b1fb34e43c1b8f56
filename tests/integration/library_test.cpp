// The trust's library over HTTP, on each database: a lead adds a PDF and a Markdown file and
// everyone finds them by words inside; tags narrow a search; a workshop's files join it with a link
// back; files go out as attachments; only leads add, and each trust finds only its own.
#include <gtest/gtest.h>

#include "harness.h"
#include "pdf/pdf.h"

using namespace trellis::testing;

class Library : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo", "--training-day"}), 0);
        server = std::make_unique<TestServer>(database);
    }
    std::unique_ptr<Browser> signed_in(const std::string& email,
                                       const std::string& password = kDemoPassword) {
        auto browser = std::make_unique<Browser>(*server);
        EXPECT_EQ(browser->sign_in(email, password)->status, 303) << email;
        browser->get("/");
        return browser;
    }
    // Adds a file as the lead; returns the new item's id.
    long long add_file(Browser& lead, const std::string& filename, const std::string& content,
                       const httplib::Params& fields = {}) {
        lead.get("/library/new");
        auto added = lead.post_files("/library", fields, {{"file", filename, content}});
        EXPECT_EQ(added->status, 303) << added->body;
        return trailing_id(added->get_header_value("Location"));
    }

    TestDatabase database;
    std::unique_ptr<TestServer> server;
};

TEST_F(Library, finds_words_inside_an_uploaded_pdf_and_markdown_file) {
    auto lead = signed_in(kDemoTrustLead);
    const std::string pdf = trellis::pdf::markdown_document(
        "Retrieval at the start of science lessons",
        "Five questions on last week's topic. Pupils answer from memory, then check: **photosynthesis** "
        "comes back every fortnight.",
        "Oakfield Learning Trust");
    const long long pdf_id = add_file(*lead, "Retrieval starters.pdf", pdf, {{"title", "Science starters"}});
    const long long markdown_id =
        add_file(*lead, "notes.md",
                 "# Taking notes\n\nTeach **Cornell** notes in Year 9: a cue column, "
                 "the notes, and a summary at the foot.\n",
                 {{"title", "Note-taking routine"}});
    ASSERT_GT(pdf_id, 0);
    ASSERT_GT(markdown_id, 0);

    auto teacher = signed_in(kDemoTeacher);
    auto in_pdf = teacher->get("/library?q=photosynthesis");
    ASSERT_EQ(in_pdf->status, 200);
    EXPECT_TRUE(contains(in_pdf->body, "Science starters"));
    EXPECT_FALSE(contains(in_pdf->body, "Note-taking routine"));
    auto in_markdown = teacher->get("/library?q=CORNELL+notes");
    EXPECT_TRUE(contains(in_markdown->body, "Note-taking routine"));
    EXPECT_FALSE(contains(in_markdown->body, "Science starters"));
    EXPECT_TRUE(contains(teacher->get("/library?q=summary+foot")->body, "Note-taking routine"));
    // Every word must be there; the Markdown's markup is not a word of it.
    EXPECT_FALSE(contains(teacher->get("/library?q=cornell+photosynthesis")->body, "Note-taking routine"));
    EXPECT_TRUE(contains(teacher->get("/library?q=zzyzx")->body, "Nothing matches"));
    // Characters of either engine's query language are only spaces between words.
    EXPECT_EQ(teacher->get("/library?q=%22cornell%22+%26+%7C+notes%3A*+-(")->status, 200);
    EXPECT_TRUE(
        contains(teacher->get("/library?q=%22cornell%22+%26+notes%3A*")->body, "Note-taking routine"));

    // The file goes out as an attachment with its own type, never as a page.
    auto file = teacher->get("/library/" + std::to_string(pdf_id) + "/download");
    ASSERT_EQ(file->status, 200);
    EXPECT_EQ(file->body, pdf);
    EXPECT_EQ(file->get_header_value("Content-Type"), "application/pdf");
    EXPECT_EQ(file->get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(file->get_header_value("Content-Disposition")
                  .rfind("attachment; filename=\"Retrieval starters.pdf\"", 0),
              0u);
    auto markdown = teacher->get("/library/" + std::to_string(markdown_id) + "/download");
    EXPECT_EQ(markdown->get_header_value("Content-Type"), "text/markdown; charset=utf-8");
}

TEST_F(Library, tags_narrow_a_search_and_are_checked) {
    auto lead = signed_in(kDemoTrustLead);
    const long long primary = add_file(*lead, "phonics.md", "# Phonics\n\nDaily practice, same routine.\n",
                                       {{"title", "Phonics daily practice"},
                                        {"phase", "primary"},
                                        {"group", "support"},
                                        {"mechanism", "repetition"}});
    add_file(*lead, "algebra.md", "# Algebra\n\nDaily practice with worked examples.\n",
             {{"title", "Algebra daily practice"}, {"phase", "secondary"}, {"mechanism", "model"}});
    auto teacher = signed_in(kDemoTeacher);
    auto both = teacher->get("/library?q=daily+practice");
    EXPECT_TRUE(contains(both->body, "Phonics daily practice"));
    EXPECT_TRUE(contains(both->body, "Algebra daily practice"));
    auto primary_only = teacher->get("/library?q=daily+practice&phase=primary");
    EXPECT_TRUE(contains(primary_only->body, "Phonics daily practice"));
    EXPECT_FALSE(contains(primary_only->body, "Algebra daily practice"));
    auto modelled = teacher->get("/library?mechanism=model&group=");
    EXPECT_TRUE(contains(modelled->body, "Algebra daily practice"));
    EXPECT_FALSE(contains(modelled->body, "Phonics daily practice"));
    auto page = teacher->get("/library/" + std::to_string(primary));
    EXPECT_TRUE(contains(page->body, "Prompt repetition in context"));
    EXPECT_TRUE(contains(page->body, "Support staff") || contains(page->body, "Teaching assistants"));
    EXPECT_FALSE(contains(page->body, "Save changes")) << "a teacher does not keep the library";
    // Its tags come in the library's order, whatever order the database gives them in: the phase,
    // then the staff group, then the mechanism.
    const auto line_start = page->body.find("<p class=\"library-tags\">");
    ASSERT_NE(line_start, std::string::npos);
    const std::string tag_line =
        page->body.substr(line_start, page->body.find("</p>", line_start) - line_start);
    const auto phase = tag_line.find("Primary"), mechanism = tag_line.find("Prompt repetition");
    const auto group = std::min(tag_line.find("Support staff"), tag_line.find("Teaching assistants"));
    EXPECT_LT(phase, group) << tag_line;
    EXPECT_LT(group, mechanism) << tag_line;
    EXPECT_NE(mechanism, std::string::npos) << tag_line;

    lead->get("/library/new");
    auto unknown = lead->post_files(
        "/library", {{"title", "Odd"}, {"link", "https://example.org/"}, {"mechanism", "hypnosis"}}, {});
    EXPECT_EQ(unknown->status, 400);
    EXPECT_TRUE(contains(unknown->body, "Choose mechanisms from the list."));
    auto script = lead->post_files("/library", {{"title", "Odd"}, {"link", "javascript:alert(1)"}}, {});
    EXPECT_EQ(script->status, 400);
    auto disguised = lead->post_files("/library", {}, {{"file", "handout.pdf", "<script>alert(1)</script>"}});
    EXPECT_EQ(disguised->status, 400);
    EXPECT_TRUE(contains(disguised->body, "does not look like"));

    // The lead retags an item; the search follows.
    lead->get("/library/" + std::to_string(primary));
    ASSERT_EQ(lead->post("/library/" + std::to_string(primary),
                         {{"title", "Phonics: the daily routine"}, {"phase", "special"}})
                  ->status,
              303);
    auto retagged = teacher->get("/library?phase=special");
    EXPECT_TRUE(contains(retagged->body, "Phonics: the daily routine"));
    EXPECT_FALSE(
        contains(teacher->get("/library?phase=primary&q=phonics")->body, "Phonics: the daily routine"));
}

TEST_F(Library, only_leads_add_change_and_remove) {
    auto teacher = signed_in(kDemoTeacher);
    EXPECT_FALSE(contains(teacher->get("/library")->body, "Add to the library</a>"));
    EXPECT_EQ(teacher->get("/library/new")->status, 403);
    EXPECT_EQ(teacher->post("/library", {{"title", "Mine"}, {"link", "https://example.org/"}})->status, 403);
    auto lead = signed_in(kDemoTrustLead);
    lead->get("/library/new");
    auto link = lead->post("/library",
                           {{"title", "A reading on feedback"}, {"link", "https://example.org/feedback"}});
    ASSERT_EQ(link->status, 303) << link->body;
    const std::string item = link->get_header_value("Location");
    teacher->get(item);
    EXPECT_EQ(teacher->post(item, {{"title", "Changed"}, {"link", "https://example.org/"}})->status, 403);
    EXPECT_EQ(teacher->post(item + "/delete", {})->status, 403);
    lead->get(item);
    EXPECT_EQ(lead->post(item + "/delete", {})->status, 303);
    EXPECT_EQ(teacher->get(item)->status, 404);
    EXPECT_FALSE(contains(teacher->get("/library?q=feedback+reading")->body, "A reading on feedback"));
}

TEST_F(Library, a_schools_lead_adds_items_for_their_school_that_other_schools_do_not_see) {
    const auto school_of = [&](const std::string& email) {
        return count_of(database, "SELECT COALESCE(school_id, 0) FROM people WHERE email = '" + email + "'");
    };
    const long long toms_school = school_of(kDemoSchoolLead);
    ASSERT_NE(toms_school, school_of(kDemoTeacher)) << "the demo teacher works at another school";
    auto school_lead = signed_in(kDemoSchoolLead);
    school_lead->get("/library/new");
    auto added = school_lead->post(
        "/library", {{"title", "Our phonics catch-up timetable"}, {"link", "https://example.org/catch-up"}});
    ASSERT_EQ(added->status, 303) << added->body;
    const std::string item = added->get_header_value("Location");
    EXPECT_EQ(count_of(database, "SELECT school_id FROM library_items WHERE title = 'Our phonics catch-up "
                                 "timetable'"),
              toms_school);
    // His school's people find it; another school's do not, by search or by its address.
    EXPECT_TRUE(contains(school_lead->get("/library?q=catch-up")->body, "Our phonics catch-up timetable"));
    auto teacher = signed_in(kDemoTeacher);
    EXPECT_FALSE(contains(teacher->get("/library?q=catch-up")->body, "Our phonics catch-up timetable"));
    EXPECT_EQ(teacher->get(item)->status, 404);
    // The trust's PD lead sees every school's items and may change them.
    auto lead = signed_in(kDemoTrustLead);
    EXPECT_TRUE(contains(lead->get("/library?q=catch-up")->body, "Our phonics catch-up timetable"));
    lead->get(item);
    EXPECT_EQ(lead->post(item, {{"title", "Phonics catch-up: the timetable"},
                                {"link", "https://example.org/catch-up"}})
                  ->status,
              303);
    EXPECT_TRUE(contains(school_lead->get(item)->body, "Phonics catch-up: the timetable"));
}

TEST_F(Library, a_workshops_file_joins_the_library_with_a_link_back) {
    const long long offer =
        count_of(database, "SELECT MIN(id) FROM workshop_offers WHERE status = 'approved'");
    auto lead = signed_in(kDemoTrustLead);
    lead->get("/offers/" + std::to_string(offer));
    auto uploaded = lead->upload("/offers/" + std::to_string(offer) + "/materials", "Bridging notes.md",
                                 "# Bridging\n\nUse **zeugma** sparingly.\n");
    ASSERT_EQ(uploaded->status, 303) << uploaded->body;
    auto teacher = signed_in(kDemoTeacher);
    auto found = teacher->get("/library?q=zeugma");
    EXPECT_TRUE(contains(found->body, "Bridging notes.md"));
    EXPECT_TRUE(contains(found->body, "/offers/" + std::to_string(offer)) ||
                contains(found->body, "&#x2F;offers&#x2F;" + std::to_string(offer)));
    EXPECT_TRUE(contains(found->body, "Workshop file"));
    // The old address of workshop materials leads to the library.
    auto moved = teacher->get("/materials?q=zeugma");
    EXPECT_EQ(moved->status, 303);
    EXPECT_EQ(moved->get_header_value("Location"), "/library?q=zeugma");
    // Removed from its workshop, it leaves the library too.
    const long long material = count_of(database, "SELECT MAX(id) FROM materials");
    const long long items = count_of(database, "SELECT COUNT(*) FROM library_items");
    lead->get("/offers/" + std::to_string(offer));
    ASSERT_EQ(lead->post("/materials/" + std::to_string(material) + "/delete", {})->status, 303);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM library_items"), items - 1);
    EXPECT_FALSE(contains(teacher->get("/library?q=zeugma")->body, "Bridging notes.md"));
}

TEST_F(Library, the_demo_trust_has_a_tagged_library) {
    EXPECT_GE(count_of(database, "SELECT COUNT(*) FROM library_items WHERE kind IN ('file', 'link')"), 8);
    EXPECT_GE(count_of(database, "SELECT COUNT(DISTINCT dimension) FROM library_tags"), 4);
    EXPECT_EQ(count_of(database,
                       "SELECT COUNT(*) FROM library_items WHERE kind = 'material' AND used_in_kind IN "
                       "('offer', 'activity')"),
              1)
        << "the questioning launch's handout";
    auto teacher = signed_in(kDemoTeacher);
    auto found = teacher->get("/library?q=five+seconds");
    EXPECT_TRUE(contains(found->body, "Cold calling kindly"));
    EXPECT_TRUE(contains(found->body, "Questioning routines (launch handout).txt"));
}

TEST_F(Library, the_modules_printable_resources_are_in_every_trusts_library) {
    auto teacher = signed_in(kDemoTeacher);
    // Found by a word inside the resource's own text, with a link to where it is downloaded.
    auto found = teacher->get("/library?q=benevolence");
    ASSERT_EQ(found->status, 200);
    EXPECT_TRUE(contains(found->body, "Trust audit for professional development")) << found->body;
    EXPECT_TRUE(contains(found->body, "Online module resource"));
    const long long item =
        count_of(database, "SELECT id FROM library_items WHERE used_in_kind = 'module' AND link = "
                           "'/learning/building-trust/resources/trust-audit'");
    auto page = teacher->get("/library/" + std::to_string(item));
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(contains(page->body, "&#x2F;learning&#x2F;building-trust&#x2F;resources&#x2F;trust-audit"));
    EXPECT_EQ(teacher->get("/learning/building-trust/resources/trust-audit")->status, 200);
    // Listed once however often the library is searched, and in another trust's library too.
    const long long listed =
        count_of(database, "SELECT COUNT(*) FROM library_items WHERE used_in_kind = 'module'");
    EXPECT_GE(listed, 1);
    teacher->get("/library?q=trust+audit");
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM library_items WHERE used_in_kind = 'module'"), listed);
    ASSERT_EQ(add_northfield_trust(database), 0);
    auto northfield = signed_in(kNorthfieldAdmin, kNorthfieldPassword);
    EXPECT_TRUE(contains(northfield->get("/library?q=benevolence")->body,
                         "Trust audit for professional development"));
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM library_items WHERE used_in_kind = 'module'"),
              2 * listed);
    // Each trust's item is its own.
    EXPECT_EQ(northfield->get("/library/" + std::to_string(item))->status, 404);
}

// Each server lists the modules' resources in a trust's library on its first look; what another
// server already listed unchanged is not written again, so a server starting does not raise the
// trust's shared version and make every server read the trust's kept pages again.
TEST_F(Library, a_server_starting_leaves_the_modules_resources_already_listed_alone) {
    auto teacher = signed_in(kDemoTeacher);
    ASSERT_EQ(teacher->get("/library")->status, 200);
    const std::string version = "SELECT shared_version FROM trusts WHERE id = (SELECT trust_id FROM people "
                                "WHERE email = '" +
                                std::string(kDemoTeacher) + "')";
    const long long before = count_of(database, version);
    const std::string listed = "SELECT COUNT(*) FROM library_items WHERE used_in_kind = 'module'";
    const long long items = count_of(database, listed);
    ASSERT_GE(items, 1);
    TestServer second(database);
    Browser on_second(second);
    ASSERT_EQ(on_second.sign_in(kDemoTeacher, kDemoPassword)->status, 303);
    auto library = on_second.get("/library?q=benevolence");
    ASSERT_EQ(library->status, 200);
    EXPECT_TRUE(contains(library->body, "Trust audit for professional development"));
    EXPECT_EQ(count_of(database, version), before);
    EXPECT_EQ(count_of(database, listed), items);
}

TEST_F(Library, a_sessions_recording_is_found_by_the_words_of_its_captions) {
    // The demo launch's recording is captioned with the case study ("Fernbrook Primary").
    const long long launch = count_of(database, "SELECT COALESCE(MIN(activity_id), 0) FROM recordings");
    ASSERT_GT(launch, 0);
    auto teacher = signed_in(kDemoTeacher);
    auto found = teacher->get("/library?q=fernbrook");
    EXPECT_TRUE(contains(found->body, "Session recording")) << found->body;
    EXPECT_TRUE(contains(found->body, "Recording: "));
    // Timings and the captions' header are not words anyone searches for.
    EXPECT_FALSE(contains(teacher->get("/library?q=webvtt")->body, "Session recording"));
    EXPECT_EQ(count_of(database,
                       "SELECT COUNT(*) FROM library_items WHERE used_in_kind = 'recording' AND body LIKE "
                       "'%-->%'"),
              0);
}

TEST_F(Library, another_trust_finds_none_of_it) {
    ASSERT_EQ(add_northfield_trust(database), 0);
    auto northfield = signed_in(kNorthfieldAdmin, kNorthfieldPassword);
    auto everything = northfield->get("/library");
    ASSERT_EQ(everything->status, 200);
    EXPECT_FALSE(contains(everything->body, "Cold calling kindly"));
    EXPECT_FALSE(contains(northfield->get("/library?q=cold+calling")->body, "Cold calling kindly"));
    const long long item = count_of(database, "SELECT MIN(id) FROM library_items WHERE kind = 'file'");
    EXPECT_EQ(northfield->get("/library/" + std::to_string(item))->status, 404);
    EXPECT_EQ(northfield->get("/library/" + std::to_string(item) + "/download")->status, 404);
}
