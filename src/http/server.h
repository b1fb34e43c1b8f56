#pragma once

#include "app/config.h"

namespace trellis::http {

// Migrates the database, then serves HTTP until SIGINT or SIGTERM; returns the exit code.
int serve(const Config& config);
// Runs background work only (jobs, email, learning records), with no HTTP, until SIGINT or SIGTERM:
// `trellis worker`, beside servers started with `serve --no-jobs`.
int work(const Config& config);
// Prints every route, one a line: method, pattern, who may reach it ("public", "signed-in" or the
// permission's name), tab-separated. Tests read it to cover every route.
int list_routes(const Config& config);

} // namespace trellis::http
