#include "openid/handlers/handlers.h"

#include "accounts/handlers/handlers.h"

#include <set>

#include "http/middleware.h"
#include "http/response.h"
#include "http/safe_redirect.h"
#include "text/url.h"
#include "text/words.h"

namespace trellis::openid::handlers {

namespace {

// The state of the sign-in under way, kept in the browser that began it: a callback that arrives
// in another browser (someone else's link) is refused.
constexpr const char* kStateCookie = "trellis_openid";
constexpr long long kStateCookieSeconds = 600;

void show_sign_in_error(http::RequestContext& context, const std::string& message) {
    http::set_cookie(context, kStateCookie, "", 0);
    accounts::handlers::sign_in_page(context, "", message, 401);
}

void show_settings(http::RequestContext& context, const std::string& error, const ProviderForm* typed,
                   int status) {
    const auto saved = context.app.openid.providers(context.signed_in());
    mstch::array providers;
    std::set<ProviderKind> kept;
    for (const auto& provider : saved) {
        kept.insert(provider.kind);
        providers.push_back(mstch::map{{"kind", text_of(provider.kind)},
                                       {"label", label_of(provider.kind)},
                                       {"tenant", provider.tenant},
                                       {"allowed_tenants", text::joined(provider.allowed_tenants, "\n")},
                                       {"hosted_domain", provider.hosted_domain},
                                       {"email_domains", text::joined(provider.email_domains, "\n")},
                                       {"client_id", provider.client_id},
                                       {"authority", provider.authority},
                                       {"microsoft", provider.kind == ProviderKind::Microsoft}});
    }
    mstch::map data{{"providers", providers},
                    {"has_providers", !saved.empty()},
                    {"passwords_on", context.app.openid.password_sign_in_setting(context.signed_in())},
                    {"redirect_uri", context.app.openid.redirect_uri()},
                    {"saved", context.query("saved") == "1"}};
    if (!error.empty())
        data["error"] = error;
    // The form starts from what was typed (after a refusal) or else from the provider saved, to change it.
    ProviderForm form = typed ? *typed : ProviderForm{};
    if (!typed && !saved.empty())
        form = ProviderForm{.kind = text_of(saved.front().kind),
                            .tenant = saved.front().tenant,
                            .allowed_tenants = text::joined(saved.front().allowed_tenants, "\n"),
                            .hosted_domain = saved.front().hosted_domain,
                            .email_domains = text::joined(saved.front().email_domains, "\n"),
                            .client_id = saved.front().client_id,
                            .client_secret = "",
                            .authority = saved.front().authority};
    data["typed_kind_google"] = form.kind == "google";
    data["typed_tenant"] = form.tenant;
    data["typed_allowed_tenants"] = form.allowed_tenants;
    data["typed_hosted_domain"] = form.hosted_domain;
    data["typed_email_domains"] = form.email_domains;
    data["typed_client_id"] = form.client_id;
    data["typed_authority"] = form.authority;
    http::render_page(context, "openid/settings", "Signing in", std::move(data), status);
}

} // namespace

mstch::array sign_in_buttons(http::RequestContext& context, const std::string& next_path) {
    const auto choices = context.app.openid.sign_in_choices();
    std::set<long long> trusts;
    for (const auto& choice : choices)
        trusts.insert(choice.trust_id);
    mstch::array buttons;
    for (const auto& choice : choices) {
        // One trust on this server: "Sign in with Microsoft". Several: each names its trust.
        std::string label = "Sign in with " + label_of(choice.kind);
        if (trusts.size() > 1)
            label += " (" + choice.trust_name + ")";
        buttons.push_back(
            mstch::map{{"href", "/sign-in/" + text_of(choice.kind) + "/" + std::to_string(choice.trust_id) +
                                    "?next=" + text::url_encode(next_path)},
                       {"label", label},
                       {"kind", text_of(choice.kind)}});
    }
    return buttons;
}

void sign_in_start(http::RequestContext& context) {
    const auto kind = provider_kind_from_text(context.capture(1));
    const auto trust_id = context.id_capture(2);
    if (!kind || !trust_id)
        return http::render_error(context, 404, "There is no such way to sign in.");
    auto begun = context.app.openid.begin(*trust_id, *kind, http::safe_local_path(context.query("next")));
    if (auto* refused = std::get_if<NotSignedIn>(&begun))
        return show_sign_in_error(context, refused->message);
    const auto& departure = std::get<Departure>(begun);
    http::set_cookie(context, kStateCookie, departure.state, kStateCookieSeconds);
    context.response.status = 303;
    context.response.set_header("Location", departure.authorize_url);
}

void sign_in_callback(http::RequestContext& context) {
    std::string provider_error = context.query("error");
    if (!provider_error.empty() && !context.query("error_description").empty())
        provider_error += ": " + context.query("error_description").substr(0, 200);
    const Outcome outcome =
        context.app.openid.finish(context.query("state"), http::cookie_value(context.request, kStateCookie),
                                  context.query("code"), provider_error);
    if (auto* refused = std::get_if<NotSignedIn>(&outcome))
        return show_sign_in_error(context, refused->message);
    const auto& signed_in = std::get<SignedIn>(outcome);
    const auto session = context.app.accounts.open_session(signed_in.trust_id, signed_in.person_id);
    http::set_cookie(context, kStateCookie, "", 0);
    http::set_cookie(context, http::kSessionCookie, session.token, context.app.config.session_minutes * 60LL);
    http::redirect(context, http::safe_local_path(signed_in.next_path));
}

void settings_show(http::RequestContext& context) {
    show_settings(context, "", nullptr, 200);
}

void provider_save(http::RequestContext& context) {
    const ProviderForm form{.kind = context.form("kind"),
                            .tenant = context.form("tenant"),
                            .allowed_tenants = context.form("allowed_tenants"),
                            .hosted_domain = context.form("hosted_domain"),
                            .email_domains = context.form("email_domains"),
                            .client_id = context.form("client_id"),
                            .client_secret = context.form("client_secret"),
                            .authority = context.form("authority")};
    try {
        context.app.openid.save_provider(context.signed_in(), form);
    } catch (const std::invalid_argument& problem) {
        return show_settings(context, problem.what(), &form, 400);
    }
    http::redirect(context, "/schools/sign-in?saved=1");
}

void provider_remove(http::RequestContext& context) {
    const auto kind = provider_kind_from_text(context.capture(1));
    if (!kind)
        return http::render_error(context, 404, "There is no such way to sign in.");
    context.app.openid.remove_provider(context.signed_in(), *kind);
    http::redirect(context, "/schools/sign-in?saved=1");
}

void password_setting_save(http::RequestContext& context) {
    try {
        context.app.openid.set_password_sign_in(context.signed_in(), context.form("passwords") == "on");
    } catch (const std::invalid_argument& problem) {
        return show_settings(context, problem.what(), nullptr, 400);
    }
    http::redirect(context, "/schools/sign-in?saved=1");
}

} // namespace trellis::openid::handlers
