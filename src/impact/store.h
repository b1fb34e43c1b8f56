#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "impact/model.h"

// The only SQL for impact plans and pupil outcomes. Every query names the trust and the programme.
namespace trellis::impact::store {

struct StoredPlan {
    bool reactions = true;
    std::string measures; // one per line
};
std::optional<StoredPlan> plan_of(soci::session& sql, long long trust_id, long long programme_id);
void save_plan(soci::session& sql, long long trust_id, long long programme_id, const StoredPlan& plan);

// The programme's figures, by measure, school and term.
std::vector<Outcome> outcomes_of(soci::session& sql, long long trust_id, long long programme_id);
// Keeps a figure, replacing one already entered for the same school, term and measure.
void save_outcome(soci::session& sql, long long trust_id, long long programme_id, const Outcome& outcome,
                  long long entered_by);
// Returns false when the programme has no such figure.
bool delete_outcome(soci::session& sql, long long trust_id, long long programme_id, long long outcome_id);

} // namespace trellis::impact::store
