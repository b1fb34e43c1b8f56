#pragma once

#include <string>

#include "app/config.h"

// `trellis backup` and `trellis restore`: the database and the uploaded files, in one folder.
namespace trellis::commands {

// Writes a consistent copy of the database (SQLite's VACUUM INTO while the server runs; pg_dump for
// PostgreSQL) and the uploaded files into `folder`, which must not exist yet, with backup.json
// saying what it holds. Returns the exit code.
int backup(const Config& config, const std::string& folder);

// Restores a backup folder into the configured database, which must be empty, and data folder,
// then applies any newer migrations. Returns the exit code.
int restore(const Config& config, const std::string& folder);

} // namespace trellis::commands
