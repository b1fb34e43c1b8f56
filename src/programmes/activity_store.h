#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "programmes/model.h"

// The only SQL for programme activities. Every function names the trust in its query.
namespace trellis::programmes::activity_store {

// The programme's activities in their order.
std::vector<Activity> activities_of(soci::session& sql, long long trust_id, long long programme_id);
// Every programme's activities in the trust, by programme id, each in the order activities_of gives:
// one read where a page lists several programmes' activities.
std::map<long long, std::vector<Activity>> activities_by_programme(soci::session& sql, long long trust_id);
// Every activity of the trust's programmes, by day: for timelines across programmes.
std::vector<Activity> activities_between(soci::session& sql, long long trust_id, const std::string& from,
                                         const std::string& to);
std::optional<Activity> find_activity(soci::session& sql, long long trust_id, long long activity_id);
// Appends the activity at the end of its programme; returns its id.
long long insert_activity(soci::session& sql, const Activity& activity);
void update_activity(soci::session& sql, const Activity& activity);
void delete_activity(soci::session& sql, long long trust_id, long long activity_id);
void set_position(soci::session& sql, long long trust_id, long long activity_id, int position);

// The trust's live sessions held before `today` (YYYY-MM-DD) with no attendance marked, by day.
std::vector<Activity> sessions_without_register(soci::session& sql, long long trust_id,
                                                const std::string& today);

// The code participants type in to check in to a live session ("" until one is made).
std::string check_in_code_of(soci::session& sql, long long trust_id, long long activity_id);
void set_check_in_code(soci::session& sql, long long trust_id, long long activity_id,
                       const std::string& code);

} // namespace trellis::programmes::activity_store
