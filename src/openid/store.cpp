#include "openid/store.h"

#include "db/rows.h"
#include "text/words.h"

namespace trellis::openid::store {

namespace {

// One provider row's columns, bound in kProviderColumns's order.
struct ProviderRow {
    long long trust_id = 0;
    std::string kind, tenant, allowed_tenants, hosted_domain, email_domains, client_id, client_secret,
        authority;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(trust_id));
        for (std::string* text : {&kind, &tenant, &allowed_tenants, &hosted_domain, &email_domains,
                                  &client_id, &client_secret, &authority})
            statement.exchange(soci::into(*text));
    }
    ProviderSettings fetched() const {
        return {.trust_id = trust_id,
                .kind = provider_kind_from_text(kind).value_or(ProviderKind::Microsoft),
                .tenant = tenant,
                .allowed_tenants = text::lines_of(allowed_tenants),
                .hosted_domain = hosted_domain,
                .email_domains = text::lines_of(email_domains),
                .client_id = client_id,
                .client_secret = client_secret,
                .authority = authority};
    }
};

constexpr const char* kProviderColumns =
    "SELECT trust_id, kind, tenant, allowed_tenants, hosted_domain, email_domains, client_id, client_secret, "
    "authority FROM openid_providers ";

} // namespace

std::vector<SignInChoice> sign_in_choices(soci::session& sql) {
    std::vector<SignInChoice> choices;
    long long trust_id = 0;
    std::string trust_name, kind;
    auto rows =
        db::run_once(sql,
                     "SELECT p.trust_id, t.name, p.kind FROM openid_providers p JOIN trusts t ON t.id = "
                     "p.trust_id ORDER BY t.name, p.kind",
                     soci::into(trust_id), soci::into(trust_name), soci::into(kind));
    while (rows.fetch())
        choices.push_back({.trust_id = trust_id,
                           .trust_name = trust_name,
                           .kind = provider_kind_from_text(kind).value_or(ProviderKind::Microsoft)});
    return choices;
}

std::optional<ProviderSettings> find_provider(soci::session& sql, long long trust_id, ProviderKind kind) {
    const std::string kind_text = text_of(kind);
    ProviderRow row;
    std::optional<ProviderSettings> found;
    db::fetch_rows(
        sql, std::string(kProviderColumns) + "WHERE trust_id = :trust AND kind = :kind", row,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(kind_text));
        },
        [&](ProviderSettings settings) { found = std::move(settings); });
    return found;
}

std::vector<ProviderSettings> providers_of(soci::session& sql, long long trust_id) {
    std::vector<ProviderSettings> providers;
    ProviderRow row;
    db::fetch_rows(
        sql, std::string(kProviderColumns) + "WHERE trust_id = :trust ORDER BY kind", row,
        [&](soci::statement& statement) { statement.exchange(soci::use(trust_id)); },
        [&](ProviderSettings settings) { providers.push_back(std::move(settings)); });
    return providers;
}

void save_provider(soci::session& sql, const ProviderSettings& settings, long long now) {
    const std::string kind = text_of(settings.kind), allowed = text::joined(settings.allowed_tenants, "\n"),
                      domains = text::joined(settings.email_domains, "\n");
    sql << "INSERT INTO openid_providers (trust_id, kind, tenant, allowed_tenants, hosted_domain, "
           "email_domains, "
           "client_id, client_secret, authority, updated_at) VALUES (:trust, :kind, :tenant, :allowed, :hd, "
           ":domains, :client, :secret, :authority, :now) ON CONFLICT (trust_id, kind) DO UPDATE SET tenant "
           "= "
           "excluded.tenant, allowed_tenants = excluded.allowed_tenants, hosted_domain = "
           "excluded.hosted_domain, "
           "email_domains = excluded.email_domains, client_id = excluded.client_id, client_secret = "
           "excluded.client_secret, authority = excluded.authority, updated_at = excluded.updated_at",
        soci::use(settings.trust_id), soci::use(kind), soci::use(settings.tenant), soci::use(allowed),
        soci::use(settings.hosted_domain), soci::use(domains), soci::use(settings.client_id),
        soci::use(settings.client_secret), soci::use(settings.authority), soci::use(now);
}

void remove_provider(soci::session& sql, long long trust_id, ProviderKind kind) {
    const std::string kind_text = text_of(kind);
    sql << "DELETE FROM openid_providers WHERE trust_id = :trust AND kind = :kind", soci::use(trust_id),
        soci::use(kind_text);
}

