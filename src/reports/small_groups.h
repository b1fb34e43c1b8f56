#pragma once

#include <vector>

// Reports about staff never show a small group: a count or rate over fewer people than the
// threshold could point at a person. This hides those cells of a table, and then enough other cells
// that a hidden one cannot be worked out from the totals shown beside it (a school's total minus
// its other groups).
namespace trellis::reports {

// The fewest people a reported figure may describe.
inline constexpr int kSmallestGroup = 5;

// Which parts of a rows × columns table of people to hide. Every row has as many cells as there are
// columns.
struct HiddenParts {
    std::vector<std::vector<bool>> cells;
    std::vector<bool> row_totals;
    std::vector<bool> column_totals;
    bool total = false;

    bool cell(std::size_t row, std::size_t column) const { return cells[row][column]; }
};

// True when a group of this many people is too small to report (nobody at all is not a group).
constexpr bool too_small(int people, int smallest = kSmallestGroup) {
    return people > 0 && people < smallest;
}

// `people[row][column]` is how many distinct people a cell describes; row and column totals are
// their sums, as the report shows them. Cells of fewer than `smallest` people are hidden, as are
// totals; then, in any row or column where exactly one figure is hidden, the smallest other figure
// is hidden too, until none can be worked out.
HiddenParts hide_small_groups(const std::vector<std::vector<int>>& people, int smallest = kSmallestGroup);

} // namespace trellis::reports
