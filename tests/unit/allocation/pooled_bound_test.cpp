// The pooled flow's slot groups: a tighter bound that must stay a bound.
#include "allocation/aggregate_flow.h"
#include "allocation/format.h"

#include <gtest/gtest.h>

namespace trellis::allocation {
namespace {

Cost pooled_bound(const std::string& json, AggregateShape shape) {
    Instance instance = parse_instance(json);
    CostModel model(instance);
    AggregateSolution solution = solve_aggregate(model, shape);
    EXPECT_TRUE(solution.feasible);
    return solution.lower_bound;
}

TEST(PooledBound, two_workshops_of_one_slot_cannot_both_be_attended) {
    // The optimum is A in s1 and an unranked C in s2: 0 + 100.
    std::string json = R"({"slots":["s1","s2"],"workshops":[
        {"id":"A","sessions":[{"slot":"s1","capacity":1}]},
        {"id":"B","sessions":[{"slot":"s1","capacity":1}]},
        {"id":"C","sessions":[{"slot":"s2","capacity":1}]}],
        "people":[{"id":"p","choices":["A","B"]}]})";
    EXPECT_EQ(pooled_bound(json, AggregateShape::Pooled), 1);
    EXPECT_EQ(pooled_bound(json, AggregateShape::SlotGroups), 100);
}

TEST(PooledBound, three_workshops_of_two_slots_cannot_all_be_attended) {
    // A, B and C run only in s1 and s2, so one of the three slots is an unranked D: 0 + 1 + 100.
    std::string json = R"({"slots":["s1","s2","s3"],"workshops":[
        {"id":"A","sessions":[{"slot":"s1","capacity":1},{"slot":"s2","capacity":1}]},
        {"id":"B","sessions":[{"slot":"s1","capacity":1},{"slot":"s2","capacity":1}]},
        {"id":"C","sessions":[{"slot":"s1","capacity":1},{"slot":"s2","capacity":1}]},
        {"id":"D","sessions":[{"slot":"s3","capacity":1}]}],
        "people":[{"id":"p","choices":["A","B","C"]}]})";
    EXPECT_EQ(pooled_bound(json, AggregateShape::Pooled), 5);
    EXPECT_EQ(pooled_bound(json, AggregateShape::SlotGroups), 101);
}

} // namespace
} // namespace trellis::allocation
