#pragma once

#include <string>
#include <vector>

#include "programmes/mechanisms.h"
#include "programmes/model.h"

// How a programme's design measures up against the evidence on professional development that
// changes practice: the EEF's mechanisms by group, and the five parts of the DfE Standard for
// teachers' professional development. Pure: it reads only what it is given.
namespace trellis::programmes {

struct GroupCoverage {
    MechanismGroup group;
    std::vector<std::string> used; // labels of the mechanisms some activity uses
    int of = 0;                    // mechanisms in the group
};

// One line of the check, with why it matters and what to do when it is not met.
struct CheckLine {
    std::string title;
    bool met = false;
    std::string finding; // what this programme has, or lacks
    std::string why;
    std::string fix_label; // empty when met
    std::string fix_href;
};

struct DesignCheck {
    std::vector<GroupCoverage> mechanisms;
    std::vector<CheckLine> lines; // the mechanism line first, then the Standard's five
    int unmet() const;
};

// The longest stretch of school weeks between two contacts in a row.
struct LongestGap {
    double school_weeks = 0;
    const Activity* before = nullptr;
    const Activity* after = nullptr;
};

// No contact for longer than this many school weeks breaks "sustained over time".
constexpr double kLongestGapWeeks = 6.0;

LongestGap longest_gap(const std::vector<Activity>& activities);
// How many terms (autumn, spring, summer of each school year) the activities' contact days touch.
int terms_touched(const std::vector<Activity>& activities);
DesignCheck check_design(const Programme& programme, const std::vector<Activity>& activities);

} // namespace trellis::programmes
