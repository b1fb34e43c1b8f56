#include "allocation/programs/compact_model.h"

#include <coin/Cbc_C_Interface.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <optional>

namespace trellis::allocation {

namespace compact {

CompactSolution CompactProgram::solve(const Allocation& start, const SearchLimit& limit) {
    CompactSolution result;
    Cbc_Model* program = Cbc_newModel();
    const Matrix matrix = columns_matrix();
    Cbc_loadProblem(program, static_cast<int>(m_columns.size()), static_cast<int>(m_row_lower.size()),
                    matrix.column_start.data(), matrix.row_index.data(), matrix.value.data(),
                    matrix.lower.data(), matrix.upper.data(), matrix.cost.data(), m_row_lower.data(),
                    m_row_upper.data());
    for (int column = 0; column < static_cast<int>(m_columns.size()); ++column)
        Cbc_setInteger(program, column);
    Cbc_setLogLevel(program, 0);
    // No threads: CBC's "threads 1" starts a helper thread that only waits, 14 ms on the bench.
    Cbc_setParameter(program, "threads", "0");
    // Costs are integers: a gap below one proves optimality.
    Cbc_setAllowableGap(program, 0.999);
    if (limit.seconds)
        Cbc_setMaximumSeconds(program, std::max(0.01, *limit.seconds));
    else
        Cbc_setMaximumNodes(program, limit.nodes);
    // The feasibility pump took seconds on the bench; diving from the LP finds the optimum at once.
    // A start solution (Cbc_setMIPStartI) cost a second too, in CBC's check of it, so none is given.
    Cbc_setParameter(program, "feas", "off");
    // CBC's own preprocessing of the model took a third of the time on the bench for nothing.
    Cbc_setParameter(program, "preprocess", "off");
    if (limit.quick) {
        Cbc_setParameter(program, "cuts", "off");
        Cbc_setParameter(program, "heuristicsOnOff", "off");
        Cbc_setParameter(program, "greedyHeuristic", "on");
    }
    if (limit.search_only) {
        // On twelve 5,000-person events of the bench's long rankings the search alone found the same
        // allocations in 80 s in all, against 101 s with CBC's heuristics.
        Cbc_setParameter(program, "cuts", "off");
        Cbc_setParameter(program, "heuristicsOnOff", "off");
    }
    Cost start_cost = m_model.objective(start);
    Cbc_solve(program);
    if (Cbc_isProvenInfeasible(program)) {
        // Nothing within the support's slack: nothing beats the start (see solve_compact_program).
        Cbc_deleteModel(program);
        result.finished = true;
        result.lower_bound = m_within ? start_cost : 0;
        return result;
    }
    double bound = Cbc_getBestPossibleObjValue(program);
    result.finished = Cbc_isProvenOptimal(program) != 0;
    const double* best = Cbc_bestSolution(program);
    if (result.finished && best) {
        double objective = Cbc_getObjValue(program);
        bound = std::max(bound, objective - 0.999);
    }
    // A bound from an unfinished or failed search may be meaningless; only finite ones count.
    if (std::isfinite(bound) && bound > -1e15)
        result.lower_bound = static_cast<Cost>(std::ceil(bound - 1e-6));
    if (best && Cbc_getObjValue(program) < static_cast<double>(start_cost) - 0.5)
        result.allocation = to_allocation(best, result.unseated);
    Cbc_deleteModel(program);
    return result;
}

} // namespace compact

namespace {

// Programs at least this large are solved by their relaxation's core instead of CBC's search, which
// still proves the trust size's harder seeds optimal in a second or two.
constexpr std::int64_t kCoreColumns = 30000;
// Clp's barrier took about ten seconds for 80,000 columns of the bench's long rankings: larger
// programs go to CBC's search, whose node limit bounds the time.
constexpr std::int64_t kCoreMostColumns = 120000;

} // namespace

using compact::CompactProgram;
using compact::named_workshops;

std::int64_t compact_program_size(const CostModel& model) {
    const Instance& instance = model.instance();
    std::int64_t size = 0;
    for (int person = 0; person < static_cast<int>(instance.people.size()); ++person)
        size += static_cast<std::int64_t>(named_workshops(model, person).size()) * instance.slots.size() +
                2 * static_cast<std::int64_t>(instance.slots.size());
    return size;
}

std::int64_t compact_program_size(const CostModel& model, const AggregateSupport& within) {
    const std::int64_t slots = static_cast<std::int64_t>(model.instance().slots.size());
    std::int64_t size = 0;
    for (std::size_t person = 0; person < within.named.size(); ++person) {
        if (within.named_slots.empty())
            size += static_cast<std::int64_t>(within.named[person].size()) * slots;
        else
            for (std::uint64_t allowed : within.named_slots[person])
                size += std::min<std::int64_t>(slots, std::popcount(allowed));
        size += (within.unranked[person] ? slots : 0) + slots;
    }
    return size;
}

CompactSolution solve_compact_program(const CostModel& model, const Allocation& start,
                                      const SearchLimit& limit, const AggregateSupport* within,
                                      bool explicit_unranked) {
    CompactProgram program(model, nullptr, nullptr, within, explicit_unranked);
    program.build();
    if (program.columns() >= kCoreColumns && program.columns() <= kCoreMostColumns && !explicit_unranked &&
        !limit.quick)
        if (std::optional<CompactSolution> solution = solve_by_core(model, program, start, limit, within))
            return *solution;
    return program.solve(start, limit);
}

bool improve_people_by_program(const CostModel& model, const std::vector<int>& people, Allocation& allocation,
                               const SearchLimit& limit, const AggregateSupport* within) {
    CompactProgram program(model, &allocation, &people, within);
    program.build();
    CompactSolution solution = program.solve(allocation, limit);
    if (!solution.allocation || !model.is_feasible(*solution.allocation))
        return false;
    if (model.objective(*solution.allocation) >= model.objective(allocation))
        return false;
    allocation = std::move(*solution.allocation);
    return true;
}

} // namespace trellis::allocation
