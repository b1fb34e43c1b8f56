#pragma once

#include <string>

#include "db/database.h"

namespace trellis::demo {

// A year of what the demo logins logged for themselves in their CPD records (reading, a podcast, a
// visit, a course, classroom research), dated back from `today`, so each record shows hours by
// category and entries from this school year and the last.
void load_demo_record(db::Database& database, long long trust_id, const std::string& today);

} // namespace trellis::demo
