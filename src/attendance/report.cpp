#include "attendance/report.h"

#include <algorithm>
#include <map>
#include <set>

namespace trellis::attendance {

void Tally::add(const RegisterEntry& entry) {
    ++expected;
    if (!entry.present)
        ++unmarked;
    else if (*entry.present)
        ++present;
    else if (entry.caught_up)
        ++caught_up;
    else
        ++absent;
}

int Tally::percent_present() const {
    const int marked = expected - unmarked;
    return marked ? (present * 100 + marked / 2) / marked : -1;
}

AttendanceReport attendance_report(const std::vector<std::vector<RegisterEntry>>& registers, int smallest) {
    using people::StaffGroup;
    AttendanceReport report;
    report.staff_groups = {StaffGroup::Teacher, StaffGroup::Ect, StaffGroup::Support, StaffGroup::Leader};
    std::set<std::string> schools;
    for (const auto& entries : registers)
        for (const RegisterEntry& entry : entries)
            schools.insert(entry.school_name);
    report.schools.assign(schools.begin(), schools.end());
    const std::size_t rows = report.schools.size(), columns = report.staff_groups.size();
    report.cells.assign(rows, std::vector<Tally>(columns));
    report.school_totals.assign(rows, Tally{});
    report.group_totals.assign(columns, Tally{});

    // Each person counts once per cell, row, column and whole, however many sessions they had.
    std::vector<std::vector<std::set<long long>>> cell_people(rows,
                                                              std::vector<std::set<long long>>(columns));
    std::vector<std::set<long long>> row_people(rows), column_people(columns);
    std::set<long long> everyone;
    for (const auto& entries : registers)
        for (const RegisterEntry& entry : entries) {
            const auto row = static_cast<std::size_t>(
                std::lower_bound(report.schools.begin(), report.schools.end(), entry.school_name) -
                report.schools.begin());
            const auto column = static_cast<std::size_t>(
                std::find(report.staff_groups.begin(), report.staff_groups.end(), entry.staff_group) -
                report.staff_groups.begin());
            report.cells[row][column].add(entry);
            report.school_totals[row].add(entry);
            report.group_totals[column].add(entry);
            report.total.add(entry);
            cell_people[row][column].insert(entry.person_id);
            row_people[row].insert(entry.person_id);
            column_people[column].insert(entry.person_id);
            everyone.insert(entry.person_id);
        }
    std::vector<std::vector<int>> counts(rows, std::vector<int>(columns, 0));
    for (std::size_t row = 0; row < rows; ++row) {
        report.school_totals[row].people = static_cast<int>(row_people[row].size());
        for (std::size_t column = 0; column < columns; ++column)
            counts[row][column] = report.cells[row][column].people =
                static_cast<int>(cell_people[row][column].size());
    }
    for (std::size_t column = 0; column < columns; ++column)
        report.group_totals[column].people = static_cast<int>(column_people[column].size());
    report.total.people = static_cast<int>(everyone.size());
    report.hidden = reports::hide_small_groups(counts, smallest);
    return report;
}

} // namespace trellis::attendance
