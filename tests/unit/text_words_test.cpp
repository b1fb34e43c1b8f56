// Counts in words: singular for exactly one, plural otherwise, zero included.
#include <gtest/gtest.h>

#include "text/words.h"

namespace trellis::text {

TEST(Counted, is_singular_for_one_and_plural_for_any_other_count) {
    EXPECT_EQ(counted(1, "reserve", "reserves"), "1 reserve");
    EXPECT_EQ(counted(2, "reserve", "reserves"), "2 reserves");
    EXPECT_EQ(counted(0, "file", "files"), "0 files");
    EXPECT_EQ(counted(1, "person", "people"), "1 person");
    EXPECT_EQ(counted(435, "person", "people"), "435 people");
}

} // namespace trellis::text
