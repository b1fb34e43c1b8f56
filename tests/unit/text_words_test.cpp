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

TEST(LinesOf, keeps_each_non_blank_line_trimmed_in_order) {
    EXPECT_EQ(lines_of("  Hall \r\n\n\t\nLibrary\n  Room 4"),
              (std::vector<std::string>{"Hall", "Library", "Room 4"}));
    EXPECT_TRUE(lines_of("").empty());
    EXPECT_TRUE(lines_of(" \n \r\n").empty());
    EXPECT_EQ(lines_of("one"), std::vector<std::string>{"one"});
}

} // namespace trellis::text
