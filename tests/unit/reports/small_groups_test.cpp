#include <gtest/gtest.h>

#include "reports/small_groups.h"

namespace trellis::reports {
namespace {

TEST(SmallGroups, LargeGroupsAreAllShown) {
    const HiddenParts hidden = hide_small_groups({{10, 8}, {6, 20}}, 5);
    EXPECT_FALSE(hidden.cell(0, 0) || hidden.cell(0, 1) || hidden.cell(1, 0) || hidden.cell(1, 1));
    EXPECT_FALSE(hidden.row_totals[0] || hidden.row_totals[1]);
    EXPECT_FALSE(hidden.total);
}

TEST(SmallGroups, AGroupUnderFiveIsHiddenWithAnotherInItsRowAndColumn) {
    // School A: 3 teaching assistants beside 12 teachers and 9 leaders. Hiding the 3 alone would
    // leave it as the school's 24 minus 12 and 9.
    const HiddenParts hidden = hide_small_groups({{12, 3, 9}, {20, 15, 7}}, 5);
    EXPECT_TRUE(hidden.cell(0, 1));
    EXPECT_TRUE(hidden.cell(0, 2)) << "the smallest other group in the school's row";
    EXPECT_FALSE(hidden.cell(0, 0));
    EXPECT_FALSE(hidden.row_totals[0]);
    // Each column now has one hidden cell, so the other school's cells in them go too.
    EXPECT_TRUE(hidden.cell(1, 1));
    EXPECT_TRUE(hidden.cell(1, 2));
    EXPECT_FALSE(hidden.cell(1, 0));
}

TEST(SmallGroups, NoHiddenFigureCanBeWorkedOutFromItsLine) {
    const std::vector<std::vector<int>> people{{12, 3, 9, 0}, {20, 15, 7, 6}, {5, 5, 1, 8}};
    const HiddenParts hidden = hide_small_groups(people, 5);
    for (std::size_t row = 0; row < people.size(); ++row) {
        int hidden_in_row = hidden.row_totals[row] ? 1 : 0;
        for (std::size_t column = 0; column < people[row].size(); ++column)
            hidden_in_row += hidden.cell(row, column) ? 1 : 0;
        EXPECT_NE(hidden_in_row, 1) << "row " << row;
    }
    for (std::size_t column = 0; column < people[0].size(); ++column) {
        int hidden_in_column = hidden.column_totals[column] ? 1 : 0;
        for (std::size_t row = 0; row < people.size(); ++row)
            hidden_in_column += hidden.cell(row, column) ? 1 : 0;
        EXPECT_NE(hidden_in_column, 1) << "column " << column;
    }
    for (std::size_t row = 0; row < people.size(); ++row)
        for (std::size_t column = 0; column < people[row].size(); ++column)
            if (too_small(people[row][column], 5))
                EXPECT_TRUE(hidden.cell(row, column));
}

TEST(SmallGroups, ASmallWholeIsHiddenAndNobodyIsNotAGroup) {
    const HiddenParts hidden = hide_small_groups({{2, 0}}, 5);
    EXPECT_TRUE(hidden.cell(0, 0));
    EXPECT_FALSE(hidden.cell(0, 1)) << "an empty cell says nothing about anyone";
    EXPECT_TRUE(hidden.row_totals[0]);
    EXPECT_TRUE(hidden.total);
    EXPECT_FALSE(too_small(0, 5));
    EXPECT_TRUE(too_small(4, 5));
    EXPECT_FALSE(too_small(5, 5));
    EXPECT_TRUE(too_small(5, 6));
}

} // namespace
} // namespace trellis::reports
