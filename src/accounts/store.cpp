#include "accounts/store.h"

#include "db/database.h"
#include "db/rows.h"

namespace trellis::accounts::store {

namespace {
constexpr const char* kInsertSession =
    "INSERT INTO sessions (token_hash, person_id, trust_id, csrf_token, created_at, expires_at) "
    "VALUES (:hash, :person, :trust, :csrf, :now, :expires)";
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
// The session, its person and their trust in one read, on every signed-in request: kept prepared.
struct SessionLookup {
    static constexpr const char* kQuery =
        "SELECT s.person_id, s.trust_id, s.csrf_token, s.expires_at, p.school_id, p.role, p.staff_group, "
        "p.first_name, p.last_name, p.email, t.name, t.smallest_group, t.shared_version, p.phase FROM "
        "sessions s "
        "JOIN people p ON p.id = s.person_id AND p.trust_id = s.trust_id JOIN trusts t ON t.id = s.trust_id "
        "WHERE s.token_hash = :hash AND s.expires_at > :now AND p.left_at = 0";
    std::string token_hash;
    long long now = 0;
    StoredSession row;
    soci::indicator school = soci::i_ok;
    void exchange(soci::statement& statement) {
        statement.exchange(soci::use(token_hash));
        statement.exchange(soci::use(now));
        statement.exchange(soci::into(row.person_id));
        statement.exchange(soci::into(row.trust_id));
        statement.exchange(soci::into(row.csrf_token));
        statement.exchange(soci::into(row.expires_at));
        statement.exchange(soci::into(row.school_id, school));
        statement.exchange(soci::into(row.role));
        statement.exchange(soci::into(row.staff_group));
        statement.exchange(soci::into(row.first_name));
        statement.exchange(soci::into(row.last_name));
        statement.exchange(soci::into(row.email));
        statement.exchange(soci::into(row.trust_name));
        statement.exchange(soci::into(row.smallest_group));
        statement.exchange(soci::into(row.shared_version));
        statement.exchange(soci::into(row.phase));
    }
};
} // namespace

void insert_session(soci::session& sql, const std::string& token_hash, long long person_id,
                    long long trust_id, const std::string& csrf_token, long long expires_at) {
    long long now = db::now_seconds();
    sql << kInsertSession, soci::use(token_hash), soci::use(person_id), soci::use(trust_id),
        soci::use(csrf_token), soci::use(now), soci::use(expires_at);
}

std::optional<StoredSession> find_session(soci::session& sql, const std::string& token_hash, long long now) {
    auto& lookup = db::kept<SessionLookup>(sql);
    lookup.fields.token_hash = token_hash;
    lookup.fields.now = now;
    lookup.run();
    if (!lookup.fetch())
        return std::nullopt;
    StoredSession stored = lookup.fields.row;
    if (lookup.fields.school != soci::i_ok)
        stored.school_id = 0;
    // Read to the end (a token names one session), so no statement is left part-read.
    while (lookup.fetch()) {
    }
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
    db::read_one(sql, kKnownDevicePerson, soci::use(token_hash), soci::into(person_id, found));
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
    if (!db::read_one(sql, kFindReset, soci::use(token_hash), soci::use(now), soci::into(stored.id),
                      soci::into(stored.person_id), soci::into(stored.trust_id)))
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
