#pragma once
// A Lagrangian bound for many people. Relaxing "never the same workshop twice" (and "exactly once"
// for compulsory workshops) with a price per (person, workshop) leaves one small transportation
// problem per slot: people -> their chosen sessions of that slot, or an audience group's hub that
// stands for every open session at the unranked cost, or nothing. Every choice of prices gives a
// valid bound; started from the pooled flow's duals it is never weaker than the pooled bound.

#include "allocation/aggregate_flow.h"

#include <memory>

namespace trellis::allocation {

struct SlotBoundStep {
    // The proven bound at the current prices (rounded up: every allocation costs an integer).
    Cost lower_bound{0};
    // Every (person, session) placement of the per-slot solutions, repeats included: the input
    // of the slot colouring.
    std::vector<std::pair<int, int>> placements;
    // False when a slot's flow could not be solved (it always can: everyone may stay unplaced).
    bool solved{false};
};

class SlotLagrangian {
  public:
    // Builds one graph per slot; prices start at the pooled flow's duals.
    SlotLagrangian(const CostModel& model, const AggregateSolution& pooled);
    ~SlotLagrangian();

    // Solves every slot at the current prices.
    SlotBoundStep evaluate();
    // Moves the prices along the last subgradient by a Polyak step of step_scale towards
    // upper_bound; returns false when the subgradient is zero.
    bool step(Cost upper_bound, Cost last_bound, double step_scale);

  private:
    class Slots;
    std::unique_ptr<Slots> m_slots;
};

} // namespace trellis::allocation
