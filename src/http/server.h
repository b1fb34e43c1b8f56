#pragma once

#include "app/config.h"

namespace trellis::http {

// Migrates the database, then serves HTTP until SIGINT or SIGTERM; returns the exit code.
int serve(const Config& config);

} // namespace trellis::http
