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

// When exactly one part of a line is hidden, the others and the total give it away: hide the
// smallest other part that has anyone in it. Returns true when something more was hidden.
bool protect(std::vector<Part> parts) {
    int hidden = 0;
    for (const Part& part : parts)
        hidden += part.hidden ? 1 : 0;
    if (hidden != 1)
        return false;
    Part* smallest = nullptr;
    for (Part& part : parts)
        if (!part.hidden && part.people > 0 && (!smallest || part.people < smallest->people))
            smallest = &part;
    if (!smallest)
        return false;
    smallest->hidden = true;
    return true;
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
            changed |= protect(std::move(line));
        }
        for (std::size_t column = 0; column < columns; ++column) {
            std::vector<Part> line;
            for (std::size_t row = 0; row < rows; ++row)
                line.push_back({people[row][column], hidden.cells[row][column]});
            line.push_back({column_sums[column], hidden.column_totals[column]});
            changed |= protect(std::move(line));
        }
        std::vector<Part> by_rows, by_columns;
        for (std::size_t row = 0; row < rows; ++row)
            by_rows.push_back({row_sums[row], hidden.row_totals[row]});
        by_rows.push_back({total, grand[0]});
        changed |= protect(std::move(by_rows));
        for (std::size_t column = 0; column < columns; ++column)
            by_columns.push_back({column_sums[column], hidden.column_totals[column]});
        by_columns.push_back({total, grand[0]});
        changed |= protect(std::move(by_columns));
    }
    hidden.total = grand[0];
    return hidden;
}

} // namespace trellis::reports
