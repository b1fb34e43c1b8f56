#pragma once
// A proven lower bound for several slots. Relaxing "one session per slot" with a multiplier per
// person and slot leaves a single min-cost flow (people -> person-workshop -> sessions) that
// still respects capacities, audiences, "never twice" and compulsory workshops; every choice of
// multipliers gives a valid bound, and subgradient steps raise it towards the LP bound.

#include "allocation/costs.h"

#include <chrono>
#include <memory>
#include <utility>

namespace trellis::allocation {

struct BoundStep {
    // The proven bound at these multipliers (rounded up: every allocation costs an integer).
    Cost lower_bound{0};
    // The relaxed solution as an allocation: the cheapest session per person and slot, conflicts
    // dropped. Not necessarily feasible; a starting point for repair.
    Allocation hint;
    // Every (person, session) placement of the relaxed solution, slot conflicts included: the
    // input of the slot colouring, which may move placements to other sessions of the workshop.
    std::vector<std::pair<int, int>> placements;
    // True when the relaxed solution already obeys one-per-slot everywhere.
    bool satisfies_relaxed_rule{false};
};

class LagrangianBound {
  public:
    // Builds the relaxation's graph once; later steps only change arc costs.
    explicit LagrangianBound(const CostModel& model);
    ~LagrangianBound();

    // Solves the relaxation at the current multipliers.
    BoundStep evaluate();
    // Moves the multipliers along the last subgradient by a Polyak step towards upper_bound;
    // returns false when the subgradient is zero.
    bool step(Cost upper_bound, Cost last_bound, double step_scale);

  private:
    class Graph;
    std::unique_ptr<Graph> m_graph;
};

} // namespace trellis::allocation
