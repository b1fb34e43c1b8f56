#pragma once

#include <string>

#include "accounts/model.h"
#include "db/database.h"

namespace trellis::demo {

// Needs surveys for the demo trust, each with a version per staff group (the starter questions for
// teachers, for support staff and for leaders, and a ranking of the trust's priorities for all): an
// autumn survey, closed, answered by most of the trust's staff with real-looking differences between
// schools and groups; and one open now (from a week before `today` to two weeks after), answered by
// about a third, not yet by the demo logins. Answers are made deterministically.
void load_demo_surveys(db::Database& database, const accounts::Actor& lead, const std::string& today);

} // namespace trellis::demo
