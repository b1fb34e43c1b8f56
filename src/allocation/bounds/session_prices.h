#pragma once
// A proven lower bound from a price on every session's seats. Relaxing the capacities with prices
// (Lagrange multipliers) leaves one small problem per person: one session per slot, never the
// same workshop twice, each costing its placement cost plus its price. For any prices its optimum
// minus the prices of all seats is a bound; at the best prices it is the bound of the whole
// program's linear relaxation, which is at least the pooled flow's. Subgradient steps find them,
// and each step costs a pass over the people, not a flow.
//
// At the best prices, how much more than their cheapest sessions a placement would cost a person
// proves that no allocation better than a given one uses it: support_within keeps only the rest,
// and the integer program over what is left is a fraction of the whole.

#include "allocation/bounds/aggregate_flow.h"
#include "allocation/costs.h"

#include <cstdint>
#include <vector>

namespace trellis::allocation {

class SessionPrices {
  public:
    // Starts with every price at zero; the instance must outlive this.
    explicit SessionPrices(const CostModel& model);

    // Starts from a price per workshop on each of its sessions' seats (the pooled flow's duals).
    void start_from(const std::vector<Cost>& workshop_price);
    // Takes at most `steps` subgradient steps aimed at target, the cost of the best allocation
    // known, stopping once the bound reaches it. Returns the best bound so far, rounded up.
    Cost raise(Cost target, int steps);
    // Evaluates the bound at the given prices (such as a relaxation's duals), keeping them when
    // they give a better bound than the best so far; later steps start from them. Returns the
    // best bound so far, rounded up.
    Cost raise_to(const std::vector<double>& price);
    // The best bound so far, rounded up (every allocation costs an integer).
    Cost lower_bound() const;
    // What every allocation costing at most `most` may use, at the best prices found (call raise
    // first). Empty when the bound is above most: then no allocation costs that little.
    AggregateSupport support_within(Cost most);
    // Per person, how much more their sessions in the allocation cost at the best prices than their
    // cheapest ones: together with the prices of empty seats, what keeps it from the bound.
    std::vector<double> reduced_costs(const Allocation& allocation);
    // The people an integer program should re-place to bring the allocation towards the bound: those
    // whose sessions cost more than their cheapest (from where the last call stopped), then, level
    // by level, a few holders (rotating with round) of each session that a person of the last level
    // could take at a cost above their cheapest within slack, until the program would have about
    // budget variables. Sorted; empty when nobody costs more than their cheapest.
    std::vector<int> people_to_replace(const Allocation& allocation, double slack, int round,
                                       std::int64_t budget);
    // Each person's cheapest sessions at the best prices found; sessions may be over capacity.
    Allocation cheapest_sessions();

  private:
    struct Option {
        double cost;
        int workshop; // kNone for an empty slot
        int session;
    };
    using Options = std::vector<std::vector<Option>>;

    // The value of the relaxation at the prices; fills m_load with each session's seats taken.
    double evaluate(const std::vector<double>& price);
    // Per slot, the person's cheapest options at the prices (enough that some stays free whatever
    // the other slots take), cheapest first.
    void options_of(int person, const std::vector<double>& price, Options& options) const;
    // The cheapest choice of one option per slot in different workshops, leaving out skipped_slot
    // and the excluded workshop; picks (when given) gets each slot's option index.
    double cheapest(const Options& options, int skipped_slot, int excluded, std::vector<int>* picks) const;
    // Sorts every group's open sessions of each slot by price, cheapest first.
    void sort_open_sessions(const std::vector<double>& price);
    // The person's constant offset: compulsory workshops are cheapened so that every cheapest
    // choice holds them, and this adds it back.
    double compulsory_offset(int person) const;

    const CostModel& m_model;
    const Instance& m_instance;
    int m_slots;
    // Per person, the workshops they named and may attend with their placement costs.
    std::vector<std::vector<std::pair<int, double>>> m_named;
    // Per person, every workshop they named (chosen or compulsory), eligible or not.
    std::vector<std::vector<int>> m_listed;
    std::vector<int> m_compulsory;
    // m_open[key * slots + slot]: sessions with seats open to the group key, by price.
    std::vector<std::vector<int>> m_open;
    std::vector<double> m_price;
    std::vector<double> m_best_price;
    double m_best_value;
    // The step length's share of the Polyak step, halved when the bound stops rising.
    double m_scale{1.0};
    int m_steps_without_gain{0};
    int m_next_person{0};
    std::vector<int> m_load;
};

} // namespace trellis::allocation
