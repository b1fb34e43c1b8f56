#pragma once
// The compact program itself (see compact_program.h), shared by its integer program
// (compact_program.cpp, CBC), its model (compact_model.cpp: rows, columns, allocations from a
// solution) and its linear relaxation (relaxation.cpp, Clp). Internal to programs/.

#include "allocation/programs/compact_program.h"

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

class ClpSimplex;

namespace trellis::allocation::compact {

enum class ColumnKind : char { Placement, Unranked, Empty, Pool };

struct Column {
    ColumnKind kind;
    int person; // the group key for a pool column
    int slot;
    int session; // kNone for unranked and empty columns
};

// The workshops a person may be placed in by name: their choices and compulsory ones.
std::vector<int> named_workshops(const CostModel& model, int person);

// A relaxation's value rounded up to the integer cost every allocation has, with room for rounding.
Cost rounded_bound(double value);

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
                   const AggregateSupport* within, bool explicit_unranked = false);

    void build();

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
                     const ColumnPricing* pricing = nullptr) const;

    // The relaxation's whole part as an allocation: people whose own columns are all whole (and
    // whose pooled seats could be handed out) keep their seats, the rest are left out (returned).
    Allocation round_relaxation(const std::vector<double>& solution, std::vector<int>& loose) const;

    CompactSolution solve(const Allocation& start, const SearchLimit& limit);

  private:
    static constexpr double kInfinity = 1e30;
    // Programs at least this large are relaxed by the barrier (see relax).
    static constexpr std::int64_t kBarrierColumns = 20000;

    // A row that must hold something without any column (a compulsory workshop without seats left):
    // the barrier went astray on such programs instead of finding them infeasible.
    bool has_empty_required_row() const;
    // How far from a whole number a relaxation's value may be and still count as one.
    static constexpr double kWhole = 1e-6;

    // Whether a column's value leaves its person to the program over the core: a fractional one, or
    // an unranked seat, whose hand-out may take seats the relaxation gave the others.
    static bool loose_in(ColumnKind kind, double value);

    // The program by columns, as both CBC and Clp load it.
    struct Matrix {
        std::vector<int> column_start{0};
        std::vector<int> row_index;
        std::vector<double> value;
        std::vector<double> lower;
        std::vector<double> upper;
        std::vector<double> cost;
    };

    Matrix columns_matrix() const;

    // An unranked seat in each workshop of the person's pool that they did not name, at most once:
    // with these in place of the pool, the program is exact.
    void add_explicit_unranked(int person);

    // The slots the support allows the person's index-th named workshop (all without one).
    std::uint64_t allowed_slots(int person, std::size_t index) const;

    // A variable per allowed slot where the workshop has seats left, all in one "never twice" row
    // whose lower bound is `least` (1 for a compulsory workshop). Returns false when there is none.
    bool add_placements(int person, int workshop, Cost cost, double least,
                        std::uint64_t allowed = ~std::uint64_t{0});

    static bool contains(const std::vector<int>& list, int item);

    // pooled[key * workshops + workshop]: whether unranked seats of the group may go there.
    std::vector<char> pooled_workshops() const;

    int pool_row(int key, int slot) const { return m_pool_row + key * m_slots + slot; }

    int add_row(double lower, double upper);

    void add_column(Column column, Cost cost, double upper, std::vector<std::pair<int, double>> entries);

    // Named placements as they are; pooled seats handed out per group and slot in session order,
    // skipping workshops the person already attends.
    Allocation to_allocation(const double* solution, std::vector<std::pair<int, int>>& unseated) const;

    // Unranked seats are handed out slot by slot as a matching (augmenting paths) over every seat
    // the named placements leave free, skipping workshops the person attends in another slot: the
    // program pooled them without "never twice", and a greedy hand-out left seats empty that a
    // matching fills.
    void hand_out_unranked(const std::vector<std::pair<int, int>>& unranked, Allocation& allocation,
                           std::vector<std::pair<int, int>>& unseated) const;

    bool seat_unranked(int person, int slot, Allocation& allocation, std::vector<int>& free_seats,
                       std::vector<std::vector<int>>& seated, std::vector<int>& visited, int stamp) const;

    bool holds_elsewhere(const Allocation& allocation, int person, int slot, int workshop) const;

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
    std::vector<double> session_prices(const ClpSimplex& program) const;

    // The held columns whose reduced costs at the program's duals are negative, no longer held
    // (only the most negative one per person took more rounds and longer on the bench).
    std::vector<int> price_in(const ClpSimplex& program, const Matrix& matrix, std::vector<char>& held) const;

    // The listed columns of the matrix, in order.
    static Matrix columns_of(const Matrix& matrix, const std::vector<int>& columns);

    // Appends the listed columns of the matrix to Clp's program, in order.
    static void add_columns(ClpSimplex& program, const Matrix& matrix, const std::vector<int>& columns);

    // What the columns not held allow, as a support within the program's: its required workshops
    // stay, with the slots the program's support gives them.
    AggregateSupport support_let_in(const std::vector<char>& held) const;

    // Whether a support allows the column.
    bool allows(const AggregateSupport& support, const Column& column) const;

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

// The relaxation and its core (see allocate_core), with the relaxation's bound. Returns nothing,
// for CBC's search, when Clp could not solve the relaxation. When the core's allocation falls short
// of the bound, CBC's search over everyone took minutes on the bench's long rankings and rarely
// closed the gap.
std::optional<CompactSolution> solve_by_core(const CostModel& model, const CompactProgram& program,
                                             const Allocation& start, const SearchLimit& limit,
                                             const AggregateSupport* within);

} // namespace trellis::allocation::compact
