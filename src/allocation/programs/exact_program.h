#pragma once
// The whole problem as an integer program solved exactly by GLPK: the oracle for small instances
// (tests, and the engine when its heuristics leave a gap on a small instance).

#include "allocation/costs.h"
#include "allocation/search_limit.h"

#include <optional>

namespace trellis::allocation {

struct ExactSolution {
    Allocation allocation;
    Cost objective{0};
};

// Number of placement variables the program would have; callers use it to decide if it is small.
std::int64_t exact_program_size(const CostModel& model);

// Returns a proven optimal allocation, or nothing if the limit ran out or the instance is
// infeasible (compulsory workshops that cannot all be placed).
std::optional<ExactSolution> solve_exactly(const CostModel& model, const SearchLimit& limit);

} // namespace trellis::allocation
