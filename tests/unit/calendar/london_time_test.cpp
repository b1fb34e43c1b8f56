#include <gtest/gtest.h>

#include "calendar/london_time.h"

using trellis::calendar::london_moment;
using trellis::calendar::shifted_moment;

// 2026-03-29 is the last Sunday of March: clocks go forward at 01:00 GMT.
TEST(LondonTime, is_gmt_in_winter_and_an_hour_ahead_in_summer) {
    EXPECT_EQ(london_moment(1767225600), "2026-01-01 00:00"); // 2026-01-01 00:00 UTC
    EXPECT_EQ(london_moment(1774745999), "2026-03-29 00:59"); // 00:59:59 UTC, still GMT
    EXPECT_EQ(london_moment(1774746000), "2026-03-29 02:00"); // 01:00 UTC, now BST
    EXPECT_EQ(london_moment(1792890000), "2026-10-25 01:00"); // 2026-10-25 01:00 UTC: back to GMT
    EXPECT_EQ(london_moment(1792889999), "2026-10-25 01:59"); // a second before, still BST
}

TEST(LondonTime, shifts_a_local_moment_across_midnight) {
    EXPECT_EQ(shifted_moment("2027-01-14", "15:45", -15), "2027-01-14 15:30");
    EXPECT_EQ(shifted_moment("2027-01-14", "00:10", -15), "2027-01-13 23:55");
}
