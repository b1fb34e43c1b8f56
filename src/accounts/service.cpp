#include "accounts/service.h"

#include <algorithm>
#include <cctype>

#include "accounts/secrets.h"
#include "accounts/store.h"
#include "audit/store.h"

namespace trellis::accounts {

namespace {

constexpr long long kResetLifetimeSeconds = 72 * 3600;

} // namespace

std::optional<std::string> password_problem(const std::string& password) {
    if (password.size() < 10)
        return "Choose a password of at least 10 characters.";
    if (password.size() > 200)
        return "Choose a password of at most 200 characters.";
    return std::nullopt;
}

SignInResult AccountService::sign_in(const std::string& raw_email, const std::string& password,
                                     const std::string& address, const std::string& device_token) {
    AttemptOrigin origin{people::normalised_email(raw_email), address, false};
    auto credentials = m_people.credentials(origin.email);
    {
        auto session = m_database.lease();
        if (credentials && !device_token.empty())
            origin.known_device =
                store::known_device_person(*session, hash_token(device_token)) == credentials->person_id;
        if (long long wait = seconds_to_wait(*session, origin, db::now_seconds()))
            return TooManyAttempts{wait};
    }
    // Verify against a fixed hash when the account is unknown, so timing does not reveal it.
    static const std::string decoy = hash_password("decoy password for timing");
    const bool matches = verify_password(credentials ? credentials->password_hash : decoy, password);
    std::string new_device_token;
    // Asked before the transaction, which must not lease a second session.
    const bool passwords_allowed = !credentials || m_passwords_allowed(credentials->trust_id);
    {
        db::Transaction transaction(m_database);
        if (!credentials || credentials->password_hash.empty() || !matches) {
            record_failure(transaction.session(), origin, db::now_seconds());
            transaction.commit();
            return WrongCredentials{};
        }
        record_success(transaction.session(), origin);
        if (!passwords_allowed) {
            transaction.commit();
            return PasswordsOff{};
        }
        forget_old_failures(transaction.session(), db::now_seconds());
        if (!origin.known_device) {
            new_device_token = random_token();
            store::insert_known_device(transaction.session(), hash_token(new_device_token),
                                       credentials->person_id, credentials->trust_id, db::now_seconds());
        }
        transaction.commit();
    } // One writer at a time: the session is opened once this transaction has ended.
    NewSession session = open_session(credentials->trust_id, credentials->person_id);
    session.new_device_token = new_device_token;
    return session;
}

NewSession AccountService::open_session(long long trust_id, long long person_id) {
    NewSession session{random_token(), db::now_seconds() + m_session_seconds};
    db::Transaction transaction(m_database);
    store::delete_expired_sessions(transaction.session(), db::now_seconds());
    store::insert_session(transaction.session(), hash_token(session.token), person_id, trust_id,
                          random_token(), session.expires_at);
    transaction.commit();
    return session;
}

std::optional<Actor> AccountService::authenticate(const std::string& token) {
    if (token.empty())
        return std::nullopt;
    const std::string token_hash = hash_token(token);
    const long long now = db::now_seconds();
    std::optional<store::StoredSession> stored;
    {
        auto session = m_database.lease();
        stored = store::find_session(*session, token_hash, now);
        // Extend only when half the lifetime has passed, so most requests write nothing.
        if (stored && stored->expires_at - now < m_session_seconds / 2)
            store::extend_session(*session, token_hash, now + m_session_seconds);
    }
    if (!stored)
        return std::nullopt;
    Actor actor;
    actor.person_id = stored->person_id;
    actor.trust_id = stored->trust_id;
    actor.school_id = stored->school_id;
    actor.role = people::role_from_text(stored->role).value_or(people::Role::Staff);
    actor.staff_group =
        people::staff_group_from_text(stored->staff_group).value_or(people::StaffGroup::Teacher);
    actor.display_name = stored->first_name + " " + stored->last_name;
    actor.email = stored->email;
    actor.trust_name = stored->trust_name;
    actor.smallest_group = stored->smallest_group;
    actor.shared_version = stored->shared_version;
    actor.csrf_token = stored->csrf_token;
    actor.own_phase = stored->phase;
    return actor;
}

void AccountService::sign_out(const std::string& token) {
    auto session = m_database.lease();
    store::delete_session(*session, hash_token(token));
}

std::optional<std::string> AccountService::change_password(const Actor& actor,
                                                           const std::string& current_session_token,
                                                           const std::string& current,
                                                           const std::string& replacement) {
    if (!verify_password(m_people.password_hash(actor.trust_id, actor.person_id), current))
        return "Your current password is not right.";
    if (auto problem = password_problem(replacement))
        return problem;
    const std::string hash = hash_password(replacement);
    db::Transaction transaction(m_database);
    m_people.set_password_hash(transaction, actor.trust_id, actor.person_id, hash);
    store::delete_other_sessions_of(transaction.session(), actor.trust_id, actor.person_id,
                                    hash_token(current_session_token));
    store::retire_resets_of(transaction.session(), actor.trust_id, actor.person_id, db::now_seconds());
    transaction.commit();
    return std::nullopt;
}

std::optional<std::string> AccountService::create_reset_token(const Actor& actor, long long person_id) {
    const auto person = m_people.person(actor.trust_id, person_id);
    if (!person)
        return std::nullopt;
    const std::string token = random_token();
    db::Transaction transaction(m_database);
    store::insert_reset(transaction.session(), hash_token(token), person_id, actor.trust_id, actor.person_id,
                        db::now_seconds() + kResetLifetimeSeconds);
    audit::store::record(transaction.session(), actor.trust_id, actor.person_id, "sign_in_link_made",
                         "Made a sign-in link for " + person->full_name());
    transaction.commit();
    return token;
}

std::optional<people::Person> AccountService::reset_target(const std::string& token) {
    std::optional<store::StoredReset> reset;
    {
        auto session = m_database.lease();
        reset = store::find_reset(*session, hash_token(token), db::now_seconds());
    }
    if (!reset)
        return std::nullopt;
    return m_people.person(reset->trust_id, reset->person_id);
}

std::variant<NewSession, std::string> AccountService::reset_password(const std::string& token,
                                                                     const std::string& replacement) {
    if (auto problem = password_problem(replacement))
        return *problem;
    if (const auto person = reset_target(token); person && !m_passwords_allowed(person->trust_id))
        return std::string("Your trust signs in with its Microsoft or Google accounts, so it has no Trellis "
                           "passwords. Use the button on the sign-in page.");
    const std::string hash = hash_password(replacement);
    std::optional<store::StoredReset> reset;
    {
        db::Transaction transaction(m_database);
        reset = store::find_reset(transaction.session(), hash_token(token), db::now_seconds());
        if (!reset)
            return std::string(
                "This link has expired or has already been used. Ask your administrator for a new one.");
        m_people.set_password_hash(transaction, reset->trust_id, reset->person_id, hash);
        store::retire_resets_of(transaction.session(), reset->trust_id, reset->person_id, db::now_seconds());
        store::delete_sessions_of(transaction.session(), reset->trust_id, reset->person_id);
        transaction.commit();
    }
    // The person has just proved who they are by choosing a password; asking again is a chore.
    // (The transaction above has ended: only one writer holds the database at a time.)
    return open_session(reset->trust_id, reset->person_id);
}

bool AccountService::needs_setup() {
    return m_organisations.is_empty();
}

NewSession AccountService::set_up(const SetupRequest& request) {
    auto [trust_id, person_id] = create_organisation(request, OnlyIfFirst::Yes);
    return open_session(trust_id, person_id);
}

void AccountService::add_organisation(const SetupRequest& request) {
    create_organisation(request, OnlyIfFirst::No);
}

std::pair<long long, long long> AccountService::create_organisation(const SetupRequest& request,
                                                                    OnlyIfFirst only_if_first) {
    if (auto problem = password_problem(request.password))
        throw std::invalid_argument(*problem);
    const std::string hash = hash_password(request.password);
    db::Transaction transaction(m_database);
    // Checked inside the transaction so two setup forms posted at once cannot both succeed.
    if (only_if_first == OnlyIfFirst::Yes && !m_organisations.is_empty_in(transaction))
        throw std::invalid_argument("Trellis is already set up. Sign in instead.");
    const long long trust_id =
        m_organisations.create_trust(transaction, request.organisation_slug, request.organisation_name);
    people::Person admin;
    admin.trust_id = trust_id;
    admin.email = people::normalised_email(request.email);
    admin.first_name = request.first_name;
    admin.last_name = request.last_name;
    admin.staff_group = people::StaffGroup::Leader;
    admin.job_title = "Administrator";
    admin.role = people::Role::Admin;
    const long long person_id = m_people.add_person(transaction, admin, hash);
    transaction.commit();
    return {trust_id, person_id};
}

} // namespace trellis::accounts
