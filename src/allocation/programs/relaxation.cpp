#include "allocation/programs/compact_model.h"

#include <coin/ClpSimplex.hpp>
#include <coin/ClpSolve.hpp>

#include <algorithm>
#include <functional>
#include <limits>

namespace trellis::allocation {

namespace compact {

Relaxation CompactProgram::relax(std::vector<double>* session_price, const ColumnPricing* pricing) const {
    Relaxation relaxation;
    if (has_empty_required_row()) {
        relaxation.status = RelaxationStatus::Infeasible;
        return relaxation;
    }
    const Matrix matrix = columns_matrix();
    // The program's columns in Clp's order; the rest are held out until priced in.
    std::vector<int> taken;
    std::vector<char> held(m_columns.size(), 0);
    if (!m_within)
        pricing = nullptr;
    for (std::size_t column = 0; column < m_columns.size(); ++column)
        if (!pricing || allows(*pricing->first, m_columns[column]))
            taken.push_back(static_cast<int>(column));
        else
            held[column] = 1;
    ClpSimplex program;
    program.setLogLevel(0);
    // Without pricing every column is taken: the matrix as it is.
    const Matrix part = pricing ? columns_of(matrix, taken) : Matrix{};
    const Matrix& loaded = pricing ? part : matrix;
    program.loadProblem(static_cast<int>(taken.size()), static_cast<int>(m_row_lower.size()),
                        loaded.column_start.data(), loaded.row_index.data(), loaded.value.data(),
                        loaded.lower.data(), loaded.upper.data(), loaded.cost.data(), m_row_lower.data(),
                        m_row_upper.data());
    // The barrier with crossover took a tenth of the dual simplex's time on the long rankings of
    // the bench; on small programs the dual simplex is quick and sturdier.
    const bool barrier = static_cast<std::int64_t>(taken.size()) >= kBarrierColumns;
    ClpSolve how;
    how.setSolveType(barrier ? ClpSolve::useBarrier : ClpSolve::useDual);
    // Clp takes an iteration limit below 1000 as the barrier's own and lifts it for the crossover.
    if (barrier)
        program.setMaximumIterations(kBarrierIterations);
    program.initialSolve(how);
    program.setMaximumIterations(std::numeric_limits<int>::max());
    int rounds = 0;
    for (; pricing && rounds < kPricingRounds && program.isProvenOptimal() &&
           rounded_bound(program.objectiveValue()) > pricing->bound_at(session_prices(program));
         ++rounds) {
        const std::vector<int> priced = price_in(program, matrix, held);
        if (priced.empty())
            break;
        relaxation.priced = true;
        add_columns(program, matrix, priced);
        taken.insert(taken.end(), priced.begin(), priced.end());
        program.primal();
    }
    if (program.isProvenPrimalInfeasible() && !barrier)
        relaxation.status = RelaxationStatus::Infeasible;
    if (!program.isProvenOptimal())
        return relaxation;
    relaxation.status = RelaxationStatus::Solved;
    relaxation.value = program.objectiveValue();
    if (pricing)
        relaxation.let_in = support_let_in(held);
    if (session_price)
        *session_price = session_prices(program);
    const double* solution = program.primalColumnSolution();
    relaxation.solution.assign(m_columns.size(), 0.0);
    for (std::size_t index = 0; index < taken.size(); ++index)
        relaxation.solution[taken[index]] = solution[index];
    return relaxation;
}

Allocation CompactProgram::round_relaxation(const std::vector<double>& solution,
                                            std::vector<int>& loose) const {
    std::vector<char> fractional(m_instance.people.size(), 0);
    for (std::size_t column = 0; column < m_columns.size(); ++column)
        if (loose_in(m_columns[column].kind, solution[column]))
            fractional[m_columns[column].person] = 1;
    std::vector<double> whole(solution.size());
    for (std::size_t column = 0; column < m_columns.size(); ++column) {
        const Column& what = m_columns[column];
        const bool kept = what.kind == ColumnKind::Pool || !fractional[what.person];
        whole[column] = kept ? std::round(solution[column]) : 0.0;
    }
    std::vector<std::pair<int, int>> unseated;
    Allocation allocation = to_allocation(whole.data(), unseated);
    for (const auto& [person, slot] : unseated)
        fractional[person] = 1;
    for (int person : m_people)
        if (fractional[person]) {
            loose.push_back(person);
            std::fill(allocation.session_of[person].begin(), allocation.session_of[person].end(), kNone);
        }
    return allocation;
}

std::vector<double> CompactProgram::session_prices(const ClpSimplex& program) const {
    const double* dual = program.getRowPrice();
    std::vector<double> price(m_capacity.size(), 0.0);
    for (std::size_t session = 0; session < m_capacity.size(); ++session)
        price[session] = std::max(0.0, -dual[m_session_row + session]);
    return price;
}

std::vector<int> CompactProgram::price_in(const ClpSimplex& program, const Matrix& matrix,
                                          std::vector<char>& held) const {
    const double* dual = program.getRowPrice();
    std::vector<int> priced;
    for (std::size_t column = 0; column < m_columns.size(); ++column) {
        if (!held[column])
            continue;
        double reduced = matrix.cost[column];
        for (int entry = matrix.column_start[column]; entry < matrix.column_start[column + 1]; ++entry)
            reduced -= dual[matrix.row_index[entry]] * matrix.value[entry];
        if (reduced < -kLeastReducedCost) {
            held[column] = 0;
            priced.push_back(static_cast<int>(column));
        }
    }
    return priced;
}

CompactProgram::Matrix CompactProgram::columns_of(const Matrix& matrix, const std::vector<int>& columns) {
    Matrix part;
    for (int column : columns) {
        for (int entry = matrix.column_start[column]; entry < matrix.column_start[column + 1]; ++entry) {
            part.row_index.push_back(matrix.row_index[entry]);
            part.value.push_back(matrix.value[entry]);
        }
        part.column_start.push_back(static_cast<int>(part.row_index.size()));
        part.lower.push_back(matrix.lower[column]);
        part.upper.push_back(matrix.upper[column]);
        part.cost.push_back(matrix.cost[column]);
    }
    return part;
}

void CompactProgram::add_columns(ClpSimplex& program, const Matrix& matrix, const std::vector<int>& columns) {
    const Matrix part = columns_of(matrix, columns);
    program.addColumns(static_cast<int>(columns.size()), part.lower.data(), part.upper.data(),
                       part.cost.data(), part.column_start.data(), part.row_index.data(), part.value.data());
}

AggregateSupport CompactProgram::support_let_in(const std::vector<char>& held) const {
    const std::size_t people = m_instance.people.size();
    AggregateSupport support;
    support.named.resize(people);
    support.named_slots.resize(people);
    support.required = m_within->required;
    support.unranked.assign(people, 0);
    support.empty = m_within->empty;
    support.pool.resize(m_within->pool.size());
    const auto allow = [&](int person, int workshop, std::uint64_t slots) {
        std::vector<int>& named = support.named[person];
        const auto found = std::find(named.begin(), named.end(), workshop);
        if (found != named.end()) {
            support.named_slots[person][found - named.begin()] |= slots;
            return;
        }
        named.push_back(workshop);
        support.named_slots[person].push_back(slots);
    };
    for (std::size_t column = 0; column < m_columns.size(); ++column) {
        const Column& what = m_columns[column];
        if (held[column] || what.kind == ColumnKind::Empty)
            continue;
        const int workshop = what.session == kNone ? kNone : m_instance.sessions[what.session].workshop;
        if (what.kind == ColumnKind::Unranked)
            support.unranked[what.person] = 1;
        else if (what.kind == ColumnKind::Pool && !contains(support.pool[what.person], workshop))
            support.pool[what.person].push_back(workshop);
        else if (what.kind == ColumnKind::Placement)
            allow(what.person, workshop, what.slot < 64 ? std::uint64_t{1} << what.slot : ~std::uint64_t{0});
    }
    for (std::size_t person = 0; person < people; ++person)
        for (int workshop : support.required[person])
            allow(static_cast<int>(person), workshop, ~std::uint64_t{0});
    return support;
}

bool CompactProgram::allows(const AggregateSupport& support, const Column& column) const {
    switch (column.kind) {
    case ColumnKind::Empty:
        return true;
    case ColumnKind::Unranked:
        return support.unranked[column.person] != 0;
    case ColumnKind::Pool:
        return contains(support.pool[column.person], m_instance.sessions[column.session].workshop);
    case ColumnKind::Placement:
        break;
    }
    const std::vector<int>& named = support.named[column.person];
    const int workshop = m_instance.sessions[column.session].workshop;
    const auto found = std::find(named.begin(), named.end(), workshop);
    if (found == named.end())
        return false;
    if (support.named_slots.empty() || column.slot >= 64)
        return true;
    return ((support.named_slots[column.person][found - named.begin()] >> column.slot) & 1) != 0;
}

namespace {

// The relaxation's whole part kept and only the people it splits re-placed by the integer program:
// on the long rankings of the bench a few hundred of 5,000, and the program over them found the
// relaxation's value where CBC's search over everyone took twenty seconds.
Allocation allocate_core(const CostModel& model, const CompactProgram& program,
                         const std::vector<double>& relaxed, const SearchLimit& limit,
                         const AggregateSupport* within) {
    std::vector<int> loose;
    Allocation allocation = program.round_relaxation(relaxed, loose);
    // Cuts and CBC's heuristics took seconds on the core for nothing.
    SearchLimit core_limit = limit;
    core_limit.search_only = true;
    if (!loose.empty())
        improve_people_by_program(model, loose, allocation, core_limit, within);
    return allocation;
}

} // namespace

std::optional<CompactSolution> solve_by_core(const CostModel& model, const CompactProgram& program,
                                             const Allocation& start, const SearchLimit& limit,
                                             const AggregateSupport* within) {
    const Cost start_cost = model.objective(start);
    CompactSolution result;
    Relaxation relaxed = program.relax();
    if (relaxed.status == RelaxationStatus::Infeasible && within) {
        // Within the support, nothing costs less than the start.
        result.finished = true;
        result.lower_bound = start_cost;
        return result;
    }
    if (relaxed.status != RelaxationStatus::Solved)
        return std::nullopt;
    result.lower_bound = rounded_bound(relaxed.value);
    Allocation allocation = allocate_core(model, program, relaxed.solution, limit, within);
    if (!model.is_feasible(allocation))
        return result;
    const Cost cost = model.objective(allocation);
    result.finished = std::min(cost, start_cost) <= result.lower_bound;
    if (cost < start_cost)
        result.allocation = std::move(allocation);
    return result;
}

} // namespace compact

using compact::allocate_core;
using compact::CompactProgram;
using compact::Relaxation;
using compact::RelaxationStatus;

RelaxedSolution solve_relaxation_core(const CostModel& model, const AggregateSupport& within,
                                      const SearchLimit& limit, const ColumnPricing* pricing) {
    CompactProgram program(model, nullptr, nullptr, &within);
    program.build();
    RelaxedSolution solution;
    Relaxation relaxed = program.relax(&solution.session_price, pricing);
    if (relaxed.status != RelaxationStatus::Solved)
        return solution;
    solution.solved = true;
    solution.value = relaxed.value;
    solution.priced = relaxed.priced;
    const AggregateSupport* core = relaxed.let_in ? &*relaxed.let_in : &within;
    Allocation allocation = allocate_core(model, program, relaxed.solution, limit, core);
    if (model.is_feasible(allocation))
        solution.allocation = std::move(allocation);
    return solution;
}

} // namespace trellis::allocation
