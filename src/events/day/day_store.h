#pragma once

#include <vector>

#include <soci/soci.h>

#include "events/day/day_model.h"

// The only SQL for what the day reads and writes: sessions as placed, people's placements,
// registers and attendance. Every function names the trust in its query.
namespace trellis::events::day_store {

// Every session of the event with its workshop, presenter, slot, room and number placed, in slot
// order then room name.
std::vector<SessionView> sessions_of(soci::session& sql, long long trust_id, long long event_id);
// The ids of the sessions a person is placed in at the event.
std::vector<long long> placed_sessions(soci::session& sql, long long trust_id, long long event_id,
                                       long long person_id);
// The people placed in a session, by surname, with their attendance when taken.
std::vector<RegisterEntry> register_of(soci::session& sql, long long trust_id, long long session_id);

} // namespace trellis::events::day_store
