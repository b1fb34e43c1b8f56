#pragma once

#include <string>

#include "accounts/model.h"
#include "db/database.h"

namespace trellis::demo {

// Impact data across terms: last year's finished behaviour programme for every adult in the room,
// with feedback after each session, confidence before and after (most matched by a code), support and
// use at 6 and 12 weeks, and pupil figures for three terms and this autumn; and this year's
// questioning programme with its plan and its "before" answered in September.
void load_demo_impact(db::Database& database, const accounts::Actor& lead);

} // namespace trellis::demo
