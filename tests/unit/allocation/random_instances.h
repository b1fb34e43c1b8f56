#pragma once
// Small random instances for property tests, reproducible from a seed.

#include "allocation/bounds/aggregate_flow.h"
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

// An event where everyone ranks 8 to 10 of the workshops and each slot's seats exceed the people
// by slack (a share): long rankings in tight rooms, like the bench's real preferences. Unless
// every_slot, about half the workshops run in only one or two of the slots.
Instance long_rankings(std::uint64_t seed, int people, int workshops, int slots, double slack,
                       bool every_slot = true);

// Whether an allocation uses only what the support allows and holds all it requires.
bool within_support(const CostModel& model, const AggregateSupport& support, const Allocation& allocation);

} // namespace trellis::allocation::testing
