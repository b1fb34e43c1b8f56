#pragma once

#include <optional>
#include <string>
#include <vector>

#include <httplib.h>

#include "accounts/permissions.h"
#include "http/app.h"
#include "http/middleware.h"

namespace trellis::http {

// One route as registered: what it answers and who may reach it (see guarded()).
struct Route {
    std::string method; // GET or POST
    std::string pattern;
    Access access = Access::SignedIn;
    std::optional<accounts::Permission> permission;
};

// Registers every route of the service on the server and returns them: the one list of what
// Trellis answers, which `trellis routes` prints and the tenancy test walks.
std::vector<Route> register_routes(httplib::Server& server, App& app);

} // namespace trellis::http
