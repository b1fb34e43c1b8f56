// Level 2 of an impact plan: the same confidence grid before and after, each statement's means in the
// view, and the mean change of the people whose answers share a match key; nothing about fewer than 5.
#include <gtest/gtest.h>

#include "impact/measures.h"

using namespace trellis::impact;
namespace surveys = trellis::surveys;
using trellis::people::StaffGroup;

namespace {

surveys::Question grid(long long id) {
    surveys::Question question;
    question.id = id;
    question.kind = surveys::QuestionKind::Grid;
    question.rows = {"Planning questions", "Using wait time"};
    question.scale = {"1", "2", "3", "4", "5"};
    return question;
}

surveys::Response answered(long long question, std::vector<int> picks, std::string key,
                           long long school = 1) {
    surveys::Response response;
    response.respondent = {school, "School", StaffGroup::Teacher, "primary"};
    response.answers[question] = surveys::Answer{question, std::move(picks), ""};
    response.match_key = std::move(key);
    return response;
}

} // namespace

TEST(ImpactLearning, matched_people_give_the_change_and_everyone_the_means) {
    std::vector<surveys::Response> before, after;
    for (int i = 0; i < 6; ++i) {
        before.push_back(answered(1, {1, 2}, "k" + std::to_string(i)));
        after.push_back(answered(2, {3, 2}, "k" + std::to_string(i)));
    }
    before.push_back(answered(1, {0, 0}, "")); // never matched: no code
    const Learning learning = learning_of(grid(1), before, grid(2), after, surveys::Filter{}, 5);
    EXPECT_EQ(learning.before_answers, 7);
    EXPECT_EQ(learning.after_answers, 6);
    EXPECT_EQ(learning.matched, 6);
    EXPECT_FALSE(learning.hidden);
    EXPECT_FALSE(learning.change_hidden);
    EXPECT_NEAR(*learning.rows[0].before, (6 * 2 + 1) / 7.0, 1e-9);
    EXPECT_NEAR(*learning.rows[0].after, 4.0, 1e-9);
    EXPECT_NEAR(*learning.rows[0].change, 2.0, 1e-9);
    EXPECT_NEAR(*learning.rows[1].change, 0.0, 1e-9);
}

TEST(ImpactLearning, fewer_than_five_matched_hides_the_change_and_a_small_view_hides_everything) {
    std::vector<surveys::Response> before, after;
    for (int i = 0; i < 6; ++i) {
        before.push_back(answered(1, {1, 2}, i < 4 ? "k" + std::to_string(i) : "", i < 3 ? 1 : 2));
        after.push_back(answered(2, {3, 2}, i < 4 ? "k" + std::to_string(i) : "", i < 3 ? 1 : 2));
    }
    const Learning all = learning_of(grid(1), before, grid(2), after, surveys::Filter{}, 5);
    EXPECT_EQ(all.matched, 4);
    EXPECT_FALSE(all.hidden);
    EXPECT_TRUE(all.change_hidden);
    EXPECT_FALSE(all.rows[0].change.has_value());
    surveys::Filter school;
    school.school_id = 1;
    const Learning small = learning_of(grid(1), before, grid(2), after, school, 5);
    EXPECT_TRUE(small.hidden);
    EXPECT_FALSE(small.rows[0].before.has_value());
}

TEST(ImpactTerms, a_school_year_has_three_terms) {
    const auto terms = terms_of_year(2026);
    ASSERT_EQ(terms.size(), 3u);
    EXPECT_EQ(terms[0].key, "2026-autumn");
    EXPECT_EQ(terms[2].label, "Summer 2027");
    EXPECT_EQ(term_label("2027-spring"), "Spring 2027");
    EXPECT_EQ(term_label("2027-winter"), "");
    EXPECT_EQ(term_label("x"), "");
}
