#pragma once
// The workshop allocation engine: the entry point the CLI and the web application call.

#include "allocation/model.h"

namespace trellis::allocation {

// Returns a feasible allocation of minimum or near-minimum cost with a proven lower bound, the
// outcome statistics and the reasons for every unhappy person. Throws InputError when compulsory
// workshops cannot be met. Deterministic when no time limit is given.
Result allocate(const Instance& instance, const Options& options = {});

} // namespace trellis::allocation
