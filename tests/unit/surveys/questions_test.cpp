// What a survey question needs to be asked, and what a valid answer to each kind is.
#include <gtest/gtest.h>

#include <stdexcept>

#include "surveys/questions.h"

using namespace trellis::surveys;
using trellis::people::StaffGroup;

namespace {

Question asked(QuestionKind kind) {
    Question question;
    question.id = 7;
    question.kind = kind;
    question.prompt = "A question";
    question.options = {{"Red", 0}, {"Green", 0}, {"Blue", 0}};
    question.rows = {"One", "Two"};
    question.scale = {"Low", "Middle", "High"};
    return question;
}

Answer answered(QuestionKind kind, std::vector<std::string> values) {
    return answer_from(asked(kind), TypedAnswer{std::move(values)});
}

} // namespace

TEST(SurveyQuestion, a_choice_needs_two_options_and_a_grid_a_statement) {
    QuestionForm form{"single", "Which?", "", "Only one\n", "", "", {}, ""};
    EXPECT_THROW(question_from(form, {}), std::invalid_argument);
    form.options = "Yes\n  \nNo\n";
    const Question question = question_from(form, {});
    ASSERT_EQ(question.options.size(), 2u);
    EXPECT_EQ(question.options[1].label, "No");

    QuestionForm grid{"grid", "How confident?", "", "", "", "", {"support"}, ""};
    EXPECT_THROW(question_from(grid, {}), std::invalid_argument);
    grid.rows = "Reading aloud\nPhonics";
    const Question made = question_from(grid, {});
    EXPECT_EQ(made.scale, default_scale()); // an empty scale takes the default
    EXPECT_TRUE(made.asked_of(StaffGroup::Support));
    EXPECT_FALSE(made.asked_of(StaffGroup::Teacher));
}

TEST(SurveyQuestion, refuses_an_unknown_kind_group_or_priority) {
    EXPECT_THROW(question_from({"essay", "Why?", "", "", "", "", {}, ""}, {}), std::invalid_argument);
    EXPECT_THROW(question_from({"text", "Why?", "", "", "", "", {"governor"}, ""}, {}),
                 std::invalid_argument);
    EXPECT_THROW(question_from({"text", "Why?", "", "", "", "", {}, "9"}, {1, 2}), std::invalid_argument);
    EXPECT_EQ(question_from({"text", "Why?", "", "", "", "", {}, "2"}, {1, 2}).priority_id, 2);
    EXPECT_THROW(question_from({"text", "  ", "", "", "", "", {}, ""}, {}), std::invalid_argument);
}

TEST(SurveyAnswer, single_choice_and_rating_take_one_index_in_range) {
    EXPECT_EQ(answered(QuestionKind::Single, {"2"}).picks, std::vector<int>{2});
    EXPECT_EQ(answered(QuestionKind::Rating, {"0"}).picks, std::vector<int>{0});
    EXPECT_TRUE(answered(QuestionKind::Single, {""}).empty());
    EXPECT_THROW(answered(QuestionKind::Single, {"3"}), std::invalid_argument);
    EXPECT_THROW(answered(QuestionKind::Rating, {"-1"}), std::invalid_argument);
    EXPECT_THROW(answered(QuestionKind::Rating, {"1x"}), std::invalid_argument);
}

TEST(SurveyAnswer, multiple_choice_keeps_each_option_once_in_order) {
    EXPECT_EQ(answered(QuestionKind::Multiple, {"2", "0", "2"}).picks, (std::vector<int>{0, 2}));
    EXPECT_THROW(answered(QuestionKind::Multiple, {"0", "5"}), std::invalid_argument);
}

TEST(SurveyAnswer, a_ranking_lists_options_by_rank_without_gaps_or_repeats) {
    // Ranks typed beside Red, Green and Blue.
    EXPECT_EQ(answered(QuestionKind::Rank, {"2", "", "1"}).picks, (std::vector<int>{2, 0}));
    EXPECT_THROW(answered(QuestionKind::Rank, {"1", "1", ""}), std::invalid_argument);
    EXPECT_THROW(answered(QuestionKind::Rank, {"1", "3", ""}), std::invalid_argument);
    EXPECT_THROW(answered(QuestionKind::Rank, {"0", "", ""}), std::invalid_argument);
    EXPECT_TRUE(answered(QuestionKind::Rank, {"", "", ""}).empty());
}

TEST(SurveyAnswer, a_grid_keeps_a_point_per_statement_and_marks_skipped_ones) {
    EXPECT_EQ(answered(QuestionKind::Grid, {"", "2"}).picks, (std::vector<int>{-1, 2}));
    EXPECT_TRUE(answered(QuestionKind::Grid, {"", ""}).empty());
    EXPECT_THROW(answered(QuestionKind::Grid, {"3", ""}), std::invalid_argument);
}

TEST(SurveyAnswer, free_text_is_trimmed_and_bounded) {
    EXPECT_EQ(answered(QuestionKind::Text, {"  More time to plan  "}).text, "More time to plan");
    EXPECT_THROW(answered(QuestionKind::Text, {std::string(4001, 'a')}), std::invalid_argument);
}

TEST(SurveyAnswer, picks_are_stored_as_text_and_read_back) {
    EXPECT_EQ(text_of_picks({2, -1, 0}), "2,-1,0");
    EXPECT_EQ(picks_from_text("2,-1,0"), (std::vector<int>{2, -1, 0}));
    EXPECT_TRUE(picks_from_text("").empty());
}
