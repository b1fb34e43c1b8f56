#pragma once

#include <map>
#include <vector>

#include "attendance/model.h"
#include "attendance/store.h"

// The rules every register follows, whatever kind of session it is for.
namespace trellis::attendance {

// Marks each person present when their id is among those ticked, absent otherwise.
void tick(std::vector<RegisterEntry>& entries, const std::vector<long long>& present_ids);
// Fills in what is already known of each expected person from the session's stored marks.
void apply_marks(std::vector<RegisterEntry>& entries, const std::map<long long, store::StoredMark>& marks);
int present_count(const std::vector<RegisterEntry>& entries);

} // namespace trellis::attendance
