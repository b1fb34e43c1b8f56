#include "allocation/programs/compact_program.h"

#include <coin/Cbc_C_Interface.h>
#include <coin/ClpSimplex.hpp>
#include <coin/ClpSolve.hpp>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <limits>
#include <optional>
#include <string>

namespace trellis::allocation {

namespace {

enum class ColumnKind : char { Placement, Unranked, Empty, Pool };

struct Column {
    ColumnKind kind;
    int person; // the group key for a pool column
    int slot;
    int session; // kNone for unranked and empty columns
};

// The workshops a person may be placed in by name: their choices and compulsory ones.
std::vector<int> named_workshops(const CostModel& model, int person) {
    const Person& who = model.instance().people[person];
    std::vector<int> named = who.choices;
    for (int workshop : who.must)
        if (std::find(named.begin(), named.end(), workshop) == named.end())
            named.push_back(workshop);
    return named;
}

// A relaxation's value rounded up to the integer cost every allocation has, with room for rounding.
Cost rounded_bound(double value) {
    return static_cast<Cost>(std::ceil(value - 1e-6 - 1e-9 * std::abs(value)));
}

enum class RelaxationStatus { Failed, Infeasible, Solved };

struct Relaxation {
    RelaxationStatus status{RelaxationStatus::Failed};
    double value{0.0};
    std::vector<double> solution;
    // With pricing, what the columns it took in allow: the program over its core keeps to it (the
    // whole support gave CBC twice the work on the bench's long rankings).
    std::optional<AggregateSupport> let_in;
    // Whether columns were priced in.
    bool priced{false};
};

class CompactProgram {
  public:
    // With fixed, only the people listed in free are placed; everyone else keeps their seats in
    // fixed, which the program's sessions lose.
    // With within, only what it allows: the program then holds every allocation within its slack.
    // With explicit_unranked as well, unranked seats are variables per workshop and slot too.
    CompactProgram(const CostModel& model, const Allocation* fixed, const std::vector<int>* free,
                   const AggregateSupport* within, bool explicit_unranked = false)
        : m_model(model), m_instance(model.instance()), m_slots(static_cast<int>(m_instance.slots.size())),
          m_fixed(fixed), m_within(within), m_explicit(within && explicit_unranked) {
        const int people = static_cast<int>(m_instance.people.size());
        m_row_of.assign(people, kNone);
        if (free)
            m_people = *free;
        else
            for (int person = 0; person < people; ++person)
                m_people.push_back(person);
        for (int index = 0; index < static_cast<int>(m_people.size()); ++index)
            m_row_of[m_people[index]] = index;
        m_capacity.resize(m_instance.sessions.size());
        for (std::size_t session = 0; session < m_instance.sessions.size(); ++session)
            m_capacity[session] = m_instance.sessions[session].capacity;
        if (fixed)
            for (int person = 0; person < people; ++person)
                if (m_row_of[person] == kNone)
                    for (int session : fixed->session_of[person])
                        if (session != kNone)
                            --m_capacity[session];
    }

