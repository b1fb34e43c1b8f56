#include "accounts/store.h"

#include "db/database.h"

namespace trellis::accounts::store {

namespace {
constexpr const char* kInsertSession =
    "INSERT INTO sessions (token_hash, person_id, trust_id, csrf_token, created_at, expires_at) "
    "VALUES (:hash, :person, :trust, :csrf, :now, :expires)";
constexpr const char* kFindSession =
    "SELECT s.person_id, s.trust_id, s.csrf_token, s.expires_at, p.school_id, p.role, p.staff_group, "
    "p.first_name, p.last_name, p.email, t.name, t.smallest_group FROM sessions s "
    "JOIN people p ON p.id = s.person_id AND p.trust_id = s.trust_id JOIN trusts t ON t.id = s.trust_id "
    "WHERE s.token_hash = :hash AND s.expires_at > :now AND p.left_at = 0";
constexpr const char* kExtendSession = "UPDATE sessions SET expires_at = :expires WHERE token_hash = :hash";
constexpr const char* kDeleteSession = "DELETE FROM sessions WHERE token_hash = :hash";
constexpr const char* kDeleteSessionsOf =
    "DELETE FROM sessions WHERE trust_id = :trust AND person_id = :person";
constexpr const char* kDeleteOtherSessionsOf =
    "DELETE FROM sessions WHERE trust_id = :trust AND person_id = :person AND token_hash <> :kept";
constexpr const char* kDeleteExpiredSessions = "DELETE FROM sessions WHERE expires_at <= :now";
constexpr const char* kInsertKnownDevice = "INSERT INTO known_devices (token_hash, person_id, trust_id, "
                                           "last_used) VALUES (:hash, :person, :trust, :now)";
constexpr const char* kKnownDevicePerson = "SELECT person_id FROM known_devices WHERE token_hash = :hash";
constexpr const char* kInsertReset =
    "INSERT INTO password_resets (token_hash, person_id, trust_id, created_by, created_at, expires_at) "
    "VALUES (:hash, :person, :trust, :by, :now, :expires)";
constexpr const char* kFindReset =
    "SELECT r.id, r.person_id, r.trust_id FROM password_resets r JOIN people p ON p.id = r.person_id "
    "AND p.trust_id = r.trust_id WHERE r.token_hash = :hash AND r.used_at = 0 AND r.expires_at > :now "
    "AND p.left_at = 0";
constexpr const char* kMarkResetUsed = "UPDATE password_resets SET used_at = :now WHERE id = :id";
constexpr const char* kRetireResetsOf = "UPDATE password_resets SET used_at = :now "
                                        "WHERE trust_id = :trust AND person_id = :person AND used_at = 0";
} // namespace

void insert_session(soci::session& sql, const std::string& token_hash, long long person_id,
                    long long trust_id, const std::string& csrf_token, long long expires_at) {
    long long now = db::now_seconds();
    sql << kInsertSession, soci::use(token_hash), soci::use(person_id), soci::use(trust_id),
        soci::use(csrf_token), soci::use(now), soci::use(expires_at);
}

std::optional<StoredSession> find_session(soci::session& sql, const std::string& token_hash, long long now) {
    StoredSession stored;
    soci::indicator school = soci::i_ok;
    sql << kFindSession, soci::use(token_hash), soci::use(now), soci::into(stored.person_id),
        soci::into(stored.trust_id), soci::into(stored.csrf_token), soci::into(stored.expires_at),
        soci::into(stored.school_id, school), soci::into(stored.role), soci::into(stored.staff_group),
        soci::into(stored.first_name), soci::into(stored.last_name), soci::into(stored.email),
        soci::into(stored.trust_name), soci::into(stored.smallest_group);
    if (!sql.got_data())
        return std::nullopt;
    if (school != soci::i_ok)
        stored.school_id = 0;
    return stored;
}

void extend_session(soci::session& sql, const std::string& token_hash, long long expires_at) {
    sql << kExtendSession, soci::use(expires_at), soci::use(token_hash);
}

void delete_session(soci::session& sql, const std::string& token_hash) {
    sql << kDeleteSession, soci::use(token_hash);
}

void delete_sessions_of(soci::session& sql, long long trust_id, long long person_id) {
    sql << kDeleteSessionsOf, soci::use(trust_id), soci::use(person_id);
}

void delete_other_sessions_of(soci::session& sql, long long trust_id, long long person_id,
                              const std::string& kept_token_hash) {
    sql << kDeleteOtherSessionsOf, soci::use(trust_id), soci::use(person_id), soci::use(kept_token_hash);
}

void delete_expired_sessions(soci::session& sql, long long now) {
    sql << kDeleteExpiredSessions, soci::use(now);
}

void insert_known_device(soci::session& sql, const std::string& token_hash, long long person_id,
                         long long trust_id, long long now) {
    sql << kInsertKnownDevice, soci::use(token_hash), soci::use(person_id), soci::use(trust_id),
        soci::use(now);
}

std::optional<long long> known_device_person(soci::session& sql, const std::string& token_hash) {
    long long person_id = 0;
    soci::indicator found = soci::i_null;
    sql << kKnownDevicePerson, soci::use(token_hash), soci::into(person_id, found);
    if (found != soci::i_ok)
        return std::nullopt;
    return person_id;
}

void insert_reset(soci::session& sql, const std::string& token_hash, long long person_id, long long trust_id,
                  long long created_by, long long expires_at) {
    long long now = db::now_seconds();
    sql << kInsertReset, soci::use(token_hash), soci::use(person_id), soci::use(trust_id),
        soci::use(created_by), soci::use(now), soci::use(expires_at);
}

std::optional<StoredReset> find_reset(soci::session& sql, const std::string& token_hash, long long now) {
    StoredReset stored;
    sql << kFindReset, soci::use(token_hash), soci::use(now), soci::into(stored.id),
        soci::into(stored.person_id), soci::into(stored.trust_id);
    if (!sql.got_data())
        return std::nullopt;
    return stored;
}

void mark_reset_used(soci::session& sql, long long reset_id, long long now) {
    sql << kMarkResetUsed, soci::use(now), soci::use(reset_id);
}

void retire_resets_of(soci::session& sql, long long trust_id, long long person_id, long long now) {
    sql << kRetireResetsOf, soci::use(now), soci::use(trust_id), soci::use(person_id);
}

} // namespace trellis::accounts::store
