#include "http/middleware.h"
#include "text/url.h"

#include <glib.h>
#include <spdlog/spdlog.h>

#include "accounts/secrets.h"
#include "http/response.h"

namespace trellis::http {

std::string cookie_value(const httplib::Request& request, const std::string& name) {
    const std::string header = request.get_header_value("Cookie");
    std::size_t at = 0;
    while (at < header.size()) {
        std::size_t end = header.find(';', at);
        if (end == std::string::npos)
            end = header.size();
        std::string pair = header.substr(at, end - at);
        const auto start = pair.find_first_not_of(' ');
        pair = start == std::string::npos ? "" : pair.substr(start);
        const auto equals = pair.find('=');
        if (equals != std::string::npos && pair.substr(0, equals) == name)
            return pair.substr(equals + 1);
        at = end + 1;
    }
    return "";
}

namespace {

// Signed-in requests carry the session's CSRF token; anonymous forms (sign-in, setup, reset)
// carry a random token from a cookie of their own, checked the same way.
void attach_identity(RequestContext& context) {
    context.session_token = cookie_value(context.request, kSessionCookie);
    context.actor = context.app.accounts.authenticate(context.session_token);
    if (context.actor) {
        context.csrf_token = context.actor->csrf_token;
        return;
    }
    context.csrf_token = cookie_value(context.request, kCsrfCookie);
    if (context.csrf_token.size() != 43) {
        context.csrf_token = accounts::random_token();
        set_cookie(context, kCsrfCookie, context.csrf_token, 24 * 3600);
    }
}

bool csrf_token_matches(const RequestContext& context) {
    std::string sent = context.form("_csrf");
    if (sent.empty())
        sent = context.request.get_header_value("X-CSRF-Token");
    return !sent.empty() && accounts::equal_in_constant_time(sent, context.csrf_token);
}

// Every text field that arrives, in the address or a form, must be UTF-8 without NUL bytes; the
// stores and templates rely on it. Uploaded files are bytes and are checked by what takes them.
bool text_fields_are_utf8(const httplib::Request& request) {
    const auto valid = [](const std::string& text) {
        return g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr);
    };
    for (const auto& [name, value] : request.params)
        if (!valid(name) || !valid(value))
            return false;
    for (const auto& [name, file] : request.files)
        if (file.filename.empty() && !valid(file.content))
            return false;
    return true;
}

} // namespace

void render_unrouted_error(App& app, const httplib::Request& request, httplib::Response& response, int status,
                           const std::string& message) {
    RequestContext context{request, response, app, std::nullopt, "", ""};
    try {
        attach_identity(context);
        render_error(context, status, message);
    } catch (const std::exception& error) {
        spdlog::error("{} {}: the error page failed: {}", request.method, request.path, error.what());
        response.status = status;
        response.set_content(message + "\n", "text/plain");
    }
}

httplib::Server::Handler guarded(App& app, Access access, std::optional<accounts::Permission> permission,
                                 Handler handler) {
    return [&app, access, permission, handler](const httplib::Request& request, httplib::Response& response) {
        RequestContext context{request, response, app, std::nullopt, "", ""};
        const FairGate::Pass pass(app.gate);
        try {
            attach_identity(context);
            if (!text_fields_are_utf8(request))
                return render_error(context, 400,
                                    "What was sent contains characters that are not valid text (not UTF-8). "
                                    "Copy the text into the box again, or type it, and save once more.");
            if (request.method == "POST" && access != Access::SignedLink && !csrf_token_matches(context))
                return render_error(context, 403,
                                    "This form has expired or did not come from Trellis. Go back, reload the "
                                    "page and try again.");
            if (access == Access::SignedIn && !context.actor) {
                if (request.method == "GET")
                    return redirect(context, "/sign-in?next=" + text::url_encode(request.path));
                return render_error(context, 401, "Please sign in first.");
            }
            if (permission && !accounts::allows(*context.actor, *permission))
                return render_error(context, 403, "Your role does not give you access to this page.");
            handler(context);
            // What a signed-in person sees is theirs: a shared school laptop must not keep it.
            if (context.actor && !response.has_header("Cache-Control"))
                response.set_header("Cache-Control", "private, no-store");
        } catch (const std::exception& error) {
            spdlog::error("{} {} failed: {}", request.method, request.path, error.what());
            try {
                render_error(
                    context, 500,
                    "Something went wrong on our side. Nothing you did caused it; please try again.");
            } catch (const std::exception&) {
                // The error page itself failed (a broken template): answer in plain text.
                response.status = 500;
                response.set_content("Something went wrong on our side.\n", "text/plain");
            }
        }
    };
}

} // namespace trellis::http
