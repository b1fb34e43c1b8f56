#pragma once

#include <string>
#include <vector>

#include "attendance/model.h"
#include "reports/small_groups.h"

// Who came, by school and staff group, over one session or many: what a lead needs to see whether
// sessions reach the people they are for. Attending live and catching up from a recording are
// counted apart; groups too small to report are hidden (reports/small_groups.h).
namespace trellis::attendance {

// A figure for a group of people over the sessions reported.
struct Tally {
    int people = 0;    // distinct people expected
    int expected = 0;  // places: people × the sessions each was expected at
    int present = 0;   // attended live
    int caught_up = 0; // missed it, then watched the recording
    int absent = 0;    // marked absent and not caught up
    int unmarked = 0;  // no mark yet

    void add(const RegisterEntry& entry);
    // Attended live as a whole percentage of the places marked, or -1 when nothing is marked.
    int percent_present() const;
};

struct AttendanceReport {
    std::vector<std::string> schools;             // rows, by name
    std::vector<people::StaffGroup> staff_groups; // columns, in the usual order
    std::vector<std::vector<Tally>> cells;        // [school][staff group]
    std::vector<Tally> school_totals, group_totals;
    Tally total;
    reports::HiddenParts hidden;
};

// `registers` holds one register per session, each as the session's register_of() gives it.
AttendanceReport attendance_report(const std::vector<std::vector<RegisterEntry>>& registers, int smallest);

} // namespace trellis::attendance
