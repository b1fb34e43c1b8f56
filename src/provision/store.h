#pragma once

#include <map>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "provision/model.h"

// The SQL that reads what was offered to whom: training-day workshops by the priority they serve,
// the places people were given, and programmes' members. Every query names the trust.
namespace trellis::provision::store {

// A workshop scheduled on a training day between two days, once per workshop (however many times it
// runs), with who may take part.
struct Workshop {
    long long offer_id = 0;
    long long event_id = 0;
    long long priority_id = 0;
    std::string audience;     // the offer's staff groups, comma-separated; "" everyone
    std::string phase;        // the offer's phase; "" any
    std::string event_groups; // the training day's staff groups; "" every group
    int minutes = 0;          // one run
};
std::vector<Workshop> workshops_between(soci::session& sql, long long trust_id, const std::string& from,
                                        const std::string& to);
// The schools taking part in each of the trust's training days.
std::map<long long, std::vector<long long>> event_schools(soci::session& sql, long long trust_id);
// Workshop places allocated between two days, by the priority served and the school staff group.
std::vector<Places> workshop_places(soci::session& sql, long long trust_id, const std::string& from,
                                    const std::string& to);
// Each programme's members (not those waiting), by school staff group.
std::map<long long, std::map<StaffCell, int>> programme_members(soci::session& sql, long long trust_id);

} // namespace trellis::provision::store