bool password_sign_in(soci::session& sql, long long trust_id) {
    long long allowed = 1;
    db::read_one(sql, "SELECT password_sign_in FROM trusts WHERE id = :trust", soci::use(trust_id),
                 soci::into(allowed));
    return allowed != 0;
}

void set_password_sign_in(soci::session& sql, long long trust_id, bool allowed) {
    const long long value = allowed ? 1 : 0;
    sql << "UPDATE trusts SET password_sign_in = :value WHERE id = :trust", soci::use(value),
        soci::use(trust_id);
}

void insert_pending(soci::session& sql, const std::string& state_hash, const PendingSignIn& pending) {
    const std::string kind = text_of(pending.kind);
    sql << "INSERT INTO openid_sign_ins (state_hash, trust_id, kind, nonce, code_verifier, next_path, "
           "created_at) "
           "VALUES (:state, :trust, :kind, :nonce, :verifier, :next, :at)",
        soci::use(state_hash), soci::use(pending.trust_id), soci::use(kind), soci::use(pending.nonce),
        soci::use(pending.code_verifier), soci::use(pending.next_path), soci::use(pending.created_at);
}

std::optional<PendingSignIn> take_pending(soci::session& sql, const std::string& state_hash) {
    PendingSignIn pending;
    std::string kind;
    if (!db::read_one(
            sql,
            "SELECT trust_id, kind, nonce, code_verifier, next_path, created_at FROM openid_sign_ins WHERE "
            "state_hash = :state",
            soci::use(state_hash), soci::into(pending.trust_id), soci::into(kind), soci::into(pending.nonce),
            soci::into(pending.code_verifier), soci::into(pending.next_path), soci::into(pending.created_at)))
        return std::nullopt;
    pending.kind = provider_kind_from_text(kind).value_or(ProviderKind::Microsoft);
    // Two servers finishing the same sign-in at once: only the one whose delete removed the row goes on.
    auto removal =
        db::run_change(sql, "DELETE FROM openid_sign_ins WHERE state_hash = :state", soci::use(state_hash));
    if (removal.get_affected_rows() != 1)
        return std::nullopt;
    return pending;
}

void delete_pending_before(soci::session& sql, long long created_before) {
    sql << "DELETE FROM openid_sign_ins WHERE created_at < :before", soci::use(created_before);
}

std::optional<std::pair<long long, long long>> linked_person(soci::session& sql, const std::string& issuer,
                                                             const std::string& subject) {
    long long trust_id = 0, person_id = 0;
    if (!db::read_one(
            sql,
            "SELECT trust_id, person_id FROM openid_identities WHERE issuer = :issuer AND subject = :subject",
            soci::use(issuer), soci::use(subject), soci::into(trust_id), soci::into(person_id)))
        return std::nullopt;
    return std::make_pair(trust_id, person_id);
}

void link(soci::session& sql, const std::string& issuer, const std::string& subject, long long trust_id,
          long long person_id, long long now) {
    sql << "INSERT INTO openid_identities (issuer, subject, trust_id, person_id, linked_at) VALUES (:issuer, "
           ":subject, :trust, :person, :now)",
        soci::use(issuer), soci::use(subject), soci::use(trust_id), soci::use(person_id), soci::use(now);
}

bool is_current(soci::session& sql, long long trust_id, long long person_id) {
    long long found = 0;
    db::read_one(sql, "SELECT COUNT(*) FROM people WHERE trust_id = :trust AND id = :person AND left_at = 0",
                 soci::use(trust_id), soci::use(person_id), soci::into(found));
    return found == 1;
}

std::optional<long long> current_person_with_email(soci::session& sql, long long trust_id,
                                                   const std::string& email) {
    long long person_id = 0;
    if (!db::read_one(sql, "SELECT id FROM people WHERE trust_id = :trust AND email = :email AND left_at = 0",
                      soci::use(trust_id), soci::use(email), soci::into(person_id)))
        return std::nullopt;
    return person_id;
}

std::vector<std::pair<std::string, long long>> identities_of(soci::session& sql, long long trust_id,
                                                             long long person_id) {
    std::vector<std::pair<std::string, long long>> identities;
    std::string issuer;
    long long linked_at = 0;
    auto rows =
        db::run_once(sql,
                     "SELECT issuer, linked_at FROM openid_identities WHERE trust_id = :trust AND "
                     "person_id = :person ORDER BY linked_at",
                     soci::into(issuer), soci::into(linked_at), soci::use(trust_id), soci::use(person_id));
    while (rows.fetch())
        identities.emplace_back(issuer, linked_at);
    return identities;
}

} // namespace trellis::openid::store
