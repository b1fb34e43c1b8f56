#pragma once

#include <string>
#include <vector>

#include <soci/soci.h>

// The only SQL for the audit log. Every function names the trust in its query.
namespace trellis::audit::store {

// One thing done, as the log keeps it.
struct AuditEvent {
    long long id = 0;
    long long actor_id = 0; // 0: nobody signed in (a command-line import)
    std::string actor_name; // "" when the actor has since been erased
    std::string action;     // a short key, e.g. "role_changed"
    std::string summary;    // what happened, in words
    long long at = 0;
};

// Records what an actor did, inside the caller's transaction (the change and its record stand or
// fall together). `actor_id` 0 records no actor.
void record(soci::session& sql, long long trust_id, long long actor_id, const std::string& action,
            const std::string& summary);
// The trust's events, newest first, `limit` from `offset`.
std::vector<AuditEvent> recent(soci::session& sql, long long trust_id, int limit, int offset);
long long count(soci::session& sql, long long trust_id);

} // namespace trellis::audit::store
