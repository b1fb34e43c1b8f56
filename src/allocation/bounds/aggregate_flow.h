#pragma once
// A fast relaxation for many people. Costs depend on the person and the workshop, never on the
// slot, so dropping "one session per slot" and pooling each workshop's sessions leaves ONE
// min-cost flow: every person takes at most one place per slot in total, all in different
// workshops, and a workshop holds at most the sum of its sessions' seats. Its optimum is a proven
// lower bound, and its (person, workshop) pairs are a starting point for the slot colouring.

#include "allocation/costs.h"

#include <cstdint>
#include <utility>

namespace trellis::allocation {

// What the relaxation's optimal solutions may use, by complementary slackness with its optimal
// duals: every arc of a positive reduced cost carries no flow in any optimal solution. An
// allocation that costs the bound maps to such a solution, so a program over only these
// placements still finds it, and is far smaller than the whole program.
struct AggregateSupport {
    // Per person, the named workshops (choices or compulsory) they may be placed in.
    std::vector<std::vector<int>> named;
    // Per person, the slots each of their named workshops may be placed in, as bits in named's
    // order; empty when any slot may be.
    std::vector<std::vector<std::uint64_t>> named_slots;
    // Per person, the named workshops every optimal solution gives them (negative reduced cost).
    std::vector<std::vector<int>> required;
    // Per person, whether they may take an unranked seat, and per group key, in which workshops.
    std::vector<char> unranked;
    std::vector<std::vector<int>> pool;
    // Per person, whether they may leave a slot empty.
    std::vector<char> empty;
};

// The relaxation's reduced costs at its optimal duals, by what an allocation may use. For any
// allocation, its cost minus the bound is at least the reduced costs of the positive arcs it
// uses plus those of the negative arcs it leaves unused, so one that beats an allocation of cost
// C uses only what is within C - 1 - bound (support_within).
struct AggregateReducedCosts {
    struct NamedPair {
        int person;
        int workshop;
        // The positive reduced costs along the pair's path (person, slot groups, workshop, sink).
        Cost path;
        // The pair's own arc, signed: below zero, every allocation within less than its size of
        // the bound holds the pair.
        Cost own;
    };
    std::vector<NamedPair> named;
    // Per person, an unranked seat's and an empty slot's arcs (positive part).
    std::vector<Cost> unranked;
    std::vector<Cost> empty;
    // Per group key, (workshop, positive reduced costs from the group's pool to the sink).
    std::vector<std::vector<std::pair<int, Cost>>> pool;
};

// What every allocation costing at most bound + slack may use.
AggregateSupport support_within(const AggregateReducedCosts& reduced, Cost slack);

// What both supports allow, and what either requires: when each holds every allocation below some
// cost, so does this.
AggregateSupport intersect(const AggregateSupport& first, const AggregateSupport& second);

struct AggregateSolution {
    // The optimum of the relaxation, a lower bound on every allocation's cost.
    Cost lower_bound{0};
    // (person, session) pairs; the session is the workshop's first, the colouring picks the slot.
    std::vector<std::pair<int, int>> placements;
    // False when compulsory workshops cannot all be placed even in the relaxation.
    bool feasible{false};
    // support_within(reduced, 0): what an allocation that costs the bound may use.
    AggregateSupport support;
    AggregateReducedCosts reduced;
    // Per workshop, the optimal dual of its pooled seats: as a price on each of its sessions'
    // seats it gives the seat prices (see session_prices.h) a bound of at least this one.
    std::vector<Cost> workshop_price;
};

// With SlotGroups, a person takes at most one of their workshops that are offered in one slot
// only, per slot: a tighter bound, but its pairs are harder to colour into slots than Pooled ones.
enum class AggregateShape { Pooled, SlotGroups };

// Solves the pooled relaxation exactly with LEMON's min-cost flow.
AggregateSolution solve_aggregate(const CostModel& model, AggregateShape shape = AggregateShape::SlotGroups);

} // namespace trellis::allocation
