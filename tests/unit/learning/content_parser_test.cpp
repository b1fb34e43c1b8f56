// The module parser: module.json, pages, fences and module-wide rules.

#include "learning/content/parser.h"

#include "content_fixture.h"

using namespace trellis::learning::content;
using namespace trellis::learning::content::testing;

namespace {

const std::string kModule = "example-module";

class ContentParser : public ::testing::Test {
  protected:
    void SetUp() override { folder.write_valid_module(); }

    ModuleLoad load() const { return parse_module(folder.root() / kModule); }

    void write_page(const std::string& file, const std::string& text) const {
        folder.write(kModule + "/" + file, text);
    }

    ContentFolder folder;
};

} // namespace

TEST_F(ContentParser, loads_the_example_module_with_every_block_type) {
    const ModuleLoad result = load();
    ASSERT_TRUE(result.ok()) << describe(result.problems);
    const Module& module = result.module;
    EXPECT_EQ(module.slug, kModule);
    EXPECT_EQ(module.minutes, 20);
    EXPECT_DOUBLE_EQ(module.hours, 0.5);
    ASSERT_EQ(module.pages.size(), 2u);
    EXPECT_EQ(module.pages[0].title, "Introduction");
    const std::vector<std::string> expected_required = {"check-one",   "check-two",   "first-meeting",
                                                        "order-steps", "group-roles", "reflect-first",
                                                        "case-study",  "checklist",   "plan"};
    EXPECT_EQ(required_block_ids(module), expected_required);

    const Block& text = module.pages[0].blocks[0];
    ASSERT_EQ(text.type, BlockType::Text);
    EXPECT_EQ(text.line, 3);
    EXPECT_NE(text.as<TextBlock>().html.find("<strong>Markdown</strong>"), std::string::npos);
    const Block& quiz = module.pages[0].blocks[1];
    ASSERT_EQ(quiz.type, BlockType::Quiz);
    EXPECT_EQ(quiz.line, 7);
    EXPECT_EQ(quiz.as<QuizBlock>().options.size(), 2u);
    EXPECT_TRUE(quiz.as<QuizBlock>().options[0].correct);
    EXPECT_EQ(quiz.as<QuizBlock>().options[1].feedback, "Not professional learning.");
    const Block& plan = module.pages[1].blocks[2];
    ASSERT_EQ(plan.type, BlockType::ActionPlan);
    EXPECT_EQ(plan.as<ActionPlanBlock>().reflection_ids,
              (std::vector<std::string>{"reflect-first", "reflect-extra"}));
    const Block& further = module.pages[1].blocks[3];
    ASSERT_EQ(further.type, BlockType::Further);
    EXPECT_FALSE(further.required);
    EXPECT_EQ(further.as<FurtherBlock>().items[0].reason, "The national standard.");
}

TEST_F(ContentParser, reports_unknown_block_type_with_file_and_line) {
    write_page("01-introduction.md", replaced(ContentFolder::first_page(), "```trellis-quiz id=check-one",
                                              "```trellis-poll id=check-one"));
    const ModuleLoad result = load();
    EXPECT_TRUE(has_problem(result.problems, "01-introduction.md", 7, "unknown block type 'trellis-poll'"))
        << describe(result.problems);
}

TEST_F(ContentParser, reports_missing_page_listed_in_manifest) {
    std::filesystem::remove(folder.root() / kModule / "02-next-steps.md");
    const ModuleLoad result = load();
    EXPECT_TRUE(has_problem(result.problems, "module.json", 10, "page '02-next-steps.md' does not exist"))
        << describe(result.problems);
}

TEST_F(ContentParser, reports_invalid_json_with_its_line) {
    folder.write(kModule + "/module.json",
                 "{\n  \"slug\": \"example-module\",\n  \"title\" \"no colon\"\n}\n");
    const ModuleLoad result = load();
    ASSERT_EQ(result.problems.size(), 1u) << describe(result.problems);
    EXPECT_TRUE(has_problem(result.problems, "module.json", 3, "not valid JSON"))
        << describe(result.problems);
}

