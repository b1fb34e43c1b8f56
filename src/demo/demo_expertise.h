#pragma once

#include "db/database.h"

namespace trellis::demo {

// Who can help with … in the demo trust: a few colleagues listed with what they offer (among them
// workshop presenters, mentors and support staff, so that what Trellis knows of their work shows),
// and a request from the demo teacher waiting on the school PD lead's home page.
void load_demo_expertise(db::Database& database, long long trust_id);

} // namespace trellis::demo