    void build() {
        const int people = static_cast<int>(m_people.size());
        // Rows: one per person and slot (exactly one of placement, unranked seat or empty), then
        // sessions, then one per group and slot balancing the pool, then "never twice" rows.
        for (int row = 0; row < people * m_slots; ++row)
            add_row(1.0, 1.0);
        m_session_row = static_cast<int>(m_row_lower.size());
        for (int capacity : m_capacity)
            add_row(-kInfinity, std::max(0, capacity));
        const int keys = m_model.group_key_count();
        m_pool_row = static_cast<int>(m_row_lower.size());
        for (int row = 0; row < keys * m_slots; ++row)
            add_row(0.0, 0.0);
        std::vector<char> has_pool(static_cast<std::size_t>(keys) * m_slots, 0);
        const std::vector<char> pooled = pooled_workshops();
        const std::size_t workshops = m_instance.workshops.size();
        for (int key = 0; key < keys; ++key)
            for (int slot = 0; slot < m_slots; ++slot)
                for (int session : m_model.sessions_in_slot(slot))
                    if (int workshop = m_instance.sessions[session].workshop;
                        m_capacity[session] > 0 && m_model.is_open_to_group_key(workshop, key) &&
                        pooled[key * workshops + workshop]) {
                        add_column({ColumnKind::Pool, key, slot, session}, 0, kInfinity,
                                   {{m_session_row + session, 1.0}, {pool_row(key, slot), -1.0}});
                        has_pool[static_cast<std::size_t>(key) * m_slots + slot] = 1;
                    }
        for (int person : m_people) {
            const int person_row = m_row_of[person] * m_slots;
            const auto& must = m_instance.people[person].must;
            const std::vector<int> named =
                m_within ? m_within->named[person] : named_workshops(m_model, person);
            for (std::size_t index = 0; index < named.size(); ++index) {
                const int workshop = named[index];
                if (!m_model.is_eligible(person, workshop))
                    continue;
                bool compulsory = std::find(must.begin(), must.end(), workshop) != must.end() ||
                                  (m_within && contains(m_within->required[person], workshop));
                const bool placed =
                    add_placements(person, workshop, m_model.placement_cost(person, workshop),
                                   compulsory ? 1.0 : -kInfinity, allowed_slots(person, index));
                if (compulsory && !placed)
                    add_row(1.0, 1.0); // an empty row with bounds 1: the program is infeasible
            }
            int key = m_model.group_key(person);
            const bool unranked = (!m_within || m_within->unranked[person]) && !m_explicit;
            if (m_explicit && m_within->unranked[person])
                add_explicit_unranked(person);
            for (int slot = 0; slot < m_slots; ++slot) {
                if (unranked && has_pool[static_cast<std::size_t>(key) * m_slots + slot]) {
                    add_column({ColumnKind::Unranked, person, slot, kNone}, m_model.unranked_cost(), 1.0,
                               {{person_row + slot, 1.0}, {pool_row(key, slot), 1.0}});
                }
                // Kept even outside the support: without them CBC took two to three times as long
                // on the trust bench's harder seeds.
                add_column({ColumnKind::Empty, person, slot, kNone}, m_model.unassigned_cost(), 1.0,
                           {{person_row + slot, 1.0}});
            }
        }
    }

    std::int64_t columns() const { return static_cast<std::int64_t>(m_columns.size()); }

