#pragma once

#include <string>

#include <soci/soci.h>

// Slows down password guessing without letting anyone lock a named person out. Failures are
// counted in the database (so several servers share them) under three keys:
// - the account and address together: five free tries, then a wait that doubles from 30 seconds
//   to 15 minutes; this is what stops guessing from one place;
// - the account alone: twenty free tries, for guessing spread over many addresses;
// - the address alone: fifty free tries (a school's staff often share one public address), for
//   one place trying many accounts.
// The right password from a browser the person signed in with before passes the account and
// address waits; only its own account-and-address wait still holds.
namespace trellis::accounts {

// How many failures one key has had, and until when it must wait (seconds since the epoch).
struct FailureRecord {
    long long failures = 0;
    long long last_failure = 0;
    long long blocked_until = 0;
};

// The record after one more failure at `now`, for a key with `free_attempts` before any wait.
// Failures more than an hour old are forgotten first.
FailureRecord after_failure(FailureRecord record, int free_attempts, long long now);

// Seconds still to wait at `now`; 0 to go ahead.
long long seconds_left(const FailureRecord& record, long long now);

// Where a sign-in attempt comes from.
struct AttemptOrigin {
    std::string email;   // normalised
    std::string address; // the client's address (see http::client_address)
    bool known_device = false;
};

// Seconds the attempt must wait before its password is even checked; 0 to go ahead.
long long seconds_to_wait(soci::session& sql, const AttemptOrigin& origin, long long now);
// Counts a wrong password against every key of the attempt.
void record_failure(soci::session& sql, const AttemptOrigin& origin, long long now);
// Forgets the account's and this pair's failures after the right password.
void record_success(soci::session& sql, const AttemptOrigin& origin);
// Removes records with nothing left to say (old failures, no wait).
void forget_old_failures(soci::session& sql, long long now);

} // namespace trellis::accounts
