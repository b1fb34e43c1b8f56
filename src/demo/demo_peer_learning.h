#pragma once

#include <string>

#include "db/database.h"

namespace trellis::demo {

// Learning from each other in the demo trust, dated back from `today`: a library of steps to try,
// a mentor for each early-career teacher with a few meetings that review each step, coaching for
// the demo teaching assistant and a request waiting for a coach, and peer observations given,
// received and still to come for the demo teacher.
void load_demo_peer_learning(db::Database& database, long long trust_id, const std::string& today);

} // namespace trellis::demo
