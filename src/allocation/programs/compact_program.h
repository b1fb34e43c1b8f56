#pragma once
// A compact integer program for several slots, solved by COIN-OR CBC. Ranked and compulsory
// placements are variables per person, workshop and slot; unranked placements are pooled per
// audience group and slot (a person takes "some open seat" and the pool feeds sessions), which
// drops "never twice" for unranked seats only. The program is therefore a relaxation: its optimum
// is a proven lower bound, and when its pooled seats can be handed out without repeats, which is
// almost always, its solution is an optimal allocation.

#include "allocation/bounds/aggregate_flow.h"
#include "allocation/costs.h"
#include "allocation/search_limit.h"

#include <functional>
#include <optional>
#include <utility>

namespace trellis::allocation {

struct CompactSolution {
    // A proven lower bound on every allocation's cost (the program's bound, rounded up).
    Cost lower_bound{0};
    // The program's best solution made into an allocation, when it is better than the start;
    // seats that could not be handed out without a repeat are left empty.
    std::optional<Allocation> allocation;
    // True when the search finished, so lower_bound is the program's optimum.
    bool finished{false};
    // (person, slot) of pooled unranked seats that could not be handed out without a repeat.
    std::vector<std::pair<int, int>> unseated;
};

// Number of variables the program would have; callers use it to decide if it is small enough.
std::int64_t compact_program_size(const CostModel& model);
// The same for the program kept within a support (see solve_compact_program).
std::int64_t compact_program_size(const CostModel& model, const AggregateSupport& within);

// Solves the program from a feasible start allocation within the limit. With within, the
// pooled flow's support for a slack of the start's cost minus one minus its bound, the program
// keeps only what an allocation better than the start may use: far smaller, and its bound, capped
// at the start's cost, is still a bound on every allocation. With explicit_unranked as well (it
// needs within), unranked seats are variables per person, workshop of the support's pool and slot,
// with "never twice": a larger program, but an exact one, for when pooled seats could not be
// handed out (unseated).
CompactSolution solve_compact_program(const CostModel& model, const Allocation& start,
                                      const SearchLimit& limit, const AggregateSupport* within = nullptr,
                                      bool explicit_unranked = false);

// The program's linear relaxation within a support, and an allocation made from it.
struct RelaxedSolution {
    bool solved{false};
    double value{0.0};
    // Per session, the relaxation's price on its seats (the capacity row's dual): at these prices
    // the seat price bound (see session_prices.h) is the relaxation's value when the support held
    // the relaxation's optimum over everything, and a bound whatever the support.
    std::vector<double> session_price;
    // The relaxation's whole part, with the people it split re-placed by the integer program (see
    // solve_compact_program); people it could not place keep empty slots.
    std::optional<Allocation> allocation;
    // True when columns were priced in: the relaxation is then the one over all of the support.
    bool priced{false};
};

// Where a relaxation starts, and until when it takes in what else its support allows.
struct ColumnPricing {
    // A support narrower than the relaxation's: it starts from what this allows.
    const AggregateSupport* first{nullptr};
    // The bound that session prices (see RelaxedSolution) prove. The rest is priced in only while
    // the relaxation's value, rounded up, is above the bound at its own prices: below, its
    // allocation could not do better and its prices prove all it could.
    std::function<Cost(const std::vector<double>& session_price)> bound_at;
};

// The relaxation of the program over what the support allows, then its core. With pricing, the
// relaxation starts from the narrower support and prices the rest of within in (column generation).
RelaxedSolution solve_relaxation_core(const CostModel& model, const AggregateSupport& within,
                                      const SearchLimit& limit, const ColumnPricing* pricing = nullptr);

// Re-places only the listed people by the program, everyone else keeping their seats; replaces
// the allocation and returns true when that lowers its cost. For large instances, piece by piece.
// With within, the listed people use only what it allows.
bool improve_people_by_program(const CostModel& model, const std::vector<int>& people, Allocation& allocation,
                               const SearchLimit& limit, const AggregateSupport* within = nullptr);

} // namespace trellis::allocation
