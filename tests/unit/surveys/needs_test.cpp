// From needs to priorities: tagged options and questions give each priority a need between 0 and 1,
// and a view too small to show gives none.
#include <gtest/gtest.h>

#include "surveys/needs.h"

using namespace trellis::surveys;
using trellis::people::StaffGroup;

namespace {

Question choice() {
    Question question;
    question.id = 1;
    question.kind = QuestionKind::Multiple;
    question.options = {{"Behaviour", 10}, {"Reading", 20}, {"Parking", 0}};
    return question;
}

Response response(StaffGroup group, std::vector<int> picks) {
    Response made;
    made.respondent = {1, "School", group, "primary"};
    made.answers[1] = Answer{1, std::move(picks), ""};
    return made;
}

} // namespace

TEST(SurveyNeeds, a_tagged_option_counts_the_share_who_chose_it) {
    std::vector<Response> responses;
    for (int i = 0; i < 6; ++i)
        responses.push_back(
            response(StaffGroup::Support, i < 3 ? std::vector<int>{0, 2} : std::vector<int>{0}));
    for (int i = 0; i < 6; ++i)
        responses.push_back(response(StaffGroup::Teacher, {1}));
    const auto needs = needs_in({choice()}, responses, Filter{});
    EXPECT_NEAR(needs.at(10), 0.5, 1e-9);
    EXPECT_NEAR(needs.at(20), 0.5, 1e-9);
    const NeedTable table = needs_by(
        {choice()}, responses, {10, 20},
        {{"Support", Filter{-1, StaffGroup::Support, ""}}, {"Leaders", Filter{-1, StaffGroup::Leader, ""}}},
        5);
    EXPECT_NEAR(*table.cells[0][0], 1.0, 1e-9); // every support answer names behaviour
    EXPECT_NEAR(*table.cells[1][0], 0.0, 1e-9);
    EXPECT_FALSE(table.hidden[0]);
    const auto untagged = popular_untagged({choice()}, responses, 3, 5);
    ASSERT_EQ(untagged.size(), 1u);
    EXPECT_EQ(untagged[0].label, "Parking");
    EXPECT_NEAR(untagged[0].share, 0.25, 1e-9);
}

TEST(SurveyNeeds, a_small_view_gives_no_need) {
    std::vector<Response> responses;
    for (int i = 0; i < 3; ++i)
        responses.push_back(response(StaffGroup::Support, {0}));
    for (int i = 0; i < 9; ++i)
        responses.push_back(response(StaffGroup::Teacher, {1}));
    const NeedTable table =
        needs_by({choice()}, responses, {10}, {{"Support", Filter{-1, StaffGroup::Support, ""}}}, 5);
    EXPECT_TRUE(table.hidden[0]);
    EXPECT_FALSE(table.cells[0][0].has_value());
}

TEST(SurveyNeeds, a_low_rating_on_a_tagged_question_is_need) {
    Question grid;
    grid.id = 2;
    grid.kind = QuestionKind::Grid;
    grid.rows = {"One", "Two"};
    grid.scale = {"1", "2", "3", "4"};
    grid.priority_id = 30;
    std::vector<Response> responses;
    for (int i = 0; i < 5; ++i) {
        Response made;
        made.respondent = {1, "School", StaffGroup::Teacher, "primary"};
        made.answers[2] = Answer{2, {0, 3}, ""}; // one low, one high
        responses.push_back(made);
    }
    EXPECT_NEAR(needs_in({grid}, responses, Filter{}).at(30), 0.5, 1e-9);
}
