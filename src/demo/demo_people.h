#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include <soci/soci.h>

// Finding the demo trust's people and priorities when the demo data is laid on, for every part of the
// demo.
namespace trellis::demo {

// The id of the trust's person with this email, or 0.
long long id_of(soci::session& sql, long long trust_id, const std::string& email);

// The current staff of one staff group ("teacher", "support"…) with their school (0: the central
// team), in a steady order.
std::vector<std::pair<long long, long long>> staff_in(soci::session& sql, long long trust_id,
                                                      const std::string& group);

// The id of the trust priority with this title (in any case), added to the trust when there is none.
long long trust_priority(soci::session& sql, long long trust_id, const std::string& title);

// The school day `days` before today (or after, when negative), stepping back to the last one when
// that day is a weekend or a holiday: meetings and lessons happen in term time.
std::string school_day_before(std::chrono::sys_days today, int days);

} // namespace trellis::demo
