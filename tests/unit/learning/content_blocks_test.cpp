// The rules of each activity block type (docs/authoring.md sections 5.1 to 5.8).

#include "learning/content/parser.h"

#include "content_fixture.h"

using namespace trellis::learning::content;
using namespace trellis::learning::content::testing;

namespace {

const std::string kModule = "example-module";
const std::string kFirst = "01-introduction.md";
const std::string kSecond = "02-next-steps.md";

class ContentBlocks : public ::testing::Test {
  protected:
    void SetUp() override { folder.write_valid_module(); }

    // The problems after replacing `from` with `to` in page `file`.
    std::vector<Problem> problems_after(const std::string& file, const std::string& from,
                                        const std::string& to) {
        const std::string page = file == kFirst ? ContentFolder::first_page() : ContentFolder::second_page();
        folder.write(kModule + "/" + file, replaced(page, from, to));
        return parse_module(folder.root() / kModule).problems;
    }

    ContentFolder folder;
};

} // namespace

TEST_F(ContentBlocks, reports_quiz_without_correct_answer) {
    const auto problems = problems_after(kFirst, "- [x] An hour of professional learning",
                                         "- [ ] An hour of professional learning");
    EXPECT_TRUE(has_problem(problems, kFirst, 7, "block 'check-one': a quiz needs a correct answer"))
        << describe(problems);
}

TEST_F(ContentBlocks, reports_single_answer_quiz_with_two_correct_options) {
    const auto problems =
        problems_after(kFirst, "- [ ] An hour of lunch duty", "- [x] An hour of lunch duty");
    EXPECT_TRUE(has_problem(problems, kFirst, 7, "needs 'multiple: true'")) << describe(problems);
}

TEST_F(ContentBlocks, reports_bad_quiz_option_lines_and_missing_question) {
    auto problems = problems_after(kFirst, "- [ ] An hour of lunch duty", "- [X] An hour of lunch duty");
    EXPECT_TRUE(has_problem(problems, kFirst, 10, "lowercase [x]")) << describe(problems);
    problems = problems_after(kFirst, "- [ ] An hour of lunch duty", "- ( ) An hour of lunch duty");
    EXPECT_TRUE(has_problem(problems, kFirst, 10, "bad option line")) << describe(problems);
    problems = problems_after(kFirst, "question: Which of these is a CPD hour?\n", "");
    EXPECT_TRUE(has_problem(problems, kFirst, 7, "a quiz needs 'question:'")) << describe(problems);
    problems = problems_after(kFirst, "multiple: true", "multiple: yes");
    EXPECT_TRUE(has_problem(problems, kFirst, 15, "'multiple:' must be true or false")) << describe(problems);
}

TEST_F(ContentBlocks, reports_repeated_unknown_and_stray_lines_in_a_block) {
    auto problems =
        problems_after(kFirst, "prompt: What did you notice?\n",
                       "prompt: What did you notice?\nprompt: Again?\nanswer: 42\nJust some text\n");
    EXPECT_TRUE(has_problem(problems, kFirst, 56, "'prompt:' appears twice (first on line 55)"))
        << describe(problems);
    EXPECT_TRUE(has_problem(problems, kFirst, 57, "unknown field 'answer:'"));
    EXPECT_TRUE(has_problem(problems, kFirst, 58, "unexpected line 'Just some text'"));
}

TEST_F(ContentBlocks, reports_scenario_target_that_does_not_exist) {
    const auto problems = problems_after(kFirst, "- Say yes -> yes", "- Say yes -> agree");
    EXPECT_TRUE(has_problem(problems, kFirst, 23, "points to '@agree', which is not a node"))
        << describe(problems);
}

TEST_F(ContentBlocks, reports_unreachable_scenario_node) {
    const auto problems = problems_after(kFirst, "- Ask what they will look for -> ask\n", "");
    EXPECT_TRUE(has_problem(problems, kFirst, 28, "node '@ask' cannot be reached from '@start'"))
        << describe(problems);
}

