#pragma once

#include <vector>

#include <soci/soci.h>

#include "events/schedule/schedule_model.h"

// The only SQL for approved workshops and their sessions. Every function names the trust.
namespace trellis::events::store {

// The event's approved workshops, by title.
std::vector<Workshop> approved_workshops(soci::session& sql, long long trust_id, long long event_id);
// Every session of the event with its places, by slot and room.
std::vector<WorkshopSession> sessions_of(soci::session& sql, long long trust_id, long long event_id);
// Makes the event's sessions exactly these cells; cells already placed keep their session id, so
// placements in them stay.
void replace_sessions(soci::session& sql, long long trust_id, long long event_id,
                      const std::vector<Placement>& cells);

// Adds an approved offer; for tests and benchmarks that need workshops without the offer pages.
long long insert_approved_offer(soci::session& sql, long long trust_id, long long event_id,
                                const Workshop& offer);

} // namespace trellis::events::store
