#pragma once

#include <map>
#include <optional>
#include <vector>

#include <soci/soci.h>

#include "priorities/model.h"

// The only SQL for priorities and the trust priorities schools take on. Every function names the
// trust in its query.
namespace trellis::priorities::store {

// The trust's own priorities (school 0) or a school's, in the order they were added.
std::vector<Priority> priorities_of(soci::session& sql, long long trust_id, long long school_id);
// Every priority of the trust and of its schools, in the order they were added.
std::vector<Priority> every_priority(soci::session& sql, long long trust_id);
// The trust priorities each school takes on, by school.
std::map<long long, std::vector<long long>> every_adoption(soci::session& sql, long long trust_id);
std::optional<Priority> find_priority(soci::session& sql, long long trust_id, long long priority_id);
long long insert_priority(soci::session& sql, const Priority& priority);
// Updates the priority, and the title training days' briefs show for it.
void update_priority(soci::session& sql, const Priority& priority);

void set_adopted(soci::session& sql, long long trust_id, long long school_id,
                 const std::vector<long long>& ids);

// Ties each priority of an event's brief to the trust priority of the same title, adding that
// priority to the trust's when there is none yet.
void link_event_priorities(soci::session& sql, long long trust_id, long long event_id);

} // namespace trellis::priorities::store