TEST_F(ContentBlocks, reports_scenario_whose_only_paths_loop_forever) {
    const auto problems = problems_after(kFirst, "They come in. It goes well enough.\n",
                                         "They come in. It goes well enough.\n- Again -> ask\n");
    EXPECT_TRUE(has_problem(problems, kFirst, 21, "no ending")) << describe(problems);
}

TEST_F(ContentBlocks, reports_scenario_structure_mistakes) {
    auto problems =
        problems_after(kFirst, "title: Your first meeting\n", "title: Your first meeting\nStray text\n");
    EXPECT_TRUE(has_problem(problems, kFirst, 23, "only 'title:' may come before")) << describe(problems);
    problems = problems_after(kFirst, "@debrief\nAgreeing", "@debrief\n- Back -> yes\nAgreeing");
    EXPECT_TRUE(has_problem(problems, kFirst, 32, "'@debrief' must not have choices")) << describe(problems);
    problems = problems_after(kFirst, "- Go ahead -> yes", "- Go ahead -> start");
    EXPECT_TRUE(has_problem(problems, kFirst, 29, "which a choice may not lead to")) << describe(problems);
    problems = problems_after(kFirst, "@yes\nThey come in. It goes well enough.\n", "@yes\n");
    EXPECT_TRUE(has_problem(problems, kFirst, 27, "node '@yes' has no text")) << describe(problems);
    problems = problems_after(kFirst, "@ask\n", "@yes\n");
    EXPECT_TRUE(has_problem(problems, kFirst, 29, "node '@yes' is defined twice")) << describe(problems);
    problems = problems_after(kFirst, "@start\n", "@begin\n");
    EXPECT_TRUE(has_problem(problems, kFirst, 21, "needs an '@start' node")) << describe(problems);
}

TEST_F(ContentBlocks, reads_scenario_nodes_choices_and_debrief) {
    const ModuleLoad result = parse_module(folder.root() / kModule);
    ASSERT_TRUE(result.ok()) << describe(result.problems);
    const auto& scenario = result.module.pages[0].blocks[3].as<ScenarioBlock>();
    EXPECT_EQ(scenario.title, "Your first meeting");
    ASSERT_EQ(scenario.nodes.size(), 4u);
    EXPECT_EQ(scenario.nodes[0].id, "start");
    ASSERT_EQ(scenario.nodes[0].choices.size(), 2u);
    EXPECT_EQ(scenario.nodes[0].choices[1].text, "Ask what they will look for");
    EXPECT_EQ(scenario.nodes[0].choices[1].target, "ask");
    EXPECT_EQ(scenario.debrief_html, "<p>Agreeing the focus first makes observation feel safer.</p>\n");
}

TEST_F(ContentBlocks, reports_sort_item_with_unknown_group) {
    const auto problems =
        problems_after(kFirst, "- Plans the unit => Teacher", "- Plans the unit => teacher");
    EXPECT_TRUE(has_problem(problems, kFirst, 49, "names group 'teacher', which is not in 'groups:'"))
        << describe(problems);
}

TEST_F(ContentBlocks, reports_sort_mode_and_group_mistakes) {
    auto problems = problems_after(kFirst, "mode: order", "mode: ranked");
    EXPECT_TRUE(has_problem(problems, kFirst, 38, "'mode:' must be order or groups")) << describe(problems);
    problems = problems_after(kFirst, "- Teach\n", "- Teach => Teacher\n");
    EXPECT_TRUE(has_problem(problems, kFirst, 40, "must not contain ' => '")) << describe(problems);
    problems = problems_after(kFirst, "groups: Teacher | Teaching assistant", "groups: Teacher");
    EXPECT_TRUE(has_problem(problems, kFirst, 48, "at least 2 groups")) << describe(problems);
    problems = problems_after(kFirst, "feedback: Plan, then teach, then review.\n", "");
    EXPECT_TRUE(has_problem(problems, kFirst, 36, "a sort needs 'feedback:'")) << describe(problems);
}

TEST_F(ContentBlocks, reports_media_file_that_does_not_exist) {
    std::filesystem::remove(folder.root() / kModule / "case-study.webm");
    const auto problems = parse_module(folder.root() / kModule).problems;
    EXPECT_TRUE(has_problem(problems, kSecond, 5, "block 'case-study': src 'case-study.webm' does not exist"))
        << describe(problems);
}

