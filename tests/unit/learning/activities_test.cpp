// The rules of each activity: what counts as done, what is refused, and where a person resumes.
#include <gtest/gtest.h>

#include "learning/activities.h"
#include "learning/service.h"

namespace trellis::learning {

namespace {

using content::Block;
using content::BlockType;
using nlohmann::json;

Block quiz(bool multiple, std::vector<bool> correct) {
    content::QuizBlock data;
    data.question = "Which?";
    data.multiple = multiple;
    for (bool each : correct)
        data.options.push_back(content::QuizOption{"option", "option", each, "", ""});
    return Block{BlockType::Quiz, "quiz-one", true, 1, data};
}

Block scenario() {
    content::ScenarioBlock data;
    data.title = "A story";
    data.nodes = {{"start", "", "<p>Start</p>", {{"Go left", "left"}, {"Go right", "right"}}, 1},
                  {"left", "", "<p>Left</p>", {{"Carry on", "end"}}, 2},
                  {"right", "", "<p>Right: an ending</p>", {}, 3},
                  {"end", "", "<p>The end</p>", {}, 4},
                  {"debrief", "", "<p>Debrief</p>", {}, 5}};
    return Block{BlockType::Scenario, "scenario-one", true, 1, data};
}

Block sort(content::SortMode mode) {
    content::SortBlock data;
    data.mode = mode;
    data.items = {{"First", "A"}, {"Second", "B"}, {"Third", "A"}, {"Fourth", "B"}, {"Fifth", "A"}};
    if (mode == content::SortMode::Groups)
        data.groups = {"A", "B"};
    return Block{BlockType::Sort, "sort-one", true, 1, data};
}

Block plan() {
    content::ActionPlanBlock data;
    data.suggestions = {"Observe a colleague", "Share a mistake"};
    return Block{BlockType::ActionPlan, "plan-one", true, 1, data};
}

Submission with(std::multimap<std::string, std::string> fields) {
    return Submission{std::move(fields)};
}

// The form a person sends for a sort when they put each card where `answer` says (by item index).
Submission sorted(const Block& block, bool correctly) {
    const auto shown = sort_display_order(block);
    const auto& data = block.as<content::SortBlock>();
    Submission submission;
    for (std::size_t position = 0; position < shown.size(); ++position) {
        const std::size_t item = shown[position];
        if (data.mode == content::SortMode::Order) {
            const std::size_t place = correctly ? item + 1 : shown.size() - item;
            submission.fields.emplace("place-" + std::to_string(position), std::to_string(place));
        } else {
            const bool in_a = data.items[item].group == "A";
            submission.fields.emplace("group-" + std::to_string(position), (in_a == correctly) ? "0" : "1");
        }
    }
    return submission;
}

} // namespace

TEST(ActivityQuiz, is_done_only_once_answered_correctly_and_stays_done) {
    const Block block = quiz(false, {false, true, false});
    auto wrong = apply_submission(block, json(), with({{"option", "0"}}));
    EXPECT_TRUE(wrong.error.empty());
    EXPECT_FALSE(wrong.done);
    EXPECT_EQ(wrong.state["attempts"], 1);
    auto right = apply_submission(block, wrong.state, with({{"option", "1"}}));
    EXPECT_TRUE(right.done);
    EXPECT_EQ(right.state["attempts"], 2);
    auto practice = apply_submission(block, right.state, with({{"option", "2"}}));
    EXPECT_TRUE(practice.done) << "a wrong retry after a right answer keeps the quiz done";
    EXPECT_TRUE(is_done(block, practice.state));
}

TEST(ActivityQuiz, refuses_no_answer_two_answers_to_a_single_choice_and_unknown_options) {
    const Block block = quiz(false, {true, false});
    EXPECT_EQ(apply_submission(block, json(), with({})).error, "Choose an answer.");
    EXPECT_FALSE(apply_submission(block, json(), with({{"option", "0"}, {"option", "1"}})).error.empty());
    EXPECT_FALSE(apply_submission(block, json(), with({{"option", "2"}})).error.empty());
    EXPECT_FALSE(apply_submission(block, json(), with({{"option", "-1"}})).error.empty());
    EXPECT_FALSE(apply_submission(block, json(), with({{"option", "one"}})).error.empty());
}

TEST(ActivityQuiz, multiple_choice_needs_exactly_the_correct_set) {
    const Block block = quiz(true, {true, false, true});
    EXPECT_FALSE(apply_submission(block, json(), with({{"option", "0"}})).done);
    EXPECT_FALSE(
        apply_submission(block, json(), with({{"option", "0"}, {"option", "1"}, {"option", "2"}})).done);
    EXPECT_TRUE(apply_submission(block, json(), with({{"option", "2"}, {"option", "0"}})).done);
}

TEST(ActivityScenario, follows_choices_to_an_ending_and_can_be_played_again) {
    const Block block = scenario();
    const auto& data = block.as<content::ScenarioBlock>();
    EXPECT_EQ(scenario_position(data, json()).id, "start");
    auto left = apply_submission(block, json(), with({{"choice", "0"}}));
    EXPECT_FALSE(left.done);
    EXPECT_EQ(scenario_position(data, left.state).id, "left");
    EXPECT_FALSE(apply_submission(block, left.state, with({{"choice", "1"}})).error.empty())
        << "the second choice belongs to the start, not to this node";
    auto end = apply_submission(block, left.state, with({{"choice", "0"}}));
    EXPECT_TRUE(end.done);
    EXPECT_EQ(end.state["path"], json({"start", "left", "end"}));
    auto again = apply_submission(block, end.state, with({{"restart", "1"}}));
    EXPECT_TRUE(again.done);
    EXPECT_EQ(scenario_position(data, again.state).id, "start");
}

TEST(ActivitySort, shows_cards_in_a_fixed_order_that_is_never_the_answer) {
    const Block block = sort(content::SortMode::Order);
    const auto shown = sort_display_order(block);
    EXPECT_EQ(shown, sort_display_order(block));
    EXPECT_FALSE(std::is_sorted(shown.begin(), shown.end()));
    std::vector<std::size_t> all = shown;
    std::sort(all.begin(), all.end());
    EXPECT_EQ(all, (std::vector<std::size_t>{0, 1, 2, 3, 4}));
}

TEST(ActivitySort, order_mode_scores_each_card_in_its_place_and_refuses_shared_places) {
    const Block block = sort(content::SortMode::Order);
    auto right = apply_submission(block, json(), sorted(block, true));
    EXPECT_TRUE(right.done);
    EXPECT_EQ(right.state["correct"], 5);
    auto reversed = apply_submission(block, json(), sorted(block, false));
    EXPECT_TRUE(reversed.done) << "a sort is done once submitted; the feedback teaches";
    EXPECT_EQ(reversed.state["correct"], 1) << "only the middle card is in its place reversed";
    Submission shared = sorted(block, true);
    shared.fields.find("place-1")->second = shared.fields.find("place-0")->second;
    EXPECT_NE(apply_submission(block, json(), shared).error.find("different place"), std::string::npos);
}

TEST(ActivitySort, groups_mode_scores_each_card_and_needs_every_card_placed) {
    const Block block = sort(content::SortMode::Groups);
    EXPECT_EQ(apply_submission(block, json(), sorted(block, true)).state["correct"], 5);
    EXPECT_EQ(apply_submission(block, json(), sorted(block, false)).state["correct"], 0);
    Submission missing = sorted(block, true);
    missing.fields.erase("group-3");
    EXPECT_EQ(apply_submission(block, json(), missing).error, "Put every card in a group.");
}

TEST(ActivityReflection, is_done_when_it_has_words_and_refuses_an_essay) {
    const Block block{BlockType::Reflection, "reflect-one", true, 1, content::ReflectionBlock{}};
    EXPECT_FALSE(apply_submission(block, json(), with({{"text", "  \n "}})).done);
    auto written = apply_submission(block, json(), with({{"text", "I noticed"}}));
    EXPECT_TRUE(written.done);
    EXPECT_TRUE(is_done(block, written.state));
    EXPECT_FALSE(apply_submission(block, json(), with({{"text", std::string(kMaxAnswerCharacters + 1, 'x')}}))
                     .error.empty());
}

TEST(ActivityActionPlan, gathers_ticked_suggestions_then_own_lines_and_needs_one_step) {
    const Block block = plan();
    EXPECT_FALSE(apply_submission(block, json(), with({{"own", " \n\n"}})).error.empty());
    auto saved = apply_submission(
        block, json(),
        with({{"suggestion", "1"}, {"own", "  Ask for feedback by Friday \n\nRead one study"}}));
    ASSERT_TRUE(saved.error.empty());
    EXPECT_EQ(action_plan_steps(block.as<content::ActionPlanBlock>(), saved.state),
              (std::vector<std::string>{"Share a mistake", "Ask for feedback by Friday", "Read one study"}));
    EXPECT_FALSE(apply_submission(block, json(), with({{"suggestion", "7"}})).error.empty());
}

TEST(ActivityMedia, a_video_is_done_when_watched_and_a_resource_when_opened) {
    const Block video{BlockType::Video, "video-one", true, 1, content::VideoBlock{}};
    const Block resource{BlockType::Resource, "resource-one", true, 1, content::ResourceBlock{}};
    EXPECT_FALSE(is_done(video, json()));
    EXPECT_TRUE(is_done(video, mark_opened(video, json()).state));
    EXPECT_TRUE(is_done(resource, mark_opened(resource, json()).state));
}

TEST(Resume, lands_on_the_last_block_worked_on_or_the_first_left_on_the_page) {
    content::Module module;
    module.slug = "example";
    module.minutes = 90;
    content::Page first{"01.md", "One", {quiz(false, {true, false})}};
    content::Page second{"02.md", "Two", {scenario(), plan()}};
    module.pages = {first, second};
    BlockStates states;
    ModuleStanding standing;
    standing.current_page = 2;
    standing.current_block = "plan-one";
    EXPECT_EQ(resume_address(module, standing, states), "/learning/example/2#block-plan-one");
    standing.current_block = "";
    EXPECT_EQ(resume_address(module, standing, states), "/learning/example/2#block-scenario-one");
    states.done["scenario-one"] = true;
    EXPECT_EQ(resume_address(module, standing, states), "/learning/example/2#block-plan-one");
    standing.current_block = "quiz-one"; // not on the page they were reading: the page wins
    EXPECT_EQ(resume_address(module, standing, states), "/learning/example/2#block-plan-one");
    standing.current_page = 9;
    EXPECT_EQ(resume_address(module, standing, states), "/learning/example/2#block-plan-one");
}

TEST(Resume, lands_on_the_next_block_to_do_never_one_already_done) {
    content::Module module;
    module.slug = "example";
    Block last_quiz = quiz(false, {true, false});
    last_quiz.id = "quiz-two";
    module.pages = {{"01.md", "One", {quiz(false, {true, false})}},
                    {"02.md", "Two", {scenario(), plan()}},
                    {"03.md", "Three", {last_quiz}}};
    BlockStates states;
    ModuleStanding standing;
    standing.current_page = 2;
    standing.current_block = "scenario-one";
    states.done["scenario-one"] = true;
    EXPECT_EQ(resume_address(module, standing, states), "/learning/example/2#block-plan-one");
    // The page is finished: the next page, from its top, where the reading comes first.
    standing.current_block = "plan-one";
    states.done["plan-one"] = true;
    EXPECT_EQ(resume_address(module, standing, states), "/learning/example/3");
    // Nothing left after where they were: what they skipped earlier.
    states.done["quiz-two"] = true;
    EXPECT_EQ(resume_address(module, standing, states), "/learning/example/1#block-quiz-one");
    // Everything done: back to the page they were on.
    states.done["quiz-one"] = true;
    EXPECT_EQ(resume_address(module, standing, states), "/learning/example/2");
}

TEST(Resume, minutes_left_shrink_with_the_required_blocks_done) {
    content::Module module;
    module.minutes = 90;
    ModuleStanding standing;
    standing.required = 3;
    EXPECT_EQ(minutes_left(module, standing), 90);
    standing.done = 1;
    EXPECT_EQ(minutes_left(module, standing), 60);
    standing.done = 3;
    EXPECT_EQ(minutes_left(module, standing), 0);
}

TEST(CertificateCode, is_read_back_whatever_the_case_and_spacing) {
    EXPECT_EQ(normalise_code(" trl-7kq2-m9xd-4f3a "), "TRL-7KQ2-M9XD-4F3A");
    EXPECT_EQ(normalise_code(std::string(60, 'A')), "");
}

TEST(ActivityReflection, counts_its_limit_in_characters_so_every_language_gets_the_same_room) {
    const Block block{BlockType::Reflection, "reflect-one", true, 1, content::ReflectionBlock{}};
    std::string chinese;
    for (std::size_t i = 0; i < kMaxAnswerCharacters; ++i)
        chinese += "\xE6\x80\x9D"; // 思, three bytes in UTF-8
    EXPECT_TRUE(apply_submission(block, json(), with({{"text", chinese}})).error.empty());
    EXPECT_FALSE(apply_submission(block, json(), with({{"text", chinese + "x"}})).error.empty());
    EXPECT_EQ(characters_in("Zażółć gęślą jaźń"), 17u);
}

} // namespace trellis::learning
