#pragma once

#include <string>

#include "db/database.h"

namespace trellis::demo {

// Two standing groups in the demo trust, dated back from `today`: the demo teacher's humanities
// department at Oakfield Academy, and an early-reading group across the primary schools with the demo
// school PD lead and teaching assistant. Each has meetings (one in a programme's collaboration time
// when there was one), shared notes and resources from the library.
void load_demo_groups(db::Database& database, long long trust_id, const std::string& today);

} // namespace trellis::demo
