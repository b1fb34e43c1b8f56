#pragma once

#include <functional>

#include <optional>
#include <string>
#include <variant>

#include "accounts/model.h"
#include "accounts/sign_in_throttle.h"
#include "db/database.h"
#include "organisations/service.h"
#include "people/service.h"

namespace trellis::accounts {

// Why a sign-in did not succeed; the page words both the same way so accounts cannot be probed.
struct WrongCredentials {};
struct TooManyAttempts {
    long long seconds;
};
// The password was right, but the person's trust signs in only with its Microsoft or Google accounts.
struct PasswordsOff {};
using SignInResult = std::variant<NewSession, WrongCredentials, TooManyAttempts, PasswordsOff>;

// What the first-run setup page asks for.
struct SetupRequest {
    std::string organisation_name;
    std::string organisation_slug;
    std::string first_name;
    std::string last_name;
    std::string email;
    std::string password;
};

// Sign-in, sessions and passwords.
class AccountService {
  public:
    AccountService(db::Database& database, organisations::OrganisationService& organisations,
                   people::PeopleService& people, int session_minutes)
        : m_database(database), m_organisations(organisations), m_people(people),
          m_session_seconds(session_minutes * 60LL) {}

    // Checks the password (Argon2id), throttled as sign_in_throttle.h describes. `device_token` is
    // the browser's known-device cookie ("" when it has none).
    SignInResult sign_in(const std::string& email, const std::string& password, const std::string& address,
                         const std::string& device_token);
    // The signed-in person for a session token, extending the session; nullopt if unknown or expired.
    std::optional<Actor> authenticate(const std::string& token);
    // Ends the session.
    void sign_out(const std::string& token);

    // Changes the actor's own password, ends their sessions other than `current_session_token` and
    // retires any reset link made for them; returns a message for the person if it cannot.
    std::optional<std::string> change_password(const Actor& actor, const std::string& current_session_token,
                                               const std::string& current, const std::string& replacement);
    // A one-use reset token for a person of the actor's trust, valid for 72 hours; nullopt when
    // the person is not in the actor's trust.
    std::optional<std::string> create_reset_token(const Actor& actor, long long person_id);
    // The person a reset token is for, if the token is still usable.
    std::optional<people::Person> reset_target(const std::string& token);
    // Sets a new password through a reset token, ends the person's sessions, retires every other
    // reset link made for them, and signs them in; a message for the person if it cannot.
    std::variant<NewSession, std::string> reset_password(const std::string& token,
                                                         const std::string& replacement);

    // True while no organisation exists, so the setup page may create the first administrator.
    bool needs_setup();
    // Creates the first organisation and its administrator and signs them in; throws
    // std::invalid_argument with a message when setup is not allowed or a field is wrong.
    NewSession set_up(const SetupRequest& request);
    // Creates an organisation with its administrator, whatever else exists (an operator's command);
    // throws std::invalid_argument with a message when a field is wrong.
    void add_organisation(const SetupRequest& request);

    // Decides, per trust, whether its people may sign in with a password (a trust may sign in only
    // with its Microsoft or Google accounts); every trust may until this is set.
    void allow_passwords_when(std::function<bool(long long trust_id)> rule) {
        m_passwords_allowed = std::move(rule);
    }

    // Signs a person in without a password check (after setup, or a password reset).
    NewSession open_session(long long trust_id, long long person_id);

  private:
    enum class OnlyIfFirst { Yes, No };
    // Returns the administrator's trust and person ids.
    std::pair<long long, long long> create_organisation(const SetupRequest& request,
                                                        OnlyIfFirst only_if_first);

    db::Database& m_database;
    organisations::OrganisationService& m_organisations;
    people::PeopleService& m_people;
    long long m_session_seconds;
    std::function<bool(long long)> m_passwords_allowed = [](long long) { return true; };
};

// A message when the password is too weak or too long to accept, nullopt when acceptable.
std::optional<std::string> password_problem(const std::string& password);

} // namespace trellis::accounts