TEST_F(ContentParser, reports_wrong_json_types_and_unknown_keys_at_their_lines) {
    folder.write(kModule + "/module.json", R"({
  "slug": "example-module",
  "title": "",
  "summary": 3,
  "audience": ["leader", "governor"],
  "topics": ["Example Topic"],
  "minutes": "20",
  "hours": -1,
  "outcomes": [],
  "pages": ["01-introduction.md", "01-introduction.md", "../escape.md"],
  "author": "someone"
}
)");
    const ModuleLoad result = load();
    const auto& problems = result.problems;
    EXPECT_TRUE(has_problem(problems, "module.json", 3, "'title' must be a non-empty string"))
        << describe(problems);
    EXPECT_TRUE(has_problem(problems, "module.json", 4, "'summary' must be a non-empty string"));
    EXPECT_TRUE(has_problem(problems, "module.json", 5, "audience 'governor'"));
    EXPECT_TRUE(has_problem(problems, "module.json", 6, "topic 'Example Topic'"));
    EXPECT_TRUE(has_problem(problems, "module.json", 7, "'minutes' must be a whole number"));
    EXPECT_TRUE(has_problem(problems, "module.json", 8, "'hours' must be a number greater than 0"));
    EXPECT_TRUE(has_problem(problems, "module.json", 9, "'outcomes' must be a non-empty list"));
    EXPECT_TRUE(has_problem(problems, "module.json", 10, "listed twice"));
    EXPECT_TRUE(has_problem(problems, "module.json", 10, "'../escape.md' must be a .md file directly"));
    EXPECT_TRUE(has_problem(problems, "module.json", 11, "unknown key 'author'"));
}

TEST_F(ContentParser, reports_slug_that_differs_from_folder_and_json_that_is_not_an_object) {
    folder.write(kModule + "/module.json",
                 replaced(R"({"slug": "example-module"})", "example-module", "another-module"));
    EXPECT_TRUE(has_problem(load().problems, "module.json", 1, "does not equal the folder name"));
    folder.write(kModule + "/module.json", "[1, 2]");
    EXPECT_TRUE(has_problem(load().problems, "module.json", 1, "one JSON object"));
    std::filesystem::remove(folder.root() / kModule / "module.json");
    EXPECT_TRUE(has_problem(load().problems, "module.json", 0, "module.json is missing"));
}

TEST_F(ContentParser, reports_page_without_title_line) {
    write_page("02-next-steps.md", "Next steps\n\nSome text.\n");
    EXPECT_TRUE(has_problem(load().problems, "02-next-steps.md", 1, "first line must be the page title"));
}

TEST_F(ContentParser, reports_unterminated_activity_fence) {
    write_page("02-next-steps.md", "# Next steps\n\n```trellis-reflection id=late\nprompt: Never closed?\n");
    const ModuleLoad result = load();
    EXPECT_TRUE(has_problem(result.problems, "02-next-steps.md", 3, "never closed"))
        << describe(result.problems);
}

TEST_F(ContentParser, reports_bad_info_strings) {
    write_page("02-next-steps.md", "# Next steps\n\n"
                                   "```trellis-reflection\nprompt: No id?\n```\n"             // 3
                                   "```trellis-reflection id=Bad_Id\nprompt: Bad id?\n```\n"  // 6
                                   "```trellis-reflection id=fine hidden\nprompt: Hm?\n```\n" // 9
                                   "~~~trellis-reflection id=tilde\nprompt: Tilde?\n~~~\n");  // 12
    const auto problems = load().problems;
    EXPECT_TRUE(has_problem(problems, "02-next-steps.md", 3, "needs an id")) << describe(problems);
    EXPECT_TRUE(has_problem(problems, "02-next-steps.md", 6, "block id 'Bad_Id'"));
    EXPECT_TRUE(has_problem(problems, "02-next-steps.md", 9, "unknown attribute 'hidden'"));
    EXPECT_TRUE(has_problem(problems, "02-next-steps.md", 12, "must open with ```"));
}

TEST_F(ContentParser, keeps_ordinary_code_fences_as_text) {
    write_page("02-next-steps.md",
               "# Next steps\n\n````markdown\n```trellis-quiz id=not-a-block\n```\n````\n\n"
               "```python\nprint('![](missing.png)')\n```\n");
    const ModuleLoad result = load();
    // Nothing else refers to the blocks page 2 used to hold, so the module stays clean.
    ASSERT_TRUE(result.ok()) << describe(result.problems);
    const Page& page = result.module.pages[1];
    ASSERT_EQ(page.blocks.size(), 1u);
    EXPECT_EQ(page.blocks[0].type, BlockType::Text);
    EXPECT_NE(page.blocks[0].as<TextBlock>().html.find("trellis-quiz id=not-a-block"), std::string::npos);
}

