#pragma once

#include <mstch/mstch.hpp>

#include "attendance/report.h"

// One attendance report for every kind of session (templates/partials/attendance_report.mustache).
namespace trellis::attendance::handlers {

// The report's template data: a table of schools by staff group, each figure in words or "fewer
// than N people" where the group is too small to show.
mstch::map report_view(const AttendanceReport& report);

// A figure in words, e.g. "12 of 15 live (80%) · 2 caught up", or why it is hidden: a group too
// small to show, or a figure a small group could be worked out from.
std::string tally_text(const Tally& tally, bool hidden, int smallest);

} // namespace trellis::attendance::handlers
