#include "accounts/handlers/handlers.h"
#include "http/client_address.h"
#include "http/middleware.h"
#include "http/response.h"
#include "http/safe_redirect.h"
#include "openid/handlers/handlers.h"

namespace trellis::accounts::handlers {

namespace {

// Marks a browser the person has signed in from before (see accounts/sign_in_throttle.h).
constexpr const char* kDeviceCookie = "trellis_device";

} // namespace

void sign_in_page(http::RequestContext& context, const std::string& email, const std::string& message,
                  int status) {
    const std::string next =
        http::safe_local_path(context.form("next").empty() ? context.query("next") : context.form("next"));
    const mstch::array providers = openid::handlers::sign_in_buttons(context, next);
    mstch::map data{
        {"email", email}, {"next", next}, {"providers", providers}, {"has_providers", !providers.empty()}};
    if (!message.empty())
        data["error"] = message;
    http::render_page(context, "accounts/sign_in", "Sign in", data, status);
}

void sign_in_show(http::RequestContext& context) {
    if (context.app.accounts.needs_setup())
        return http::redirect(context, "/setup");
    if (context.actor)
        return http::redirect(context, "/");
    sign_in_page(context, "", "", 200);
}

void sign_in_submit(http::RequestContext& context) {
    const std::string email = context.form("email");
    const SignInResult result = context.app.accounts.sign_in(
        email, context.form("password"),
        http::client_address(context.request, context.app.config.trusted_proxies),
        http::cookie_value(context.request, kDeviceCookie));
    if (auto* waiting = std::get_if<TooManyAttempts>(&result))
        return sign_in_page(context, email,
                            "Too many attempts. Wait " + std::to_string(waiting->seconds) +
                                " seconds before trying again.",
                            429);
    if (std::holds_alternative<PasswordsOff>(result))
        return sign_in_page(
            context, email,
            "Your trust signs in with its Microsoft or Google accounts: use the button above.", 403);
    if (std::holds_alternative<WrongCredentials>(result))
        return sign_in_page(context, email, "That email and password do not match. Check both and try again.",
                            401);
    const NewSession& session = std::get<NewSession>(result);
    http::set_cookie(context, http::kSessionCookie, session.token, context.app.config.session_minutes * 60LL);
    if (!session.new_device_token.empty())
        http::set_cookie(context, kDeviceCookie, session.new_device_token, 365LL * 24 * 3600);
    http::redirect(context, http::safe_local_path(context.form("next")));
}

void sign_out_submit(http::RequestContext& context) {
    if (!context.session_token.empty())
        context.app.accounts.sign_out(context.session_token);
    http::set_cookie(context, http::kSessionCookie, "", 0);
    http::redirect(context, "/sign-in");
}

} // namespace trellis::accounts::handlers
