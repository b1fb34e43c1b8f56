#pragma once

#include <string>
#include <utility>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"

namespace trellis::demo {

// A school year of programmes for the demo trust, in our own words: one for teachers on a trust
// priority (live sessions, a module, practice tasks, collaboration time on an inset afternoon and a
// follow-up), one for teaching assistants and other support staff, a cohort of early-career
// teachers, and a school's open programme with a wait-list. Some activities are past and some to
// come. `schools` are (id, name) pairs in the demo's order; `school_lead_email` keeps the school's.
void load_demo_programmes(db::Database& database, const accounts::Actor& lead,
                          const std::vector<std::pair<long long, std::string>>& schools,
                          const std::string& school_lead_email);

} // namespace trellis::demo
