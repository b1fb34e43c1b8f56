// Leaders and staff side by side: the mean point each side gave to each statement of a grid both
// were asked, the widest gap first; a side of fewer than 5 hides both.
#include <gtest/gtest.h>

#include "surveys/side_by_side.h"

using namespace trellis::surveys;
using trellis::people::StaffGroup;

namespace {

Question culture_grid() {
    Question question;
    question.id = 7;
    question.kind = QuestionKind::Grid;
    question.prompt = "How far do you agree?";
    question.rows = {"Staff have time to learn", "Leaders learn alongside staff"};
    question.scale = {"Strongly disagree", "Disagree", "Neither", "Agree", "Strongly agree"};
    return question;
}

Response response(StaffGroup group, std::vector<int> picks, long long school = 1) {
    Response made;
    made.respondent = {school, "School", group, "primary"};
    made.answers[7] = Answer{7, std::move(picks), ""};
    return made;
}

} // namespace

TEST(SideBySide, each_statement_gets_both_sides_means_widest_gap_first) {
    std::vector<Response> responses;
    for (int i = 0; i < 5; ++i)
        responses.push_back(response(StaffGroup::Leader, {4, 2})); // 5 and 3
    for (int i = 0; i < 6; ++i)
        responses.push_back(response(i % 2 ? StaffGroup::Support : StaffGroup::Teacher, {1, 2})); // 2 and 3
    const auto comparisons = side_by_side({culture_grid()}, responses, 5);
    ASSERT_EQ(comparisons.size(), 1u);
    const SideBySide& culture = comparisons[0];
    EXPECT_EQ(culture.leaders, 5);
    EXPECT_EQ(culture.staff, 6);
    ASSERT_EQ(culture.rows.size(), 2u);
    EXPECT_EQ(culture.rows[0].statement, "Staff have time to learn");
    EXPECT_NEAR(*culture.rows[0].leaders, 5.0, 1e-9);
    EXPECT_NEAR(*culture.rows[0].staff, 2.0, 1e-9);
    EXPECT_NEAR(*culture.rows[0].gap, 3.0, 1e-9);
    EXPECT_NEAR(*culture.rows[1].gap, 0.0, 1e-9);
}

TEST(SideBySide, fewer_than_five_on_either_side_hides_both) {
    std::vector<Response> responses;
    for (int i = 0; i < 4; ++i)
        responses.push_back(response(StaffGroup::Leader, {4, 4}));
    for (int i = 0; i < 20; ++i)
        responses.push_back(response(StaffGroup::Teacher, {1, 1}));
    const auto culture = side_by_side({culture_grid()}, responses, 5).at(0);
    EXPECT_TRUE(culture.leaders_hidden);
    EXPECT_TRUE(culture.staff_hidden);
    EXPECT_FALSE(culture.rows[0].leaders.has_value());
    EXPECT_FALSE(culture.rows[0].staff.has_value());
}

TEST(SideBySide, only_grids_asked_of_leaders_and_others_are_compared) {
    Question leaders_only = culture_grid();
    leaders_only.groups = {StaffGroup::Leader};
    EXPECT_TRUE(side_by_side({leaders_only}, {}, 5).empty());
    // A school narrows both sides.
    std::vector<Response> responses;
    for (int i = 0; i < 5; ++i) {
        responses.push_back(response(StaffGroup::Leader, {4, 4}, 1));
        responses.push_back(response(StaffGroup::Teacher, {0, 0}, 1));
        responses.push_back(response(StaffGroup::Teacher, {4, 4}, 2));
    }
    const auto school = side_by_side({culture_grid()}, responses, 5, 1).at(0);
    EXPECT_EQ(school.staff, 5);
    EXPECT_NEAR(*school.rows[0].staff, 1.0, 1e-9);
}
