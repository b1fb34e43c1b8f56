#pragma once
// From a relaxed solution to an allocation. Costs depend on the person and the workshop, never on
// the slot, so a relaxed solution (people placed in sessions, some twice in one slot) is a set of
// (person, workshop) pairs whose slots may be exchanged freely between sessions of the same
// workshop. Giving each pair a slot is a bipartite edge colouring with capacities (colours are
// slots); conflicts are resolved by alternating-path (Kempe chain) recolouring, which keeps the
// cost of every pair it places.

#include "allocation/search/local_search.h"

#include <utility>

namespace trellis::allocation {

// Returns an allocation holding the pinned seats and as many of the placements (person, session)
// as can be given distinct slots within capacities; a placement that cannot be coloured leaves
// the person's slot empty. Deterministic: placements are taken in the order given. With several
// attempts, each colours first the placements that earlier attempts left uncoloured (the most
// contested ones), and the attempt that left fewest is returned.
Allocation colour_placements(const CostModel& model, const Pinned& pinned, const Allocation& pinned_seats,
                             const std::vector<std::pair<int, int>>& placements, int attempts = 1);

// Moves people to a choice better than their worst seat where cost-free swaps of two seats
// between two slots, by other people, make room. Returns true if the objective improved.
bool improve_by_swaps(const CostModel& model, const Pinned& pinned, Allocation& allocation);

} // namespace trellis::allocation
