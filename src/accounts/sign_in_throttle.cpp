#include "accounts/sign_in_throttle.h"

#include <algorithm>

#include "accounts/secrets.h"

namespace trellis::accounts {

namespace {

constexpr int kFreeAttemptsPerPair = 5;
constexpr int kFreeAttemptsPerAccount = 20;
constexpr int kFreeAttemptsPerAddress = 50;
constexpr long long kMemorySeconds = 3600;
constexpr long long kFirstWaitSeconds = 30;
constexpr long long kLongestWaitSeconds = 15 * 60;

constexpr const char* kEnsure =
    "INSERT INTO sign_in_failures (key_hash) VALUES (:key) ON CONFLICT (key_hash) DO NOTHING";
constexpr const char* kFind =
    "SELECT failures, last_failure, blocked_until FROM sign_in_failures WHERE key_hash = :key";
constexpr const char* kFindForUpdate = "SELECT failures, last_failure, blocked_until FROM sign_in_failures "
                                       "WHERE key_hash = :key FOR UPDATE";
constexpr const char* kUpdate = "UPDATE sign_in_failures SET failures = :failures, last_failure = :last, "
                                "blocked_until = :until WHERE key_hash = :key";
constexpr const char* kForget = "DELETE FROM sign_in_failures WHERE key_hash = :key";
constexpr const char* kForgetOld =
    "DELETE FROM sign_in_failures WHERE last_failure < :before AND blocked_until <= :now";

// Keys are hashed so the table holds no email or address in the clear.
std::string pair_key(const AttemptOrigin& origin) {
    return hash_token("pair:" + origin.email + "|" + origin.address);
}
std::string account_key(const AttemptOrigin& origin) {
    return hash_token("account:" + origin.email);
}
std::string address_key(const AttemptOrigin& origin) {
    return hash_token("address:" + origin.address);
}

FailureRecord find(soci::session& sql, const std::string& key, bool for_update) {
    FailureRecord record;
    soci::indicator found = soci::i_null;
    sql << (for_update ? kFindForUpdate : kFind), soci::use(key), soci::into(record.failures, found),
        soci::into(record.last_failure), soci::into(record.blocked_until);
    return found == soci::i_ok ? record : FailureRecord{};
}

void fail(soci::session& sql, const std::string& key, int free_attempts, long long now) {
    sql << kEnsure, soci::use(key);
    // SQLite's write transaction already serialises this; PostgreSQL needs the row lock.
    const FailureRecord record =
        after_failure(find(sql, key, sql.get_backend_name() == "postgresql"), free_attempts, now);
    sql << kUpdate, soci::use(record.failures), soci::use(record.last_failure),
        soci::use(record.blocked_until), soci::use(key);
}

} // namespace

FailureRecord after_failure(FailureRecord record, int free_attempts, long long now) {
    // A failure long ago says nothing about an attack now: the count starts again.
    if (now - record.last_failure > kMemorySeconds)
        record.failures = 0;
    record.last_failure = now;
    ++record.failures;
    if (record.failures >= free_attempts) {
        const long long doublings = std::min<long long>(record.failures - free_attempts, 5);
        record.blocked_until = now + std::min(kFirstWaitSeconds << doublings, kLongestWaitSeconds);
    }
    return record;
}

long long seconds_left(const FailureRecord& record, long long now) {
    return record.blocked_until > now ? record.blocked_until - now : 0;
}

long long seconds_to_wait(soci::session& sql, const AttemptOrigin& origin, long long now) {
    long long wait = seconds_left(find(sql, pair_key(origin), false), now);
    if (!origin.known_device) {
        wait = std::max(wait, seconds_left(find(sql, account_key(origin), false), now));
        wait = std::max(wait, seconds_left(find(sql, address_key(origin), false), now));
    }
    return wait;
}

void record_failure(soci::session& sql, const AttemptOrigin& origin, long long now) {
    fail(sql, pair_key(origin), kFreeAttemptsPerPair, now);
    fail(sql, account_key(origin), kFreeAttemptsPerAccount, now);
    fail(sql, address_key(origin), kFreeAttemptsPerAddress, now);
}

void record_success(soci::session& sql, const AttemptOrigin& origin) {
    // Named, not temporaries: SOCI runs the statement as the expression ends, after a temporary
    // bound with use() is already gone.
    const std::string pair = pair_key(origin), account = account_key(origin);
    sql << kForget, soci::use(pair);
    sql << kForget, soci::use(account);
}

void forget_old_failures(soci::session& sql, long long now) {
    const long long before = now - kMemorySeconds;
    sql << kForgetOld, soci::use(before), soci::use(now);
}

} // namespace trellis::accounts
