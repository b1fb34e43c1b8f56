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
    // Without cuts and with diving but not the greedy heuristic: for the program over the people a
    // relaxation split (see solve_compact_program), where diving finds the relaxation's value.
    bool dive{false};
};

} // namespace trellis::allocation
