// The clock a test or a demonstration sets with TRELLIS_TODAY: it moves the London day by whole days
// and keeps the time of day, whatever the real time of day and whichever side of summer time.
#include <gtest/gtest.h>

#include "calendar/clock.h"

using trellis::calendar::Clock;

namespace {

// 23:30 on Friday 4 December 2026 in London (GMT).
long long late_on_a_winter_evening() {
    return 1796427000;
}
// 09:30 BST on Sunday 28 March 2027, the first morning of summer time (08:30 GMT).
long long early_on_the_first_summer_morning() {
    return 1806222600;
}

} // namespace

TEST(Clock, a_summer_day_set_late_on_a_winter_evening_stays_that_day) {
    const Clock clock("2027-06-15", late_on_a_winter_evening);
    EXPECT_EQ(clock.today(), "2027-06-15");
    EXPECT_EQ(clock.now(), "2027-06-15 23:30");
}

TEST(Clock, a_winter_day_set_on_a_summer_morning_stays_that_day) {
    const Clock clock("2027-01-10", early_on_the_first_summer_morning);
    EXPECT_EQ(clock.today(), "2027-01-10");
    EXPECT_EQ(clock.now(), "2027-01-10 09:30");
}

TEST(Clock, with_no_day_set_it_reads_the_london_day) {
    EXPECT_EQ(Clock("", late_on_a_winter_evening).today(), "2026-12-04");
    EXPECT_EQ(Clock("", early_on_the_first_summer_morning).now(), "2027-03-28 09:30");
}

TEST(Clock, seconds_move_by_the_same_whole_days) {
    const Clock clock("2026-12-06", late_on_a_winter_evening);
    EXPECT_EQ(clock.seconds() - late_on_a_winter_evening(), 2 * 24 * 60 * 60);
}

TEST(Clock, a_day_that_is_not_a_date_is_refused) {
    EXPECT_THROW(Clock("2027-02-30x"), std::invalid_argument);
}
