#pragma once
// Statistics of an allocation and the reasons behind each unhappy person (someone who made
// choices and received none of them), so a PD lead can see why the rooms did not allow it.

#include "allocation/costs.h"

namespace trellis::allocation {

// Fills the rank counts, unranked and unassigned counts and the unhappy count of statistics.
void count_outcomes(const CostModel& model, const Allocation& allocation, Statistics& statistics);

// One explanation per unhappy person, in input order.
std::vector<Explanation> explain_unhappy(const CostModel& model, const Allocation& allocation);

} // namespace trellis::allocation
