#pragma once

#include <string>
#include <vector>

#include <soci/soci.h>

#include "people/model.h"
#include "record/model.h"

// The SQL that reads a person's record from the tables of each area. Every query names the trust and
// the person.
namespace trellis::record::store {

// Everything the person has done that Trellis knows of, in no particular order.
std::vector<Entry> entries_of(soci::session& sql, long long trust_id, long long person_id);

// Minutes of CPD done between two days ("YYYY-MM-DD", both included), by the school and staff group
// of the people who did it, counted as their records count it. By priority: only what served a
// priority (training-day workshops attended, programme sessions and collaboration time), once per
// priority it served; otherwise everything (priority_id 0), modules and logged learning included.
struct GroupMinutes {
    long long priority_id = 0;
    long long school_id = 0; // 0: the central team
    people::StaffGroup staff_group = people::StaffGroup::Teacher;
    long long minutes = 0;
};
std::vector<GroupMinutes> minutes_by_group(soci::session& sql, long long trust_id, const std::string& from,
                                           const std::string& to, bool by_priority);

} // namespace trellis::record::store
