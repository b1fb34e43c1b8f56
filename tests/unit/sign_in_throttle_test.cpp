#include <gtest/gtest.h>

#include "accounts/sign_in_throttle.h"

using trellis::accounts::SignInThrottle;

TEST(SignInThrottle, blocks_an_account_after_five_failures_and_not_before) {
    SignInThrottle throttle;
    for (int i = 0; i < 4; ++i) {
        throttle.record_failure("a@school.example", "10.0.0.1");
        EXPECT_EQ(throttle.seconds_to_wait("a@school.example", "10.0.0.1"), 0);
    }
    throttle.record_failure("a@school.example", "10.0.0.1");
    EXPECT_GE(throttle.seconds_to_wait("a@school.example", "10.0.0.1"), 29);
    EXPECT_GE(throttle.seconds_to_wait("a@school.example", "10.0.0.2"), 29);
    EXPECT_EQ(throttle.seconds_to_wait("b@school.example", "10.0.0.1"), 0);
}

TEST(SignInThrottle, blocks_an_address_that_tries_many_accounts) {
    SignInThrottle throttle;
    for (int i = 0; i < 50; ++i)
        throttle.record_failure("person" + std::to_string(i) + "@school.example", "10.0.0.9");
    EXPECT_GT(throttle.seconds_to_wait("new@school.example", "10.0.0.9"), 0);
    EXPECT_EQ(throttle.seconds_to_wait("new@school.example", "10.0.0.8"), 0);
}

TEST(SignInThrottle, success_clears_the_accounts_failures) {
    SignInThrottle throttle;
    for (int i = 0; i < 4; ++i)
        throttle.record_failure("a@school.example", "10.0.0.1");
    throttle.record_success("a@school.example");
    throttle.record_failure("a@school.example", "10.0.0.1");
    EXPECT_EQ(throttle.seconds_to_wait("a@school.example", "10.0.0.1"), 0);
}
