#pragma once
// The exact solver for one slot: with every other slot held fixed, placing people in this slot is
// a min-cost flow (people -> sessions -> sink), solved exactly.

#include "allocation/costs.h"

namespace trellis::allocation {

// The transport solver (see transport.h) runs the slot unless it cannot finish, and LEMON's
// general min-cost flow takes over; the general flow alone is kept as an oracle for tests.
enum class SlotSolver { Transport, GeneralFlow };

// Returns, per person, the best session for the slot (or kNone) given the other slots of
// current: workshops a person attends in other slots are forbidden, and people marked in
// pinned_in_slot keep their current session in this slot. The result never costs more than the
// current slot.
std::vector<int> solve_slot(const CostModel& model, int slot, const Allocation& current,
                            const std::vector<char>& pinned_in_slot,
                            SlotSolver solver = SlotSolver::Transport);

} // namespace trellis::allocation
