#include "accounts/handlers/handlers.h"
#include "accounts/permissions.h"
#include "http/middleware.h"
#include "http/response.h"

namespace trellis::accounts::handlers {

void password_change_show(http::RequestContext& context) {
    mstch::map data;
    if (context.query("done") == "1")
        data["notice"] = std::string("Your password has been changed.");
    http::render_page(context, "accounts/password_change", "Change your password", data);
}

void password_change_submit(http::RequestContext& context) {
    const std::string replacement = context.form("new_password");
    std::optional<std::string> problem;
    if (replacement != context.form("new_password_again"))
        problem = "The two new passwords are different.";
    else
        problem = context.app.accounts.change_password(context.signed_in(), context.session_token,
                                                       context.form("current_password"), replacement);
    if (problem)
        return http::render_page(context, "accounts/password_change", "Change your password",
                                 mstch::map{{"error", *problem}}, 400);
    http::redirect(context, "/account/password?done=1");
}

void password_reset_show(http::RequestContext& context) {
    auto person = context.app.accounts.reset_target(context.capture(1));
    if (!person)
        return http::render_error(
            context, 404,
            "This link has expired or has already been used. Ask your administrator for a "
            "new one.");
    http::render_page(context, "accounts/password_reset", "Choose a password",
                      mstch::map{{"name", person->full_name()}, {"token", context.capture(1)}});
}

void password_reset_submit(http::RequestContext& context) {
    const std::string token = context.capture(1);
    const std::string replacement = context.form("new_password");
    std::variant<NewSession, std::string> outcome = std::string("The two passwords are different.");
    if (replacement == context.form("new_password_again"))
        outcome = context.app.accounts.reset_password(token, replacement);
    if (auto* problem = std::get_if<std::string>(&outcome)) {
        auto person = context.app.accounts.reset_target(token);
        return http::render_page(
            context, "accounts/password_reset", "Choose a password",
            mstch::map{{"name", person ? person->full_name() : ""}, {"token", token}, {"error", *problem}},
            400);
    }
    http::set_cookie(context, http::kSessionCookie, std::get<NewSession>(outcome).token,
                     context.app.config.session_minutes * 60LL);
    http::redirect(context, "/?welcome=password-set");
}

void reset_link_create(http::RequestContext& context) {
    auto person_id = context.id_capture(1);
    auto person =
        person_id ? context.app.people.person(context.signed_in().trust_id, *person_id) : std::nullopt;
    if (person && person->has_left())
        return http::render_error(context, 400,
                                  person->full_name() +
                                      " has left the trust. Record that they are back before "
                                      "making a sign-in link.");
    auto token =
        person ? context.app.accounts.create_reset_token(context.signed_in(), person->id) : std::nullopt;
    if (!token)
        return http::render_error(context, 404, "There is no such person in your organisation.");
    http::render_page(context, "accounts/reset_link", "Sign-in link",
                      mstch::map{{"name", person->full_name()},
                                 {"person_id", std::to_string(person->id)},
                                 {"link", context.app.config.public_url + "/reset/" + *token}});
}

} // namespace trellis::accounts::handlers
