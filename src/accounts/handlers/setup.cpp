#include "accounts/handlers/handlers.h"
#include "accounts/service.h"
#include "http/middleware.h"
#include "http/response.h"

namespace trellis::accounts::handlers {

namespace {

SetupRequest read_form(const http::RequestContext& context) {
    return SetupRequest{context.form("organisation_name"),
                        context.form("organisation_slug"),
                        context.form("first_name"),
                        context.form("last_name"),
                        context.form("email"),
                        context.form("password")};
}

void show_form(http::RequestContext& context, const SetupRequest& request, const std::string& error,
               int status) {
    mstch::map data{{"organisation_name", request.organisation_name},
                    {"organisation_slug", request.organisation_slug},
                    {"first_name", request.first_name},
                    {"last_name", request.last_name},
                    {"email", request.email}};
    if (!error.empty())
        data["error"] = error;
    http::render_page(context, "accounts/setup", "Set up Trellis", data, status);
}

} // namespace

void setup_show(http::RequestContext& context) {
    if (!context.app.accounts.needs_setup())
        return http::redirect(context, "/sign-in");
    show_form(context, {}, "", 200);
}

void setup_submit(http::RequestContext& context) {
    const SetupRequest request = read_form(context);
    if (request.password != context.form("password_again"))
        return show_form(context, request, "The two passwords are different.", 400);
    try {
        NewSession session = context.app.accounts.set_up(request);
        http::set_cookie(context, http::kSessionCookie, session.token,
                         context.app.config.session_minutes * 60LL);
        http::redirect(context, "/");
    } catch (const std::invalid_argument& error) {
        show_form(context, request, error.what(), 400);
    }
}

} // namespace trellis::accounts::handlers