TEST_F(ContentParser, reports_duplicate_block_ids_across_pages) {
    write_page("02-next-steps.md", replaced(ContentFolder::second_page(), "id=checklist", "id=check-one"));
    const ModuleLoad result = load();
    EXPECT_TRUE(has_problem(result.problems, "02-next-steps.md", 11,
                            "block id 'check-one' is already used at 01-introduction.md:7"))
        << describe(result.problems);
}

TEST_F(ContentParser, reports_image_without_alt_text_or_file) {
    write_page("01-introduction.md",
               replaced(ContentFolder::first_page(), "![Four boxes around a circle](diagram.png)",
                        "![](diagram.png) ![Chart](chart.png) ![Logo](https://example.org/a.png)"));
    const auto problems = load().problems;
    EXPECT_TRUE(has_problem(problems, "01-introduction.md", 5, "needs alt text")) << describe(problems);
    EXPECT_TRUE(has_problem(problems, "01-introduction.md", 5, "image 'chart.png' does not exist"));
    EXPECT_TRUE(has_problem(problems, "01-introduction.md", 5, "not a web address"));
}

TEST_F(ContentParser, reports_paths_that_leave_the_module_folder) {
    folder.write("secret.md", "# Secret\n");
    write_page("02-next-steps.md", replaced(ContentFolder::second_page(), "source: resources/checklist.md",
                                            "source: ../secret.md"));
    EXPECT_TRUE(
        has_problem(load().problems, "02-next-steps.md", 13, "must be a relative path inside the module"));
    std::filesystem::create_symlink(folder.root() / "secret.md", folder.root() / kModule / "linked.md");
    write_page("02-next-steps.md",
               replaced(ContentFolder::second_page(), "source: resources/checklist.md", "source: linked.md"));
    EXPECT_TRUE(has_problem(load().problems, "02-next-steps.md", 13, "leads outside the module folder"));
}

TEST_F(ContentParser, reports_invalid_utf8_and_crlf_line_endings) {
    write_page("02-next-steps.md", "# Next steps\n\nBad byte: \xC3\x28\n");
    EXPECT_TRUE(has_problem(load().problems, "02-next-steps.md", 3, "not valid UTF-8"));
    std::string crlf;
    for (char character : ContentFolder::second_page())
        crlf += character == '\n' ? std::string("\r\n") : std::string(1, character);
    write_page("02-next-steps.md", crlf);
    const ModuleLoad result = load();
    ASSERT_EQ(result.problems.size(), 1u) << describe(result.problems);
    EXPECT_TRUE(has_problem(result.problems, "02-next-steps.md", 1, "LF line endings"));
}

TEST_F(ContentParser, renders_markdown_without_passing_raw_html_through) {
    write_page("02-next-steps.md", ContentFolder::second_page() +
                                       "\n<script>alert(1)</script>\n\n[click](javascript:alert(1))\n");
    const ModuleLoad result = load();
    ASSERT_TRUE(result.ok()) << describe(result.problems);
    const std::string& html = result.module.pages[1].blocks.back().as<TextBlock>().html;
    EXPECT_EQ(html.find("<script>"), std::string::npos) << html;
    EXPECT_EQ(html.find("javascript:"), std::string::npos) << html;
}

TEST_F(ContentParser, accepts_a_module_folder_written_with_a_trailing_slash_or_dot) {
    for (const std::string& written : {kModule + "/", kModule + "/.", kModule + "/../" + kModule}) {
        const ModuleLoad result = parse_module((folder.root() / written).string());
        EXPECT_TRUE(result.ok()) << written << "\n" << describe(result.problems);
        if (!result.problems.empty()) {
            EXPECT_EQ(result.problems[0].module, kModule);
        }
    }
}

TEST_F(ContentParser, reports_a_missing_module_folder_without_throwing) {
    const ModuleLoad result = parse_module(folder.root() / "no-such-module");
    EXPECT_FALSE(result.ok());
}

TEST_F(ContentParser, refuses_the_folder_name_taken_by_my_learning) {
    folder.write_valid_module("mine", "Mine");
    const ModuleLoad result = parse_module(folder.root() / "mine");
    EXPECT_TRUE(has_problem(result.problems, "module.json", 0, "taken by the My learning page"))
        << describe(result.problems);
}
