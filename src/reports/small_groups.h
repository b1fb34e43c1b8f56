#pragma once

#include <string>
#include <string_view>
#include <vector>

// Reports about staff never show a small group: a count or rate over fewer people than the
// threshold could point at a person. This hides those cells of a table, and then enough other cells
// that a hidden one cannot be worked out from the totals shown beside it (a school's total minus
// its other groups).
namespace trellis::reports {

// The fewest people a reported figure may describe is the trust's choice (organisations::Trust::
// smallest_group, on every accounts::Actor), so each report is given it.

// Which parts of a rows × columns table of people to hide. Every row has as many cells as there are
// columns.
struct HiddenParts {
    std::vector<std::vector<bool>> cells;
    std::vector<bool> row_totals;
    std::vector<bool> column_totals;
    bool total = false;
    int smallest = 0; // the fewest people a shown figure describes, for saying "fewer than N"

    bool cell(std::size_t row, std::size_t column) const { return cells[row][column]; }
};

// True when a group of this many people is too small to report (nobody at all is not a group).
constexpr bool too_small(int people, int smallest) {
    return people > 0 && people < smallest;
}

// How a withheld figure reads: "fewer than 5 answers" (`what` empty: "fewer than 5").
inline std::string fewer_than(int smallest, std::string_view what = {}) {
    return "fewer than " + std::to_string(smallest) + (what.empty() ? "" : " ") + std::string(what);
}

// `people[row][column]` is how many distinct people a cell describes; row and column totals are
// their sums, as the report shows them. Cells of fewer than `smallest` people are hidden, as are
// totals; then, in any row or column where exactly one figure is hidden, or where the hidden cells
// beside a shown total add up to a small group, the smallest other figure is hidden too, until none
// can be worked out.
HiddenParts hide_small_groups(const std::vector<std::vector<int>>& people, int smallest);

} // namespace trellis::reports
