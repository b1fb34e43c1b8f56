#pragma once
// How long an integer program may search.

#include <optional>

namespace trellis::allocation {

// Seconds when the caller gave the engine a time limit; otherwise a count of branch-and-bound
// nodes, so that the same input gives the same result on a busy machine as on a quiet one.
struct SearchLimit {
    std::optional<double> seconds;
    int nodes{0};
    // Without cuts and with only the greedy heuristic: for programs that re-place a group of
    // people, where a better allocation found at once matters more than a proof.
    bool quick{false};
    // Without cuts and CBC's heuristics: for the program over the people a relaxation split (see
    // solve_compact_program), where the search alone finds the relaxation's value soonest.
    bool search_only{false};
};

} // namespace trellis::allocation
