#pragma once
// Simple allocation rules used as yardsticks in the benchmark: first-come-first-served (people
// in input order pick greedily) and random serial dictatorship (the same, in a seeded random order).

#include "allocation/model.h"

#include <cstdint>

namespace trellis::allocation {

// Each person in input order takes their best choices that still have seats, then any open seat.
Result allocate_first_come_first_served(const Instance& instance);

// As first-come-first-served but in a random order drawn from the seed (reproducible).
Result allocate_random_serial_dictatorship(const Instance& instance, std::uint64_t seed);

} // namespace trellis::allocation
