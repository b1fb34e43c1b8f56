#pragma once

#include <functional>
#include <optional>

#include <httplib.h>

#include "accounts/permissions.h"
#include "http/request_context.h"

namespace trellis::http {

using Handler = std::function<void(RequestContext&)>;

// Who may reach a route before its handler runs.
enum class Access { Public, SignedIn };

// Names of the cookies Trellis sets.
inline constexpr const char* kSessionCookie = "trellis_session";
inline constexpr const char* kCsrfCookie = "trellis_csrf";

// Wraps a handler with what every request needs, in order: find the session, check the CSRF token
// on every POST, require sign-in and the permission if the route asks for them, turn exceptions
// into the error page.
httplib::Server::Handler guarded(App& app, Access access, std::optional<accounts::Permission> permission,
                                 Handler handler);

// The value of a cookie in the request ("" when absent).
std::string cookie_value(const httplib::Request& request, const std::string& name);

} // namespace trellis::http
