#pragma once
// Who may attend what, and what each placement costs: the rules every solver shares.

#include "allocation/model.h"

namespace trellis::allocation {

class CostModel {
  public:
    // Precomputes eligibility and choice ranks for the instance, which must outlive the model.
    explicit CostModel(const Instance& instance);

    // The instance the model was built from.
    const Instance& instance() const { return m_instance; }
    // True when the workshop's audience admits the person.
    bool is_eligible(int person, int workshop) const;
    // The person's 0-based rank for the workshop, or kNone when they did not choose it.
    int rank_of(int person, int workshop) const;
    // The cost of placing the person in the workshop (rank cost or unranked cost).
    Cost placement_cost(int person, int workshop) const;
    // The cost of leaving one slot of a person empty.
    Cost unassigned_cost() const { return m_instance.policy.unassigned_cost; }
    // The cost of an unranked placement.
    Cost unranked_cost() const { return m_instance.policy.unranked_cost; }
    // The sessions of a slot in input order.
    const std::vector<int>& sessions_in_slot(int slot) const { return m_sessions_in_slot[slot]; }
    // Index used for people without a group in group-indexed tables.
    int group_key(int person) const;
    // Number of group keys (the instance's groups plus "no group").
    int group_key_count() const { return static_cast<int>(m_instance.groups.size()) + 1; }
    // True when the workshop is open to every person with the given group key.
    bool is_open_to_group_key(int workshop, int group_key) const;
    // The cost of a whole allocation under the policy.
    Cost objective(const Allocation& allocation) const;
    // The cost of one person's seats in the allocation.
    Cost person_cost(const Allocation& allocation, int person) const;
    // True when the allocation obeys capacity, audience, one-per-slot, never-twice and must.
    bool is_feasible(const Allocation& allocation, std::string* why = nullptr) const;

  private:
    const Instance& m_instance;
    std::vector<std::vector<int>> m_sessions_in_slot;
    // m_open[workshop * group_key_count + group_key]
    std::vector<char> m_open;
};

} // namespace trellis::allocation
