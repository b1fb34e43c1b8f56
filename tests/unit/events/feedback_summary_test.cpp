#include <gtest/gtest.h>

#include "events/feedback_service.h"

using namespace trellis::events;

TEST(FeedbackSummary, counts_each_rating_and_takes_the_mean) {
    const std::vector<FeedbackResponse> responses = {
        {7, 5, "Used it the next day", "Oakfield Academy", trellis::people::StaffGroup::Teacher},
        {7, 2, "", "Meadowbank Primary School", trellis::people::StaffGroup::Support},
        {7, 4, "Too short", "Oakfield Academy", trellis::people::StaffGroup::Teacher},
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
                                            {{1, 0, "", "", trellis::people::StaffGroup::Teacher},
                                             {1, 6, "", "", trellis::people::StaffGroup::Teacher},
                                             {1, 3, "", "", trellis::people::StaffGroup::Teacher}});
    EXPECT_EQ(summary.responses, 1);
    EXPECT_EQ(summary.mean, 3);
}
