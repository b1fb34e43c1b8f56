#pragma once
// Small random instances for property tests, reproducible from a seed.

#include "allocation/model.h"

#include <cstdint>

namespace trellis::allocation::testing {

struct RandomShape {
    int max_slots{3};
    int max_workshops{5};
    int max_people{8};
    int max_capacity{4};
    bool with_audiences{true};
    bool with_compulsory{true};
};

// A valid instance drawn from the seed: random sessions, capacities (including zero), groups,
// audiences, choice lists of any length and occasional compulsory workshops.
Instance random_instance(std::uint64_t seed, const RandomShape& shape = {});

} // namespace trellis::allocation::testing
