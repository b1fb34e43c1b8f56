#pragma once
// Who a program on a group re-places, everyone else keeping their seats: the people who keep the
// allocation from its bound ("unhappy"), and a few holders of the seats they want, whom the
// program may move to make room.

#include "allocation/bounds/aggregate_flow.h"
#include "allocation/costs.h"

#include <vector>

namespace trellis::allocation {

class GroupPicker {
  public:
    // With a support set (the pooled flow's, see AggregateSupport), a person is unhappy when they
    // hold a seat outside it or miss a workshop it requires, and the groups are smaller; without,
    // when they cost more than their ideal.
    GroupPicker(const CostModel& model, const AggregateSupport* support)
        : m_model(model), m_support(support) {}

    // The next group, sorted: unhappy people from where the last group stopped, each with holders
    // of every session of the workshops they want (rotating with batch). Empty when nobody in the
    // allocation is unhappy.
    std::vector<int> next(const Allocation& best, int batch);

  private:
    bool unhappy(const Allocation& best, int person) const;
    const std::vector<int>& wanted_workshops(int person) const;

    const CostModel& m_model;
    const AggregateSupport* m_support;
    int m_next{0};
};

} // namespace trellis::allocation
