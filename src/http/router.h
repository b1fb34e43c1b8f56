#pragma once

#include <httplib.h>

#include "http/app.h"

namespace trellis::http {

// Registers every route of the service on the server: the one list of what Trellis answers.
void register_routes(httplib::Server& server, App& app);

} // namespace trellis::http
