#pragma once

#include <optional>
#include <string>
#include <vector>

#include "reports/small_groups.h"
#include "surveys/model.h"

// Leaders and staff side by side: for a statement both were asked (a confidence or agreement grid),
// the mean point each side gave, so a lead sees where leaders think better of the school's
// development than staff do. Pure; a side with fewer answers than the smallest group shows nothing.
namespace trellis::surveys {

struct SideBySideRow {
    std::string statement;
    std::optional<double> leaders, staff; // mean point, 1 = the lowest
    std::optional<double> gap;            // leaders minus staff, when both are shown
};

struct SideBySide {
    long long question_id = 0;
    std::string prompt;
    int leaders = 0, staff = 0; // who answered on each side
    bool leaders_hidden = false, staff_hidden = false;
    std::vector<SideBySideRow> rows; // widest gap (leaders above staff) first
};

// A leader gap this wide (in points of the scale) is worth pointing out.
inline constexpr double kNotableGap = 0.5;

// One comparison for each grid question asked of leaders and of at least one other staff group;
// `school_id` (-1: every school) narrows the responses first.
std::vector<SideBySide> side_by_side(const std::vector<Question>& questions,
                                     const std::vector<Response>& responses, int smallest,
                                     long long school_id = -1);

} // namespace trellis::surveys
