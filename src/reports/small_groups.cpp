#include "reports/small_groups.h"

#include <numeric>

namespace trellis::reports {

namespace {

// One line of the table, read as "these parts add up to this total": a row with its total, a
// column with its total, the row totals with the grand total, the column totals with it too.
struct Part {
    int people;
    std::vector<bool>::reference hidden;
};

// Hides the smallest shown part of the line that has anyone in it; false when there is none.
bool hide_smallest_shown(std::vector<Part>& parts, bool total_too) {
    Part* smallest = nullptr;
    const std::size_t last = total_too ? parts.size() : parts.size() - 1;
    for (std::size_t index = 0; index < last; ++index) {
        Part& part = parts[index];
        if (!part.hidden && part.people > 0 && (!smallest || part.people < smallest->people))
            smallest = &part;
    }
    if (!smallest)
        return false;
    smallest->hidden = true;
    return true;
}

// A line's parts add up to its total, which is the last part. A hidden figure is given away when
// the line leaves it to be worked out:
// - when exactly one part is hidden, the others and the total give it;
// - when the total is shown, the hidden parts together are the total minus the shown ones, so
//   together they must be nobody or at least `smallest` people (two hidden groups of 2 are a group
//   of 4 told by subtraction).
// Either way the smallest other part with anyone in it is hidden too. Returns true when something
// more was hidden.
bool protect(std::vector<Part> parts, int smallest) {
    int hidden = 0;
    int hidden_people = 0;
    for (std::size_t index = 0; index < parts.size(); ++index) {
        hidden += parts[index].hidden ? 1 : 0;
        if (index + 1 < parts.size() && parts[index].hidden)
            hidden_people += parts[index].people;
    }
    if (hidden == 1)
        return hide_smallest_shown(parts, true);
    if (!parts.back().hidden && too_small(hidden_people, smallest))
        return hide_smallest_shown(parts, false) || hide_smallest_shown(parts, true);
    return false;
}

} // namespace

HiddenParts hide_small_groups(const std::vector<std::vector<int>>& people, int smallest) {
    const std::size_t rows = people.size();
    const std::size_t columns = rows ? people.front().size() : 0;
    HiddenParts hidden;
    hidden.smallest = smallest;
    hidden.cells.assign(rows, std::vector<bool>(columns, false));
    std::vector<int> row_sums(rows, 0), column_sums(columns, 0);
    for (std::size_t row = 0; row < rows; ++row)
        for (std::size_t column = 0; column < columns; ++column) {
            const int count = people[row][column];
            hidden.cells[row][column] = too_small(count, smallest);
            row_sums[row] += count;
            column_sums[column] += count;
        }
    const int total = std::accumulate(row_sums.begin(), row_sums.end(), 0);
    for (int sum : row_sums)
        hidden.row_totals.push_back(too_small(sum, smallest));
    for (int sum : column_sums)
        hidden.column_totals.push_back(too_small(sum, smallest));
    // The grand total sits in a one-element vector while lines are protected, so that it can be
    // referred to like every other part.
    std::vector<bool> grand{too_small(total, smallest)};

    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t row = 0; row < rows; ++row) {
            std::vector<Part> line;
            for (std::size_t column = 0; column < columns; ++column)
                line.push_back({people[row][column], hidden.cells[row][column]});
            line.push_back({row_sums[row], hidden.row_totals[row]});
            changed |= protect(std::move(line), smallest);
        }
        for (std::size_t column = 0; column < columns; ++column) {
            std::vector<Part> line;
            for (std::size_t row = 0; row < rows; ++row)
                line.push_back({people[row][column], hidden.cells[row][column]});
            line.push_back({column_sums[column], hidden.column_totals[column]});
            changed |= protect(std::move(line), smallest);
        }
        std::vector<Part> by_rows, by_columns;
        for (std::size_t row = 0; row < rows; ++row)
            by_rows.push_back({row_sums[row], hidden.row_totals[row]});
        by_rows.push_back({total, grand[0]});
        changed |= protect(std::move(by_rows), smallest);
        for (std::size_t column = 0; column < columns; ++column)
            by_columns.push_back({column_sums[column], hidden.column_totals[column]});
        by_columns.push_back({total, grand[0]});
        changed |= protect(std::move(by_columns), smallest);
    }
    hidden.total = grand[0];
    return hidden;
}

} // namespace trellis::reports
