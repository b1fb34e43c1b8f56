#pragma once

#include <functional>
#include <optional>

#include <httplib.h>

#include "accounts/permissions.h"
#include "http/request_context.h"

namespace trellis::http {

using Handler = std::function<void(RequestContext&)>;

// Who may reach a route before its handler runs.
// SignedLink: public, and the address itself carries a signature (an email's unsubscribe link), so a
// POST needs no CSRF token: mail programs' one-click unsubscribe (RFC 8058) posts without one.
enum class Access { Public, SignedIn, SignedLink };

// Names of the cookies Trellis sets.
inline constexpr const char* kSessionCookie = "trellis_session";
inline constexpr const char* kCsrfCookie = "trellis_csrf";

// Renders the error page for an answer the HTTP library gave before any route ran (an unknown
// address, a body too large): no CSRF check, since no form of ours was read.
void render_unrouted_error(App& app, const httplib::Request& request, httplib::Response& response, int status,
                           const std::string& message);

// Wraps a handler with what every request needs, in order: find the session, check the CSRF token
// on every POST, require sign-in and the permission if the route asks for them, turn exceptions
// into the error page.
httplib::Server::Handler guarded(App& app, Access access, std::optional<accounts::Permission> permission,
                                 Handler handler);

// The value of a cookie in the request ("" when absent).
std::string cookie_value(const httplib::Request& request, const std::string& name);

} // namespace trellis::http
