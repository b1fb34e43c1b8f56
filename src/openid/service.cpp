#include "openid/service.h"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <regex>
#include <stdexcept>

#include "accounts/secrets.h"
#include "audit/store.h"
#include "openid/store.h"
#include "text/url.h"
#include "text/words.h"
#include "web_client/web_client.h"

namespace trellis::openid {

namespace {

// A sign-in not finished within this long is dropped; people take a minute or two at most.
constexpr long long kPendingSeconds = 600;
// Discovery documents change rarely; keys are fetched again whenever a token names an unknown one.
constexpr auto kMetadataLifetime = std::chrono::hours(1);
constexpr auto kKeysLifetime = std::chrono::hours(1);

std::string pkce_challenge(const std::string& verifier) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(verifier.data()), verifier.size());
    return accounts::base64url(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

// The values typed into a box, one a line or separated by commas or spaces, in lower case, each once.
std::vector<std::string> listed_values(const std::string& text) {
    std::vector<std::string> lines;
    std::string line;
    for (char c : text + "\n") {
        if (c == '\n' || c == ',' || c == ' ' || c == '\r' || c == '\t') {
            if (!line.empty())
                lines.push_back(text::lowered(line));
            line.clear();
        } else {
            line += c;
        }
    }
    std::sort(lines.begin(), lines.end());
    lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
    return lines;
}

bool is_tenant_id(const std::string& text) {
    static const std::regex guid("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    return std::regex_match(text, guid);
}

bool is_domain(const std::string& text) {
    static const std::regex domain("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    return text.size() <= 253 && std::regex_match(text, domain);
}

// A provider's address must be HTTPS; plain HTTP only on this machine (a test provider).
bool is_allowed_authority(const std::string& url) {
    return url.rfind("https://", 0) == 0 || url.rfind("http://127.0.0.1:", 0) == 0 ||
           url.rfind("http://localhost:", 0) == 0;
}

std::string text_field(const nlohmann::json& document, const char* name) {
    const auto found = document.find(name);
    return found != document.end() && found->is_string() ? found->get<std::string>() : "";
}

nlohmann::json json_reply(const web_client::Reply& reply, const std::string& what) {
    if (reply.status != 200)
        throw std::runtime_error(what + " answered " + std::to_string(reply.status));
    auto document = nlohmann::json::parse(reply.body, nullptr, false);
    if (!document.is_object())
        throw std::runtime_error(what + " answered with something that is not JSON");
    return document;
}

// The tenants a Microsoft provider lets in: those listed, or else the one tenant it is for.
std::vector<std::string> allowed_tenants_of(const ProviderSettings& provider) {
    if (!provider.allowed_tenants.empty() || !is_tenant_id(provider.tenant))
        return provider.allowed_tenants;
    return {provider.tenant};
}

NotSignedIn unreachable(ProviderKind kind) {
    return {label_of(kind) + " could not be reached just now, so you are not signed in. Try again in a "
                             "minute, or sign in with your email address and password."};
}

} // namespace

std::vector<SignInChoice> OpenIdService::sign_in_choices() {
    auto session = m_database.lease();
    return store::sign_in_choices(*session);
}

std::variant<Departure, NotSignedIn> OpenIdService::begin(long long trust_id, ProviderKind kind,
                                                          const std::string& next_path) {
    std::optional<ProviderSettings> provider;
    {
        auto session = m_database.lease();
        provider = store::find_provider(*session, trust_id, kind);
    }
    if (!provider)
        return NotSignedIn{"Signing in with " + label_of(kind) + " is not set up for that trust."};
    Metadata where;
    try {
        where = metadata(provider->authority);
    } catch (const std::exception& problem) {
        spdlog::warn("openid: trust {} {}: {}", trust_id, text_of(kind), problem.what());
        return unreachable(kind);
    }
    const PendingSignIn pending{.trust_id = trust_id,
                                .kind = kind,
                                .nonce = accounts::random_token(),
                                .code_verifier = accounts::random_token(),
                                .next_path = next_path,
                                .created_at = db::now_seconds()};
    const std::string state = accounts::random_token();
    {
        db::Transaction transaction(m_database);
        store::delete_pending_before(transaction.session(), pending.created_at - kPendingSeconds);
        store::insert_pending(transaction.session(), accounts::hash_token(state), pending);
        transaction.commit();
    }
    std::vector<std::pair<std::string, std::string>> query{
        {"client_id", provider->client_id}, {"response_type", "code"},
        {"redirect_uri", m_redirect_uri},   {"response_mode", "query"},
        {"scope", "openid email profile"},  {"state", state},
        {"nonce", pending.nonce},           {"code_challenge", pkce_challenge(pending.code_verifier)},
        {"code_challenge_method", "S256"},  {"prompt", "select_account"}};
    if (kind == ProviderKind::Google && !provider->hosted_domain.empty())
        query.emplace_back("hd", provider->hosted_domain);
    std::string url = where.authorization_endpoint;
    char separator = url.find('?') == std::string::npos ? '?' : '&';
    for (const auto& [name, value] : query) {
        url += separator + name + "=" + text::url_encode(value);
        separator = '&';
    }
    return Departure{url, state};
}

Outcome OpenIdService::finish(const std::string& state, const std::string& browser_state,
                              const std::string& code, const std::string& provider_error) {
    if (state.empty() || !accounts::equal_in_constant_time(state, browser_state))
        return NotSignedIn{"This sign-in was started in another browser or has expired. Start again here."};
    std::optional<PendingSignIn> pending;
    {
        db::Transaction transaction(m_database);
        pending = store::take_pending(transaction.session(), accounts::hash_token(state));
        transaction.commit();
    }
    if (!pending || pending->created_at + kPendingSeconds < db::now_seconds())
        return NotSignedIn{"This sign-in has already been used or has expired. Start again."};
    const std::string label = label_of(pending->kind);
    if (!provider_error.empty()) {
        spdlog::info("openid: trust {} {}: the provider answered {}", pending->trust_id,
                     text_of(pending->kind), provider_error);
        return NotSignedIn{label + " did not sign you in (" + provider_error +
                           "). Try again, or ask your Trellis administrator."};
    }
    std::optional<ProviderSettings> provider;
    {
        auto session = m_database.lease();
        provider = store::find_provider(*session, pending->trust_id, pending->kind);
    }
    if (!provider)
        return NotSignedIn{"Signing in with " + label + " is no longer set up for your trust."};
    try {
        provider->client_secret = m_secrets.open(provider->client_secret);
    } catch (const std::exception& problem) {
        spdlog::error("openid: trust {} {}: the client secret cannot be opened ({}): save it again",
                      provider->trust_id, text_of(provider->kind), problem.what());
        return NotSignedIn{"Signing in with " + label +
                           " needs your Trellis administrator to save its settings again."};
    }
    std::string token;
    Metadata where;
    try {
        where = metadata(provider->authority);
        token = token_from(*provider, where, code, pending->code_verifier);
    } catch (const std::exception& problem) {
        spdlog::warn("openid: trust {} {}: {}", provider->trust_id, text_of(provider->kind), problem.what());
        return unreachable(provider->kind);
    }
    try {
        const Expectations expected{
            .issuer = where.issuer,
            .audience = provider->client_id,
            .nonce = pending->nonce,
            .now = db::now_seconds(),
            .allowed_tenants = provider->kind == ProviderKind::Microsoft ? allowed_tenants_of(*provider)
                                                                         : std::vector<std::string>{},
            .hosted_domain = provider->kind == ProviderKind::Google ? provider->hosted_domain : ""};
        const Identity identity =
            verified_identity(token, keys_for(where.jwks_uri, key_id_of(token).value_or("")), expected);
        return person_for(*provider, identity, pending->next_path);
    } catch (const Refused& refused) {
        spdlog::warn("openid: trust {} {}: token refused: {}", provider->trust_id, text_of(provider->kind),
                     refused.what());
        return NotSignedIn{label + "'s answer could not be trusted, so you are not signed in. Your Trellis "
                                   "administrator can see why in the server's log."};
    } catch (const std::exception& problem) {
        spdlog::warn("openid: trust {} {}: {}", provider->trust_id, text_of(provider->kind), problem.what());
        return unreachable(provider->kind);
    }
}

Outcome OpenIdService::person_for(const ProviderSettings& provider, const Identity& identity,
                                  const std::string& next_path) {
    const std::string label = label_of(provider.kind);
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    if (auto linked = store::linked_person(sql, identity.issuer, identity.subject)) {
        if (linked->first != provider.trust_id || !store::is_current(sql, linked->first, linked->second))
            return NotSignedIn{"This " + label + " account is not one of this trust's staff in Trellis."};
        return SignedIn{linked->first, linked->second, next_path};
    }
    // First sign-in: linked to the person with the same address, only at the trust's own domains.
    const auto at = identity.email.find('@');
    if (at == std::string::npos)
        return NotSignedIn{label + " did not tell Trellis your email address, so your account cannot be "
                                   "found. Ask your Trellis administrator."};
    const std::string domain = identity.email.substr(at + 1);
    if (std::find(provider.email_domains.begin(), provider.email_domains.end(), domain) ==
        provider.email_domains.end())
        return NotSignedIn{"Accounts at " + domain + " cannot sign in to this trust's Trellis."};
    const auto person = store::current_person_with_email(sql, provider.trust_id, identity.email);
    if (!person)
        return NotSignedIn{
            "Nobody with the address " + identity.email +
            " is on this trust's staff in Trellis. Ask your Trellis administrator to add you."};
    store::link(sql, identity.issuer, identity.subject, provider.trust_id, *person, db::now_seconds());
    audit::store::record(sql, provider.trust_id, *person, "sign_in_linked",
                         "Signed in with " + label + " for the first time: " + identity.email);
    transaction.commit();
    return SignedIn{provider.trust_id, *person, next_path};
}

OpenIdService::Metadata OpenIdService::metadata(const std::string& authority) {
    {
        std::lock_guard lock(m_cache_lock);
        const auto found = m_metadata.find(authority);
        if (found != m_metadata.end() &&
            std::chrono::steady_clock::now() - found->second.second < kMetadataLifetime)
            return found->second.first;
    }
    const std::string address = authority + "/.well-known/openid-configuration";
    const auto document = json_reply(web_client::get(address, {.connect = m_timeout, .total = m_timeout}),
                                     "the discovery document at " + address);
    Metadata where{text_field(document, "issuer"), text_field(document, "authorization_endpoint"),
                   text_field(document, "token_endpoint"), text_field(document, "jwks_uri")};
    if (where.issuer.empty() || where.authorization_endpoint.empty() || where.token_endpoint.empty() ||
        where.jwks_uri.empty())
        throw std::runtime_error("the discovery document at " + address + " lacks an issuer or an endpoint");
    std::lock_guard lock(m_cache_lock);
    m_metadata[authority] = {where, std::chrono::steady_clock::now()};
    return where;
}

nlohmann::json OpenIdService::keys_for(const std::string& jwks_uri, const std::string& kid) {
    const auto now = std::chrono::steady_clock::now();
    auto has_key = [&](const nlohmann::json& jwks) {
        if (!jwks.contains("keys") || !jwks["keys"].is_array())
            return false;
        return std::any_of(jwks["keys"].begin(), jwks["keys"].end(),
                           [&](const nlohmann::json& key) { return key.value("kid", "") == kid; });
    };
    {
        std::lock_guard lock(m_cache_lock);
        const auto found = m_keys.find(jwks_uri);
        if (found != m_keys.end()) {
            const auto age = now - found->second.fetched_at;
            // An unknown key id means the provider has rolled its keys: fetch them again. Tokens come
            // straight from the provider's token endpoint, so nobody else can make this happen.
            if (age < kKeysLifetime && has_key(found->second.jwks))
                return found->second.jwks;
        }
    }
    auto jwks = json_reply(web_client::get(jwks_uri, {.connect = m_timeout, .total = m_timeout}),
                           "the keys at " + jwks_uri);
    std::lock_guard lock(m_cache_lock);
    m_keys[jwks_uri] = {jwks, now};
    return jwks;
}

std::string OpenIdService::token_from(const ProviderSettings& provider, const Metadata& where,
                                      const std::string& code, const std::string& verifier) {
    if (code.empty())
        throw std::runtime_error("the provider sent no code back");
    const auto reply = web_client::post_form(where.token_endpoint,
                                             {{"grant_type", "authorization_code"},
                                              {"code", code},
                                              {"redirect_uri", m_redirect_uri},
                                              {"client_id", provider.client_id},
                                              {"client_secret", provider.client_secret},
                                              {"code_verifier", verifier}},
                                             {.connect = m_timeout, .total = m_timeout});
    const auto answer = json_reply(reply, "the token endpoint " + where.token_endpoint);
    const std::string token = text_field(answer, "id_token");
    if (token.empty())
        throw std::runtime_error("the token endpoint " + where.token_endpoint + " sent no ID token");
    return token;
}

bool OpenIdService::password_sign_in_allowed(long long trust_id) {
    auto session = m_database.lease();
    return store::password_sign_in(*session, trust_id) || store::providers_of(*session, trust_id).empty();
}

std::vector<ProviderSettings> OpenIdService::providers(const accounts::Actor& actor) {
    auto session = m_database.lease();
    return store::providers_of(*session, actor.trust_id);
}

bool OpenIdService::password_sign_in_setting(const accounts::Actor& actor) {
    auto session = m_database.lease();
    return store::password_sign_in(*session, actor.trust_id);
}

void OpenIdService::save_provider(const accounts::Actor& actor, const ProviderForm& form) {
    const auto kind = provider_kind_from_text(form.kind);
    if (!kind)
        throw std::invalid_argument("Choose Microsoft or Google.");
    ProviderSettings settings;
    settings.trust_id = actor.trust_id;
    settings.kind = *kind;
    settings.client_id = form.client_id;
    if (settings.client_id.empty() || settings.client_id.size() > 200)
        throw std::invalid_argument("Give the application's client id, as the provider shows it.");
    if (*kind == ProviderKind::Microsoft) {
        settings.tenant = text::lowered(form.tenant);
        if (settings.tenant != "organizations" && !is_tenant_id(settings.tenant))
            throw std::invalid_argument("Give your directory (tenant) id, as Entra shows it "
                                        "(8-4-4-4-12 letters and digits), or organizations for several.");
        settings.allowed_tenants = listed_values(form.allowed_tenants);
        for (const auto& tenant : settings.allowed_tenants)
            if (!is_tenant_id(tenant))
                throw std::invalid_argument("\"" + tenant + "\" is not a directory (tenant) id.");
        if (settings.tenant == "organizations" && settings.allowed_tenants.empty())
            throw std::invalid_argument(
                "List the directory (tenant) ids of your schools whose staff may sign in.");
    } else {
        settings.hosted_domain = text::lowered(form.hosted_domain);
        if (!is_domain(settings.hosted_domain))
            throw std::invalid_argument("Give your Google Workspace domain, for example oakfield.org.uk.");
    }
    settings.email_domains = listed_values(form.email_domains);
    if (settings.email_domains.empty() && *kind == ProviderKind::Google)
        settings.email_domains = {settings.hosted_domain};
    if (settings.email_domains.empty())
        throw std::invalid_argument(
            "List the domains of your staff's email addresses, for example oakfield.org.uk.");
    for (const auto& domain : settings.email_domains)
        if (!is_domain(domain))
            throw std::invalid_argument("\"" + domain + "\" is not an email domain.");
    settings.authority = form.authority.empty() ? default_authority(*kind, settings.tenant) : form.authority;
    while (!settings.authority.empty() && settings.authority.back() == '/')
        settings.authority.pop_back();
    if (!is_allowed_authority(settings.authority))
        throw std::invalid_argument("The provider's address must start with https://.");

    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    settings.client_secret = form.client_secret.empty() ? "" : m_secrets.seal(form.client_secret);
    if (settings.client_secret.empty()) {
        const auto saved = store::find_provider(sql, actor.trust_id, *kind);
        if (!saved)
            throw std::invalid_argument(
                "Give the client secret, as the provider shows it when you make one.");
        settings.client_secret = saved->client_secret;
    }
    store::save_provider(sql, settings, db::now_seconds());
    audit::store::record(sql, actor.trust_id, actor.person_id, "sign_in_provider_saved",
                         "Set up signing in with " + label_of(*kind));
    transaction.commit();
}

void OpenIdService::remove_provider(const accounts::Actor& actor, ProviderKind kind) {
    db::Transaction transaction(m_database);
    store::remove_provider(transaction.session(), actor.trust_id, kind);
    audit::store::record(transaction.session(), actor.trust_id, actor.person_id, "sign_in_provider_removed",
                         "Stopped signing in with " + label_of(kind));
    transaction.commit();
}

void OpenIdService::set_password_sign_in(const accounts::Actor& actor, bool allowed) {
    db::Transaction transaction(m_database);
    if (!allowed && store::providers_of(transaction.session(), actor.trust_id).empty())
        throw std::invalid_argument(
            "Set up signing in with Microsoft or Google before turning passwords off.");
    store::set_password_sign_in(transaction.session(), actor.trust_id, allowed);
    audit::store::record(transaction.session(), actor.trust_id, actor.person_id, "password_sign_in",
                         allowed ? "Turned signing in with a password on"
                                 : "Turned signing in with a password off");
    transaction.commit();
}

} // namespace trellis::openid
