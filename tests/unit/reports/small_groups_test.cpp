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

// For every line of the table (each row and column with its total, and the totals with the grand
// total), the figures a reader could work out from what is shown: hidden parts beside a shown total
// add up to nobody or to at least `smallest`.
void expect_no_small_group_by_subtraction(const std::vector<std::vector<int>>& people,
                                          const HiddenParts& hidden, int smallest) {
    const std::size_t rows = people.size(), columns = people[0].size();
    std::vector<int> row_sums(rows, 0), column_sums(columns, 0);
    for (std::size_t row = 0; row < rows; ++row)
        for (std::size_t column = 0; column < columns; ++column) {
            row_sums[row] += people[row][column];
            column_sums[column] += people[row][column];
        }
    for (std::size_t row = 0; row < rows; ++row) {
        int withheld = 0;
        for (std::size_t column = 0; column < columns; ++column)
            withheld += hidden.cell(row, column) ? people[row][column] : 0;
        if (!hidden.row_totals[row])
            EXPECT_FALSE(too_small(withheld, smallest)) << "row " << row << " gives away " << withheld;
    }
    for (std::size_t column = 0; column < columns; ++column) {
        int withheld = 0;
        for (std::size_t row = 0; row < rows; ++row)
            withheld += hidden.cell(row, column) ? people[row][column] : 0;
        if (!hidden.column_totals[column])
            EXPECT_FALSE(too_small(withheld, smallest)) << "column " << column << " gives away " << withheld;
    }
    int withheld_rows = 0, withheld_columns = 0;
    for (std::size_t row = 0; row < rows; ++row)
        withheld_rows += hidden.row_totals[row] ? row_sums[row] : 0;
    for (std::size_t column = 0; column < columns; ++column)
        withheld_columns += hidden.column_totals[column] ? column_sums[column] : 0;
    if (!hidden.total) {
        EXPECT_FALSE(too_small(withheld_rows, smallest));
        EXPECT_FALSE(too_small(withheld_columns, smallest));
    }
}

TEST(SmallGroups, TwoHiddenGroupsTogetherAreNotASmallGroupToldBySubtraction) {
    // A school of 30 teachers, 2 teaching assistants and 2 leaders: hiding the 2 and the 2 alone would
    // leave the school's 34 minus 30, a group of 4.
    const std::vector<std::vector<int>> people{{30, 2, 2}, {40, 12, 9}};
    const HiddenParts hidden = hide_small_groups(people, 5);
    EXPECT_TRUE(hidden.cell(0, 1));
    EXPECT_TRUE(hidden.cell(0, 2));
    EXPECT_TRUE(hidden.cell(0, 0) || hidden.row_totals[0]) << "the 4 would be worked out";
    expect_no_small_group_by_subtraction(people, hidden, 5);
}

TEST(SmallGroups, NoLineOfAnyTableGivesAwayASmallGroup) {
    // Tables of every shape up to 4 × 4 with small and large counts, from a fixed sequence.
    unsigned long long state = 20261205;
    const auto next = [&state](int bound) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<int>((state >> 33) % static_cast<unsigned long long>(bound));
    };
    for (int round = 0; round < 500; ++round) {
        const std::size_t rows = 1 + static_cast<std::size_t>(next(4)),
                          columns = 1 + static_cast<std::size_t>(next(4));
        std::vector<std::vector<int>> people(rows, std::vector<int>(columns));
        for (auto& row : people)
            for (int& cell : row)
                cell = next(3) == 0 ? next(5) : next(40);
        expect_no_small_group_by_subtraction(people, hide_small_groups(people, 5), 5);
    }
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
