#pragma once
// Building and improving feasible allocations for several slots: compulsory placements first,
// then slot-by-slot exact re-optimisation and single-person moves until neither helps.

#include "allocation/costs.h"

#include <functional>

namespace trellis::allocation {

// pinned[slot][person] is 1 where a compulsory workshop fixes the person's session in that slot.
using Pinned = std::vector<std::vector<char>>;

// Places every compulsory workshop in a slot with a free seat; throws InputError naming the
// person and workshop when the rooms cannot hold them. Returns the pins; allocation gets the seats.
Pinned place_compulsory(const CostModel& model, Allocation& allocation);

// An empty allocation of the right shape.
Allocation empty_allocation(const Instance& instance);

// Fills the unpinned parts of the allocation slot by slot, each slot exactly given the earlier ones.
void fill_sequentially(const CostModel& model, const Pinned& pinned, Allocation& allocation);

// Asked before each slot flow with the seconds the previous one took; false stops the search.
using MayStart = std::function<bool(double last_flow_seconds)>;

// Re-optimises each slot exactly with the others fixed, in turn, until a round brings no gain,
// max_rounds is reached or may_start refuses. Returns the number of rounds run.
int improve_by_slots(const CostModel& model, const Pinned& pinned, Allocation& allocation, int max_rounds,
                     const MayStart& may_start = {});

// Moves single people to the best set of sessions that still have free seats. Returns true if
// the objective improved.
bool improve_by_people(const CostModel& model, const Pinned& pinned, Allocation& allocation);

// Makes any allocation feasible: pins win their seats, repeats and over-full sessions are
// emptied (latest people in input order lose their seat first).
void make_feasible(const CostModel& model, const Pinned& pinned, const Allocation& pinned_seats,
                   Allocation& allocation);

// The smallest cost the person could have if seats were unlimited (ignoring compulsory ones).
Cost ideal_cost(const CostModel& model, int person);

} // namespace trellis::allocation
