#include "programmes/audience.h"

#include <algorithm>

namespace trellis::programmes {

namespace {

template <typename T> bool empty_or_has(const std::vector<T>& values, const T& value) {
    return values.empty() || std::find(values.begin(), values.end(), value) != values.end();
}

} // namespace

bool within_filters(const Programme& programme, const StaffProfile& profile) {
    if (programme.school_id != 0 && profile.school_id != programme.school_id)
        return false;
    if (programme.school_id == 0 && profile.school_id != 0 &&
        !empty_or_has(programme.school_ids, profile.school_id))
        return false;
    return empty_or_has(programme.staff_groups, profile.staff_group) &&
           empty_or_has(programme.phases, profile.phase);
}

bool activity_is_for(const Activity& activity, people::StaffGroup group) {
    return empty_or_has(activity.staff_groups, group);
}

} // namespace trellis::programmes
