// Survey results never point at a person: small views are withheld, and so is any view that a
// larger one minus its shown neighbours would give away.
#include <gtest/gtest.h>

#include "surveys/results.h"

using namespace trellis::surveys;
using trellis::people::StaffGroup;

namespace {

// `count` respondents at a school in a staff group, each choosing scale point `point` (0: the lowest)
// on question 1.
void add(std::vector<Response>& responses, long long school, StaffGroup group, int count, int point,
         const std::string& phase = "primary") {
    for (int i = 0; i < count; ++i) {
        Response response;
        response.respondent = {school, "School " + std::to_string(school), group, phase};
        response.answers[1] = Answer{1, {point}, ""};
        if (i % 2 == 0)
            response.answers[2] = Answer{2, {}, "Comment from group " + std::to_string(int(group))};
        responses.push_back(response);
    }
}

std::vector<Question> questions() {
    Question rating;
    rating.id = 1;
    rating.kind = QuestionKind::Rating;
    rating.scale = {"1", "2", "3", "4", "5"};
    Question text;
    text.id = 2;
    text.kind = QuestionKind::Text;
    return {rating, text};
}

std::vector<Respondent> respondents(const std::vector<Response>& responses) {
    std::vector<Respondent> all;
    for (const auto& response : responses)
        all.push_back(response.respondent);
    return all;
}

Filter school_and_group(long long school, std::optional<StaffGroup> group) {
    Filter filter;
    filter.school_id = school;
    filter.staff_group = group;
    return filter;
}

} // namespace

TEST(SurveyResults, a_view_of_fewer_than_five_is_withheld_with_its_comments) {
    std::vector<Response> responses;
    add(responses, 1, StaffGroup::Teacher, 12, 4);
    add(responses, 1, StaffGroup::Support, 3, 1);
    const Results small = results_of(questions(), responses, school_and_group(1, StaffGroup::Support), 5);
    EXPECT_TRUE(small.hidden);
    for (const auto& question : small.questions) {
        EXPECT_TRUE(question.hidden);
        EXPECT_TRUE(question.tallies.empty());
        EXPECT_TRUE(question.texts.empty());
    }
    const Results all = results_of(questions(), responses, Filter{}, 5);
    ASSERT_FALSE(all.hidden);
    EXPECT_EQ(all.responses, 15);
    EXPECT_EQ(all.questions[0].tallies[4].count, 12);
    EXPECT_EQ(all.questions[0].tallies[1].count, 3);
    EXPECT_NEAR(*all.questions[0].mean, (12 * 5 + 3 * 2) / 15.0, 1e-9); // the mean point counts from 1
}

TEST(SurveyResults, a_school_minus_its_shown_groups_never_leaves_a_small_group) {
    // School 1: 20 teachers, 8 leaders, 3 support staff. Showing the school and the teachers and the
    // leaders would give away the three support staff by subtraction, so the leaders are withheld too.
    std::vector<Response> responses;
    add(responses, 1, StaffGroup::Teacher, 20, 4);
    add(responses, 1, StaffGroup::Leader, 8, 5);
    add(responses, 1, StaffGroup::Support, 3, 1);
    add(responses, 2, StaffGroup::Support, 9, 2);
    const auto all = respondents(responses);
    EXPECT_TRUE(view_allowed(all, school_and_group(1, std::nullopt), 5));
    EXPECT_TRUE(view_allowed(all, school_and_group(1, StaffGroup::Teacher), 5));
    EXPECT_FALSE(view_allowed(all, school_and_group(1, StaffGroup::Support), 5));
    EXPECT_FALSE(view_allowed(all, school_and_group(1, StaffGroup::Leader), 5));
    // Every staff group across the trust minus the other school's would give the same away: support
    // staff at school 2 are withheld as well (9 + 3 = 12 support staff, 9 at school 2).
    Filter support;
    support.staff_group = StaffGroup::Support;
    EXPECT_TRUE(view_allowed(all, support, 5));
    EXPECT_FALSE(view_allowed(all, school_and_group(2, StaffGroup::Support), 5));
}

TEST(SurveyResults, withheld_neighbours_add_up_to_at_least_five) {
    // Two small groups of two each would add up to four: a third group is withheld beside them.
    std::vector<Response> responses;
    add(responses, 1, StaffGroup::Teacher, 30, 3);
    add(responses, 1, StaffGroup::Ect, 6, 3);
    add(responses, 1, StaffGroup::Support, 2, 3);
    add(responses, 1, StaffGroup::Leader, 2, 3);
    const auto all = respondents(responses);
    EXPECT_FALSE(view_allowed(all, school_and_group(1, StaffGroup::Ect), 5));
    EXPECT_TRUE(view_allowed(all, school_and_group(1, StaffGroup::Teacher), 5));
}

TEST(SurveyResults, a_ranking_scores_places_and_counts_firsts) {
    Question rank;
    rank.id = 3;
    rank.kind = QuestionKind::Rank;
    rank.options = {{"A", 0}, {"B", 0}, {"C", 0}};
    std::vector<Response> responses;
    for (int i = 0; i < 6; ++i) {
        Response response;
        response.respondent = {1, "School", StaffGroup::Teacher, "primary"};
        response.answers[3] = Answer{3, i < 4 ? std::vector<int>{1, 0} : std::vector<int>{2}, ""};
        responses.push_back(response);
    }
    const auto result = results_of({rank}, responses, Filter{}, 5).questions[0];
    ASSERT_FALSE(result.hidden);
    EXPECT_EQ(result.tallies[1].count, 4); // B first four times
    EXPECT_EQ(result.tallies[2].count, 2);
    EXPECT_NEAR(result.scores[1], 4 * 3 / 6.0, 1e-9);
    EXPECT_NEAR(result.scores[0], 4 * 2 / 6.0, 1e-9);
}

TEST(SurveyResults, the_csv_of_a_withheld_view_has_no_figures) {
    std::vector<Response> responses;
    add(responses, 1, StaffGroup::Support, 3, 1);
    const std::string csv = csv_of(results_of(questions(), responses, Filter{}, 5), "Everyone");
    EXPECT_NE(csv.find("fewer than 5 answers"), std::string::npos);
    EXPECT_EQ(csv.find(",3,"), std::string::npos);
}
