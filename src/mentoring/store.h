#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <soci/soci.h>

#include "mentoring/model.h"

// The only SQL for mentoring and coaching. Every function names the trust in its query.
namespace trellis::mentoring::store {

long long insert_step(soci::session& sql, long long trust_id, long long created_by, const Step& step);
// The trust's steps, by title.
std::vector<Step> steps(soci::session& sql, long long trust_id);
std::optional<Step> find_step(soci::session& sql, long long trust_id, long long step_id);

long long insert_pair(soci::session& sql, long long trust_id, long long created_by, const Pair& pair);
std::optional<Pair> find_pair(soci::session& sql, long long trust_id, long long pair_id);
// The pairs the person is in, on either side, newest first.
std::vector<Pair> pairs_of(soci::session& sql, long long trust_id, long long person_id);
// Every pair whose mentee is in the school (0: the central team; -1: every school), for those who
// oversee mentoring: names, focus, how often they meet; never what they wrote.
std::vector<Pair> pairs_in(soci::session& sql, long long trust_id, long long school_id);
// Current early-career teachers in the school (0: the central team; -1: every school) with no active
// mentoring pair: (email, name), by name.
std::vector<std::pair<std::string, std::string>> ects_without_mentor(soci::session& sql, long long trust_id,
                                                                     long long school_id);
// Gives a waiting request its coach and makes it active.
void set_coach(soci::session& sql, long long trust_id, long long pair_id, long long coach_id);
void set_status(soci::session& sql, long long trust_id, long long pair_id, PairStatus status);

long long insert_meeting(soci::session& sql, long long trust_id, long long pair_id, long long written_by,
                         const Meeting& meeting);
// The pair's meetings, newest first.
std::vector<Meeting> meetings_of(soci::session& sql, long long trust_id, long long pair_id);

} // namespace trellis::mentoring::store
