#pragma once

#include "accounts/model.h"
#include "db/database.h"
#include "demo/demo_folders.h"

namespace trellis::demo {

// The trust's library: short guides (Markdown files the search reads inside) and links, each tagged
// by the trust's priorities, phase, staff group and EEF mechanism, added by the trust PD lead.
void load_demo_library(db::Database& database, const accounts::Actor& lead, const DemoFolders& folders);

} // namespace trellis::demo
