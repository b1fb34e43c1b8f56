#pragma once

#include <optional>
#include <string>

#include <soci/soci.h>

// The only SQL for the sessions and password_resets tables. Tokens arrive here already hashed.
namespace trellis::accounts::store {

struct StoredSession {
    long long person_id = 0;
    long long trust_id = 0;
    std::string csrf_token;
    long long expires_at = 0;
    // Who the session belongs to, read in the same query so that a request costs one lookup.
    long long school_id = 0;
    std::string role;
    std::string staff_group;
    std::string first_name;
    std::string last_name;
    std::string email;
    std::string trust_name;
    int smallest_group = 5;
    long long shared_version = 0;
    std::string phase;
};

struct StoredReset {
    long long id = 0;
    long long person_id = 0;
    long long trust_id = 0;
};

// Records a new sign-in.
void insert_session(soci::session& sql, const std::string& token_hash, long long person_id,
                    long long trust_id, const std::string& csrf_token, long long expires_at);
// The unexpired session with this token hash, if any.
// A live session with its person and trust, if the token hash names one that has not expired.
std::optional<StoredSession> find_session(soci::session& sql, const std::string& token_hash, long long now);
// Moves a session's expiry forward.
void extend_session(soci::session& sql, const std::string& token_hash, long long expires_at);
// Ends one session.
void delete_session(soci::session& sql, const std::string& token_hash);
// Ends every session of a person in a trust (after a password reset).
void delete_sessions_of(soci::session& sql, long long trust_id, long long person_id);
// Ends every session of a person in a trust but the one with this token hash (after they change
// their own password, their other browsers are signed out).
void delete_other_sessions_of(soci::session& sql, long long trust_id, long long person_id,
                              const std::string& kept_token_hash);
// Removes sessions that expired before `now`.
void delete_expired_sessions(soci::session& sql, long long now);

// Remembers a browser a person signed in from (see sign_in_throttle.h).
void insert_known_device(soci::session& sql, const std::string& token_hash, long long person_id,
                         long long trust_id, long long now);
// The person a known-device token belongs to, if any.
std::optional<long long> known_device_person(soci::session& sql, const std::string& token_hash);

// Records a one-use password-reset link.
void insert_reset(soci::session& sql, const std::string& token_hash, long long person_id, long long trust_id,
                  long long created_by, long long expires_at);
// The unused, unexpired reset with this token hash, if any.
std::optional<StoredReset> find_reset(soci::session& sql, const std::string& token_hash, long long now);
// Marks a reset used so the link cannot be followed again.
void mark_reset_used(soci::session& sql, long long reset_id, long long now);
// Marks every unused reset of a person used: once a password is set, no earlier or later link
// made before that moment may set it again.
void retire_resets_of(soci::session& sql, long long trust_id, long long person_id, long long now);

} // namespace trellis::accounts::store
