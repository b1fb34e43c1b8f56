#include "attendance/handlers/report_view.h"

namespace trellis::attendance::handlers {

std::string tally_text(const Tally& tally, bool hidden, int smallest) {
    if (hidden && reports::too_small(tally.people, smallest))
        return "fewer than " + std::to_string(smallest) + " people";
    if (hidden)
        return "hidden, so that a small group beside it cannot be worked out";
    if (tally.people == 0)
        return "–";
    const int marked = tally.expected - tally.unmarked;
    if (marked == 0)
        return "not marked yet";
    std::string text = std::to_string(tally.present) + " of " + std::to_string(marked) + " live (" +
                       std::to_string(tally.percent_present()) + "%)";
    if (tally.caught_up)
        text += " · " + std::to_string(tally.caught_up) + " caught up";
    return text;
}

namespace {

mstch::map figure(const Tally& tally, bool hidden, int smallest) {
    return mstch::map{{"text", tally_text(tally, hidden, smallest)}, {"hidden", hidden}};
}

} // namespace

mstch::map report_view(const AttendanceReport& report) {
    const int smallest = report.hidden.smallest;
    mstch::array headings, rows, totals;
    for (const people::StaffGroup group : report.staff_groups)
        headings.push_back(mstch::map{{"label", people::label_of(group)}});
    for (std::size_t row = 0; row < report.schools.size(); ++row) {
        mstch::array cells;
        for (std::size_t column = 0; column < report.staff_groups.size(); ++column)
            cells.push_back(figure(report.cells[row][column], report.hidden.cell(row, column), smallest));
        rows.push_back(mstch::map{
            {"school", report.schools[row]},
            {"cells", cells},
            {"total", figure(report.school_totals[row], report.hidden.row_totals[row], smallest)}});
    }
    for (std::size_t column = 0; column < report.staff_groups.size(); ++column)
        totals.push_back(figure(report.group_totals[column], report.hidden.column_totals[column], smallest));
    return mstch::map{{"headings", headings},
                      {"rows", rows},
                      {"any_rows", !rows.empty()},
                      {"totals", totals},
                      {"total", figure(report.total, report.hidden.total, smallest)},
                      {"smallest", std::to_string(smallest)}};
}

} // namespace trellis::attendance::handlers