TEST_F(ContentBlocks, reports_captions_that_are_not_webvtt_and_missing_video_keys) {
    folder.write(kModule + "/case-study.vtt", "1\n00:00:00.000 --> 00:00:01.000\nHello\n");
    auto problems = parse_module(folder.root() / kModule).problems;
    EXPECT_TRUE(has_problem(problems, kSecond, 6, "does not start with WEBVTT")) << describe(problems);
    problems = problems_after(kSecond, "poster: case-study-poster.png\n", "");
    EXPECT_TRUE(has_problem(problems, kSecond, 3, "a video needs 'poster:'")) << describe(problems);
}

TEST_F(ContentBlocks, reports_resource_with_both_or_neither_source_and_file) {
    auto problems = problems_after(kSecond, "source: resources/checklist.md\n",
                                   "source: resources/checklist.md\nfile: resources/checklist.md\n");
    EXPECT_TRUE(has_problem(problems, kSecond, 11, "exactly one of 'source:'")) << describe(problems);
    problems = problems_after(kSecond, "source: resources/checklist.md\n", "");
    EXPECT_TRUE(has_problem(problems, kSecond, 11, "exactly one of 'source:'")) << describe(problems);
    folder.write(kModule + "/" + kSecond, ContentFolder::second_page());
    folder.write(kModule + "/resources/checklist.md", "A checklist without a title\n");
    problems = parse_module(folder.root() / kModule).problems;
    EXPECT_TRUE(has_problem(problems, "resources/checklist.md", 1, "resource title")) << describe(problems);
}

TEST_F(ContentBlocks, reports_action_plan_reflections_naming_unknown_or_wrong_blocks) {
    const auto problems = problems_after(kSecond, "reflections: reflect-first, reflect-extra",
                                         "reflections: reflect-first, reflect-missing, check-one");
    EXPECT_TRUE(has_problem(problems, kSecond, 19, "'reflect-missing' is not a block of this module"))
        << describe(problems);
    EXPECT_TRUE(has_problem(problems, kSecond, 19, "'check-one' is a quiz block, not a reflection"));
}

TEST_F(ContentBlocks, reports_further_module_that_does_not_exist_and_accepts_one_that_does) {
    const std::string module_line = "- module: building-trust \u2014 A full module on trust.\n";
    auto problems =
        problems_after(kSecond, "```trellis-further id=more\n", "```trellis-further id=more\n" + module_line);
    EXPECT_TRUE(has_problem(problems, kSecond, 23, "names module 'building-trust', which does not exist"))
        << describe(problems);
    folder.write_valid_module("building-trust", "Building trust");
    problems = parse_module(folder.root() / kModule).problems;
    EXPECT_TRUE(problems.empty()) << describe(problems);
}

TEST_F(ContentBlocks, reports_bad_further_lines) {
    auto problems = problems_after(kSecond, ") \u2014 The national standard.", ") - The national standard.");
    EXPECT_TRUE(has_problem(problems, kSecond, 23, "bad further line")) << describe(problems);
    problems = problems_after(kSecond, "(https://www.gov.uk/", "(ftp://www.gov.uk/");
    EXPECT_TRUE(has_problem(problems, kSecond, 23, "must be an http:// or https:// address"))
        << describe(problems);
    problems =
        problems_after(kSecond, "```trellis-further id=more\n- [", "```trellis-further id=more\nsee: [");
    EXPECT_TRUE(has_problem(problems, kSecond, 22, "at least one '- ' line")) << describe(problems);
}

TEST_F(ContentBlocks, optional_and_further_blocks_are_not_required) {
    const ModuleLoad result = parse_module(folder.root() / kModule);
    ASSERT_TRUE(result.ok()) << describe(result.problems);
    const auto ids = required_block_ids(result.module);
    EXPECT_EQ(std::count(ids.begin(), ids.end(), "reflect-extra"), 0);
    EXPECT_EQ(std::count(ids.begin(), ids.end(), "more"), 0);
    EXPECT_EQ(std::count(ids.begin(), ids.end(), "reflect-first"), 1);
}
