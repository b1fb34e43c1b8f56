#pragma once

#include <string>

#include "app/config.h"

// The verbs of the `trellis` command line; each returns the process exit code.
namespace trellis::commands {

// Applies pending migrations and reports the schema version.
int migrate(const Config& config);
// Loads the demo trust (unless present; with only_if_empty, unless any trust exists) and prints
// the demo logins.
int demo(const Config& config, bool only_if_empty, bool with_training_day);
// Imports a staff CSV into a trust, all or nothing, with progress on stderr and every problem by
// row and column.
int import_staff(const Config& config, const std::string& path, const std::string& trust_slug);
// Creates a trust with its first administrator, whose password is read from TRELLIS_ADMIN_PASSWORD.
int add_trust(const Config& config, const std::string& slug, const std::string& name,
              const std::string& admin_email, const std::string& admin_first_name,
              const std::string& admin_last_name);

// Checks the content folder and asks the server running on this data folder to load it again
// (SIGHUP); modules with problems are listed and skipped, the others are served at once.
int content_reload(const Config& config);

} // namespace trellis::commands
