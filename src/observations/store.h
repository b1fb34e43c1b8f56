#pragma once

#include <optional>
#include <vector>

#include <soci/soci.h>

#include "observations/model.h"

// The only SQL for peer observations. Every function names the trust in its query.
namespace trellis::observations::store {

long long insert(soci::session& sql, long long trust_id, const Observation& observation);
std::optional<Observation> find(soci::session& sql, long long trust_id, long long observation_id);
// Those the person invited or was invited to, latest day first.
std::vector<Observation> of_person(soci::session& sql, long long trust_id, long long person_id);
void write_note(soci::session& sql, long long trust_id, long long observation_id, const Note& note);
void decline(soci::session& sql, long long trust_id, long long observation_id);

} // namespace trellis::observations::store