    // The program's linear relaxation by Clp: the value and a basic solution, or nothing when it
    // has none (no allocation within the support).
    //
    // With pricing (the program needs its support then), the relaxation starts from the columns the
    // narrower support allows and, while its value is above the bound its duals prove, takes in the
    // rest whose reduced costs at those duals are negative, each time from the last basis: column
    // generation over what the program holds. Its duals are then the whole program's: on the
    // bench's long rankings they proved at once what three ever wider relaxations proved before,
    // and where the narrow support held no allocation (the barrier never converged) they proved
    // the optimum.
    Relaxation relax(std::vector<double>* session_price = nullptr,
                     const ColumnPricing* pricing = nullptr) const {
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
        const Matrix loaded = columns_of(matrix, taken);
        program.loadProblem(static_cast<int>(taken.size()), static_cast<int>(m_row_lower.size()),
                            loaded.column_start.data(), loaded.row_index.data(), loaded.value.data(),
                            loaded.lower.data(), loaded.upper.data(), loaded.cost.data(), m_row_lower.data(),
                            m_row_upper.data());
        // The barrier with crossover took a tenth of the dual simplex's time on the long rankings of
        // the bench; on small programs the dual simplex is quick and sturdier.
        ClpSolve how;
        how.setSolveType(static_cast<std::int64_t>(taken.size()) >= kBarrierColumns ? ClpSolve::useBarrier
                                                                                    : ClpSolve::useDual);
        // Clp takes an iteration limit below 1000 as the barrier's own and lifts it for the crossover.
        if (static_cast<std::int64_t>(taken.size()) >= kBarrierColumns)
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
        if (program.isProvenPrimalInfeasible() && static_cast<std::int64_t>(taken.size()) < kBarrierColumns)
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

    // The relaxation's whole part as an allocation: people whose own columns are all whole (and
    // whose pooled seats could be handed out) keep their seats, the rest are left out (returned).
    Allocation round_relaxation(const std::vector<double>& solution, std::vector<int>& loose) const {
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

    CompactSolution solve(const Allocation& start, const SearchLimit& limit) {
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
        if (limit.dive) {
            Cbc_setParameter(program, "cuts", "off");
            Cbc_setParameter(program, "greedyHeuristic", "off");
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

  private:
    static constexpr double kInfinity = 1e30;
    // Programs at least this large are relaxed by the barrier (see relax).
    static constexpr std::int64_t kBarrierColumns = 20000;

    // A row that must hold something without any column (a compulsory workshop without seats left):
    // the barrier went astray on such programs instead of finding them infeasible.
    bool has_empty_required_row() const {
        std::vector<char> used(m_row_lower.size(), 0);
        for (const auto& entries : m_entries)
            for (const auto& [row, coefficient] : entries)
                used[row] = 1;
        for (std::size_t row = 0; row < m_row_lower.size(); ++row)
            if (!used[row] && m_row_lower[row] > 0.0)
                return true;
        return false;
    }
    // How far from a whole number a relaxation's value may be and still count as one.
    static constexpr double kWhole = 1e-6;

    // Whether a column's value leaves its person to the program over the core: a fractional one, or
    // an unranked seat, whose hand-out may take seats the relaxation gave the others.
    static bool loose_in(ColumnKind kind, double value) {
        if (kind == ColumnKind::Pool)
            return false;
        return std::abs(value - std::round(value)) > kWhole ||
               (kind == ColumnKind::Unranked && value > kWhole);
    }

    // The program by columns, as both CBC and Clp load it.
    struct Matrix {
        std::vector<int> column_start{0};
        std::vector<int> row_index;
        std::vector<double> value;
        std::vector<double> lower;
        std::vector<double> upper;
        std::vector<double> cost;
    };

    Matrix columns_matrix() const {
        Matrix matrix;
        matrix.lower.assign(m_columns.size(), 0.0);
        for (const auto& [column_cost, column_upper] : m_bounds) {
            matrix.cost.push_back(static_cast<double>(column_cost));
            matrix.upper.push_back(column_upper);
        }
        for (const auto& entries : m_entries) {
            for (const auto& [row, coefficient] : entries) {
                matrix.row_index.push_back(row);
                matrix.value.push_back(coefficient);
            }
            matrix.column_start.push_back(static_cast<int>(matrix.row_index.size()));
        }
        return matrix;
    }

    // An unranked seat in each workshop of the person's pool that they did not name, at most once:
    // with these in place of the pool, the program is exact.
    void add_explicit_unranked(int person) {
        const std::vector<int> named = named_workshops(m_model, person);
        for (int workshop : m_within->pool[m_model.group_key(person)])
            if (!contains(named, workshop))
                add_placements(person, workshop, m_model.unranked_cost(), -kInfinity);
    }

    // The slots the support allows the person's index-th named workshop (all without one).
    std::uint64_t allowed_slots(int person, std::size_t index) const {
        if (!m_within || m_within->named_slots.empty())
            return ~std::uint64_t{0};
        return m_within->named_slots[person][index];
    }

    // A variable per allowed slot where the workshop has seats left, all in one "never twice" row
    // whose lower bound is `least` (1 for a compulsory workshop). Returns false when there is none.
    bool add_placements(int person, int workshop, Cost cost, double least,
                        std::uint64_t allowed = ~std::uint64_t{0}) {
        const int person_row = m_row_of[person] * m_slots;
        int twice_row = kNone;
        for (int slot = 0; slot < m_slots; ++slot) {
            int session = m_instance.workshops[workshop].session_in_slot[slot];
            if (session == kNone || m_capacity[session] <= 0 || (slot < 64 && ((allowed >> slot) & 1) == 0))
                continue;
            if (twice_row == kNone)
                twice_row = add_row(least, 1.0);
            add_column({ColumnKind::Placement, person, slot, session}, cost, 1.0,
                       {{person_row + slot, 1.0}, {m_session_row + session, 1.0}, {twice_row, 1.0}});
        }
        return twice_row != kNone;
    }

    static bool contains(const std::vector<int>& list, int item) {
        return std::find(list.begin(), list.end(), item) != list.end();
    }

    // pooled[key * workshops + workshop]: whether unranked seats of the group may go there.
    std::vector<char> pooled_workshops() const {
        const std::size_t workshops = m_instance.workshops.size();
        const int keys = m_model.group_key_count();
        std::vector<char> pooled(keys * workshops, m_within ? 0 : 1);
        if (m_within)
            for (int key = 0; key < keys; ++key)
                for (int workshop : m_within->pool[key])
                    pooled[key * workshops + workshop] = 1;
        return pooled;
    }

    int pool_row(int key, int slot) const { return m_pool_row + key * m_slots + slot; }

    int add_row(double lower, double upper) {
        m_row_lower.push_back(lower);
        m_row_upper.push_back(upper);
        return static_cast<int>(m_row_lower.size()) - 1;
    }

    void add_column(Column column, Cost cost, double upper, std::vector<std::pair<int, double>> entries) {
        m_columns.push_back(column);
        m_bounds.push_back({cost, upper});
        m_entries.push_back(std::move(entries));
    }

    // Named placements as they are; pooled seats handed out per group and slot in session order,
    // skipping workshops the person already attends.
    Allocation to_allocation(const double* solution, std::vector<std::pair<int, int>>& unseated) const {
        const int people = static_cast<int>(m_instance.people.size());
        Allocation allocation;
        allocation.session_of.assign(people, std::vector<int>(m_slots, kNone));
        if (m_fixed)
            for (int person = 0; person < people; ++person)
                if (m_row_of[person] == kNone)
                    allocation.session_of[person] = m_fixed->session_of[person];
        std::vector<std::pair<int, int>> unranked;
        for (int column = 0; column < static_cast<int>(m_columns.size()); ++column) {
            int amount = static_cast<int>(std::lround(solution[column]));
            if (amount <= 0)
                continue;
            const Column& what = m_columns[column];
            if (what.kind == ColumnKind::Placement)
                allocation.session_of[what.person][what.slot] = what.session;
            else if (what.kind == ColumnKind::Unranked)
                unranked.push_back({what.person, what.slot});
        }
        hand_out_unranked(unranked, allocation, unseated);
        return allocation;
    }

    // Unranked seats are handed out slot by slot as a matching (augmenting paths) over every seat
    // the named placements leave free, skipping workshops the person attends in another slot: the
    // program pooled them without "never twice", and a greedy hand-out left seats empty that a
    // matching fills.
    void hand_out_unranked(const std::vector<std::pair<int, int>>& unranked, Allocation& allocation,
                           std::vector<std::pair<int, int>>& unseated) const {
        std::vector<int> free_seats(m_capacity);
        for (int person : m_people)
            for (int session : allocation.session_of[person])
                if (session != kNone)
                    --free_seats[session];
        for (int slot = 0; slot < m_slots; ++slot) {
            std::vector<std::vector<int>> seated(m_instance.sessions.size());
            std::vector<int> visited(m_instance.sessions.size(), 0);
            int stamp = 0;
            for (const auto& [person, wanted] : unranked)
                if (wanted == slot) {
                    ++stamp;
                    if (!seat_unranked(person, slot, allocation, free_seats, seated, visited, stamp))
                        unseated.push_back({person, slot});
                }
        }
    }

    bool seat_unranked(int person, int slot, Allocation& allocation, std::vector<int>& free_seats,
                       std::vector<std::vector<int>>& seated, std::vector<int>& visited, int stamp) const {
        const int key = m_model.group_key(person);
        for (int session : m_model.sessions_in_slot(slot)) {
            int workshop = m_instance.sessions[session].workshop;
            if (visited[session] == stamp || !m_model.is_open_to_group_key(workshop, key) ||
                holds_elsewhere(allocation, person, slot, workshop))
                continue;
            visited[session] = stamp;
            if (free_seats[session] > 0) {
                --free_seats[session];
                seated[session].push_back(person);
                allocation.session_of[person][slot] = session;
                return true;
            }
            for (int& other : seated[session])
                if (seat_unranked(other, slot, allocation, free_seats, seated, visited, stamp)) {
                    other = person;
                    allocation.session_of[person][slot] = session;
                    return true;
                }
        }
        return false;
    }

    bool holds_elsewhere(const Allocation& allocation, int person, int slot, int workshop) const {
        const auto& row = allocation.session_of[person];
        for (int other = 0; other < m_slots; ++other)
            if (other != slot && row[other] != kNone && m_instance.sessions[row[other]].workshop == workshop)
                return true;
        return false;
    }

    // Rounds of pricing columns into the relaxation at most (see relax); on the bench's long
    // rankings two sufficed.
    static constexpr int kPricingRounds = 20;
    // How negative a reduced cost must be to take its column in, past rounding.
    static constexpr double kLeastReducedCost = 1e-7;
    // The barrier's iterations at most. On the bench's long rankings it converged within 40; one that
    // had not by 80 never did (a support whose required workshops no allocation could hold), and
    // ran to Clp's 200 for most of a minute.
    static constexpr int kBarrierIterations = 80;

    // Per session, the price on its seats at the relaxation's duals: a capacity row's dual is at
    // most zero in a minimisation, and its negation is the price.
    std::vector<double> session_prices(const ClpSimplex& program) const {
        const double* dual = program.getRowPrice();
        std::vector<double> price(m_capacity.size(), 0.0);
        for (std::size_t session = 0; session < m_capacity.size(); ++session)
            price[session] = std::max(0.0, -dual[m_session_row + session]);
        return price;
    }

    // The held columns whose reduced costs at the program's duals are negative, no longer held
    // (only the most negative one per person took more rounds and longer on the bench).
    std::vector<int> price_in(const ClpSimplex& program, const Matrix& matrix,
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

    // The listed columns of the matrix, in order.
    static Matrix columns_of(const Matrix& matrix, const std::vector<int>& columns) {
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

    // Appends the listed columns of the matrix to Clp's program, in order.
    static void add_columns(ClpSimplex& program, const Matrix& matrix, const std::vector<int>& columns) {
        const Matrix part = columns_of(matrix, columns);
        program.addColumns(static_cast<int>(columns.size()), part.lower.data(), part.upper.data(),
                           part.cost.data(), part.column_start.data(), part.row_index.data(),
                           part.value.data());
    }

    // What the columns not held allow, as a support within the program's: its required workshops
    // stay, with the slots the program's support gives them.
    AggregateSupport support_let_in(const std::vector<char>& held) const {
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
                allow(what.person, workshop,
                      what.slot < 64 ? std::uint64_t{1} << what.slot : ~std::uint64_t{0});
        }
        for (std::size_t person = 0; person < people; ++person)
            for (int workshop : support.required[person])
                allow(static_cast<int>(person), workshop, ~std::uint64_t{0});
        return support;
    }

    // Whether a support allows the column.
    bool allows(const AggregateSupport& support, const Column& column) const {
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

    const CostModel& m_model;
    const Instance& m_instance;
    int m_slots;
    const Allocation* m_fixed;
    const AggregateSupport* m_within;
    bool m_explicit;
    std::vector<int> m_people;
    // m_row_of[person]: the person's index in the program, or kNone when their seats are fixed.
    std::vector<int> m_row_of;
    std::vector<int> m_capacity;
    int m_session_row{0};
    int m_pool_row{0};
    std::vector<double> m_row_lower;
    std::vector<double> m_row_upper;
    std::vector<Column> m_columns;
    std::vector<std::pair<Cost, double>> m_bounds;
    std::vector<std::vector<std::pair<int, double>>> m_entries;
};

// Programs at least this large are solved by their relaxation's core instead of CBC's search, which
// still proves the trust size's harder seeds optimal in a second or two.
constexpr std::int64_t kCoreColumns = 30000;
// Clp's barrier took about ten seconds for 80,000 columns of the bench's long rankings: larger
// programs go to CBC's search, whose node limit bounds the time.
constexpr std::int64_t kCoreMostColumns = 120000;

// The relaxation's whole part kept and only the people it splits re-placed by the integer program:
// on the long rankings of the bench a few hundred of 5,000, and the program over them found the
// relaxation's value where CBC's search over everyone took twenty seconds.
Allocation allocate_core(const CostModel& model, const CompactProgram& program,
                         const std::vector<double>& relaxed, const SearchLimit& limit,
                         const AggregateSupport* within) {
    std::vector<int> loose;
    Allocation allocation = program.round_relaxation(relaxed, loose);
    // Cuts and CBC's greedy heuristic took seconds on the core for nothing.
    SearchLimit core_limit = limit;
    core_limit.dive = true;
    if (!loose.empty())
        improve_people_by_program(model, loose, allocation, core_limit, within);
    return allocation;
}

// The relaxation and its core (see allocate_core), with the relaxation's bound. Returns nothing,
// for CBC's search, when Clp could not solve the relaxation. When the core's allocation falls short
// of the bound, CBC's search over everyone took minutes on the bench's long rankings and rarely
// closed the gap.
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

} // namespace

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
