#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

// The only SQL for allocation runs and placements. Every function names the trust.
namespace trellis::events::store {

// One run of the allocation engine: running, done or failed; `stats` is JSON.
struct AllocationRun {
    long long id = 0;
    long long event_id = 0;
    std::string status;
    std::string stats;
    std::string message;
    long long started_by = 0;
    long long started_at = 0;
    long long finished_at = 0;
};

// Where a person is in a slot; session_id 0 when they have no workshop in it.
struct PlacementRow {
    long long person_id = 0;
    long long slot_id = 0;
    long long session_id = 0;
    bool moved_by_hand = false;
};

long long insert_run(soci::session& sql, long long trust_id, long long event_id, long long started_by);
void finish_run(soci::session& sql, long long trust_id, long long run_id, const std::string& status,
                const std::string& stats, const std::string& message);
std::optional<AllocationRun> find_run(soci::session& sql, long long trust_id, long long event_id,
                                      long long run_id);
// The event's most recent run.
// The event a run belongs to, if the run is the trust's.
std::optional<long long> event_of_run(soci::session& sql, long long trust_id, long long run_id);
std::optional<AllocationRun> latest_run(soci::session& sql, long long trust_id, long long event_id);

// Replaces every placement of the event with these rows.
void replace_placements(soci::session& sql, long long trust_id, long long event_id,
                        const std::vector<PlacementRow>& rows);
std::vector<PlacementRow> placements_of_event(soci::session& sql, long long trust_id, long long event_id);
// Holds the session's row until the transaction ends, so that two moves into its last place
// queue rather than both counting a free place (PostgreSQL; SQLite's write transaction already
// does).
void lock_session(soci::session& sql, long long trust_id, long long session_id);
// How many people are placed in the session.
long long count_in_session(soci::session& sql, long long trust_id, long long session_id);
// Puts the person in the session for that slot, marked as moved by hand.
void move_person(soci::session& sql, long long trust_id, long long event_id, long long person_id,
                 long long slot_id, long long session_id);

} // namespace trellis::events::store
