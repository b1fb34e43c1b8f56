#pragma once

#include "db/database.h"

namespace trellis::db {

// Applies every migration not yet recorded in schema_migrations, each in its own transaction, in
// number order. Returns how many were applied. Throws with the migration's name on failure.
int migrate(Database& database);

// The highest migration number this binary knows.
int latest_migration_version();

} // namespace trellis::db
