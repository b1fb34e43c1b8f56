#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"

namespace trellis::demo {

// A training day for the demo trust with choices open: 18 approved workshops offered by staff of
// three schools, scheduled in 16 rooms over three slots, and most people's choices made, so that
// the PD lead can watch demand, allocate and publish, and the demo logins can choose. The
// schools are (id, name) pairs; logins are the demo logins' emails, which neither present nor
// choose. Returns the event's id.
long long load_demo_training_day(db::Database& database, const accounts::Actor& lead,
                                 const std::vector<std::pair<long long, std::string>>& schools,
                                 const std::set<std::string>& logins);

} // namespace trellis::demo
