#include <gtest/gtest.h>

#include <stdexcept>

#include "feedback/ratings.h"

using namespace trellis::feedback;
using trellis::people::StaffGroup;

TEST(FeedbackSummary, counts_each_rating_and_takes_the_mean) {
    const std::vector<Response> responses = {
        {7, 5, "Used it the next day", "Oakfield Academy", StaffGroup::Teacher},
        {7, 2, "", "Meadowbank Primary School", StaffGroup::Support},
        {7, 4, "Too short", "Oakfield Academy", StaffGroup::Teacher},
    };
    const RatingSummary summary = summarise("Questioning", 7, responses);
    EXPECT_EQ(summary.responses, 3);
    EXPECT_NEAR(summary.mean, 11.0 / 3, 1e-9);
    EXPECT_EQ(summary.counts[0], 0);
    EXPECT_EQ(summary.counts[1], 1);
    EXPECT_EQ(summary.counts[3], 1);
    EXPECT_EQ(summary.counts[4], 1);
    EXPECT_EQ(summary.comments, (std::vector<std::string>{"Used it the next day", "Too short"}));
}

TEST(FeedbackSummary, no_responses_give_a_mean_of_nothing) {
    const RatingSummary summary = summarise("Empty", 3, {});
    EXPECT_EQ(summary.responses, 0);
    EXPECT_EQ(summary.mean, 0);
}

TEST(FeedbackSummary, ignores_ratings_outside_one_to_five) {
    const RatingSummary summary = summarise("Odd", 1,
                                            {{1, 0, "", "", StaffGroup::Teacher},
                                             {1, 6, "", "", StaffGroup::Teacher},
                                             {1, 3, "", "", StaffGroup::Teacher}});
    EXPECT_EQ(summary.responses, 1);
    EXPECT_EQ(summary.mean, 3);
}

TEST(FeedbackAnswers, keep_what_was_rated_and_leave_out_blanks) {
    const std::vector<Item> items = {{4, "Questioning"}, {0, "The day as a whole"}};
    const auto answers = answers_from(items, {{4, " 4 ", " Useful "}, {0, "", ""}});
    ASSERT_EQ(answers.size(), 1u);
    EXPECT_EQ(answers[0].item_id, 4);
    EXPECT_EQ(answers[0].rating, 4);
    EXPECT_EQ(answers[0].comment, "Useful");
}

TEST(FeedbackAnswers, refuse_what_breaks_a_rule) {
    const std::vector<Item> items = {{4, "Questioning"}};
    EXPECT_THROW(answers_from(items, {{4, "6", ""}}), std::invalid_argument);
    EXPECT_THROW(answers_from(items, {{4, "", "A comment without a rating"}}), std::invalid_argument);
    EXPECT_THROW(answers_from(items, {{9, "3", ""}}), std::invalid_argument); // not something they attended
    EXPECT_THROW(answers_from(items, {{4, "", ""}}), std::invalid_argument);  // nothing answered
    EXPECT_THROW(answers_from(items, {{4, "3", std::string(2001, 'x')}}), std::invalid_argument);
}

TEST(FeedbackAnswers, questions_carry_earlier_answers) {
    const auto questions = questions_of({{4, "Questioning"}, {0, "The day"}}, {{0, 5, "Great"}});
    ASSERT_EQ(questions.size(), 2u);
    EXPECT_FALSE(questions[0].answer.has_value());
    ASSERT_TRUE(questions[1].answer.has_value());
    EXPECT_EQ(questions[1].answer->rating, 5);
}

// Six answers from Oakfield and two from Meadowbank: Meadowbank is too small to show, and since a
// reader could work it out from the whole, the next smallest group is hidden too.
TEST(FeedbackGroups, hide_a_small_school_and_the_one_it_could_be_worked_out_from) {
    std::vector<Response> responses;
    for (int i = 0; i < 6; ++i)
        responses.push_back({7, 4, "", "Oakfield Academy", StaffGroup::Teacher});
    for (int i = 0; i < 2; ++i)
        responses.push_back({7, 1, "", "Meadowbank Primary School", StaffGroup::Teacher});
    for (int i = 0; i < 7; ++i)
        responses.push_back({7, 3, "", "Ashby Secondary", StaffGroup::Teacher});
    responses.push_back({0, 5, "", "Meadowbank Primary School", StaffGroup::Teacher}); // the day: left out
    const auto schools = by_school(responses, 5);
    ASSERT_EQ(schools.size(), 3u);
    EXPECT_EQ(schools[0].label, "Ashby Secondary");
    EXPECT_FALSE(schools[0].hidden);
    EXPECT_EQ(schools[0].responses, 7);
    EXPECT_EQ(schools[1].label, "Meadowbank Primary School");
    EXPECT_TRUE(schools[1].hidden);
    EXPECT_EQ(schools[1].responses, 0);
    EXPECT_EQ(schools[1].mean, 0);
    EXPECT_EQ(schools[2].label, "Oakfield Academy");
    EXPECT_TRUE(schools[2].hidden);
}

TEST(FeedbackGroups, show_every_group_when_all_are_large_enough) {
    std::vector<Response> responses;
    for (int i = 0; i < 5; ++i) {
        responses.push_back({7, 4, "a comment", "Oakfield Academy", StaffGroup::Teacher});
        responses.push_back({7, 2, "", "Oakfield Academy", StaffGroup::Support});
    }
    const auto groups = by_staff_group(responses, 5);
    ASSERT_EQ(groups.size(), 2u);
    for (const RatingSummary& group : groups) {
        EXPECT_FALSE(group.hidden);
        EXPECT_EQ(group.responses, 5);
        EXPECT_TRUE(group.comments.empty()); // comments are read per item, never per group
    }
}
