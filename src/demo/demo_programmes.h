#pragma once

#include <string>
#include <utility>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "demo/demo_folders.h"

namespace trellis::demo {

// A school year of programmes for the demo trust, in our own words: one for teachers on a trust
// priority (live sessions, a module, practice tasks, collaboration time on an inset afternoon and a
// follow-up), one for teaching assistants and other support staff, a cohort of early-career
// teachers, and a school's open programme with a wait-list. Some activities are past and some to
// come. `schools` are (id, name) pairs in the demo's order; `school_lead_email` keeps the school's.
// The launch session's recording, with captions, is a video of the learning modules copied from
// `content_dir` into `data_dir`/recordings; the demo teacher (`teacher_email`) missed the session.
void load_demo_programmes(db::Database& database, const accounts::Actor& lead,
                          const std::vector<std::pair<long long, std::string>>& schools,
                          const std::string& school_lead_email, const std::string& teacher_email,
                          const DemoFolders& folders);

} // namespace trellis::demo
