// Stored dates written as people read them.
#include <gtest/gtest.h>

#include "text/dates.h"

namespace trellis::text {

TEST(Dates, a_stored_date_reads_as_people_write_it) {
    EXPECT_EQ(long_date("2027-03-05"), "Friday 5 March 2027");
    EXPECT_EQ(long_date("2026-11-20"), "Friday 20 November 2026");
    EXPECT_EQ(month_of("2026-11-20"), "November 2026");
    EXPECT_EQ(formatted_date("2026-11-02", "%a %e"), "Mon 2");
    EXPECT_EQ(formatted_date("2026-11-20", "%a %e"), "Fri 20");
}

TEST(Dates, text_that_is_not_a_date_is_left_as_it_is) {
    EXPECT_EQ(long_date("soon"), "soon");
    EXPECT_EQ(month_of(""), "");
}

} // namespace trellis::text
