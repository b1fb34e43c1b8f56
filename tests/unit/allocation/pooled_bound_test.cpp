// The pooled flow's slot groups: a tighter bound that must stay a bound.
#include "allocation/bounds/aggregate_flow.h"
#include "allocation/format.h"
#include "allocation/programs/compact_program.h"
#include "allocation/programs/exact_program.h"
#include "allocation/search/local_search.h"
#include "random_instances.h"

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

TEST(PooledBound, an_optimum_that_meets_the_bound_stays_within_the_support) {
    int tight = 0;
    for (std::uint64_t seed = 0; seed < 300; ++seed) {
        Instance instance = testing::random_instance(seed);
        CostModel model(instance);
        AggregateSolution pooled = solve_aggregate(model, AggregateShape::SlotGroups);
        auto exact = solve_exactly(model, SearchLimit{60.0});
        if (!pooled.feasible || !exact || exact->objective != pooled.lower_bound)
            continue;
        ++tight;
        EXPECT_TRUE(testing::within_support(model, pooled.support, exact->allocation)) << "seed " << seed;
    }
    EXPECT_GT(tight, 30);
}

TEST(PooledBound, an_optimum_above_the_bound_stays_within_the_support_of_its_slack) {
    int above = 0;
    for (std::uint64_t seed = 0; seed < 300; ++seed) {
        Instance instance = testing::random_instance(seed);
        CostModel model(instance);
        AggregateSolution pooled = solve_aggregate(model, AggregateShape::SlotGroups);
        auto exact = solve_exactly(model, SearchLimit{60.0});
        if (!pooled.feasible || !exact)
            continue;
        Cost slack = exact->objective - pooled.lower_bound;
        above += slack > 0 ? 1 : 0;
        AggregateSupport support = support_within(pooled.reduced, slack);
        EXPECT_TRUE(testing::within_support(model, support, exact->allocation)) << "seed " << seed;
    }
    EXPECT_GT(above, 50);
}

// A sequential fill: a feasible start that usually leaves a gap for the program to close.
Allocation filled(const CostModel& model) {
    Allocation allocation = empty_allocation(model.instance());
    Pinned pinned = place_compulsory(model, allocation);
    fill_sequentially(model, pinned, allocation);
    return allocation;
}

// One random instance's compact program within the support of its start: an allocation better
// than the start uses nothing else. The exact optimum is the oracle.
struct ProgramCase {
    std::uint64_t seed;
    Cost optimum;
    Cost start_cost;
    CompactSolution solution;
};

template <typename Check> void for_each_program_case(bool explicit_unranked, Check check) {
    for (std::uint64_t seed = 0; seed < 300; ++seed) {
        Instance instance = testing::random_instance(seed);
        CostModel model(instance);
        AggregateSolution pooled = solve_aggregate(model, AggregateShape::SlotGroups);
        auto exact = solve_exactly(model, SearchLimit{60.0});
        if (!pooled.feasible || !exact)
            continue; // compulsory workshops that cannot all be met
        Allocation start = filled(model);
        if (!model.is_feasible(start))
            continue;
        const Cost start_cost = model.objective(start);
        AggregateSupport support = support_within(pooled.reduced, start_cost - 1 - pooled.lower_bound);
        CompactSolution solution =
            solve_compact_program(model, start, SearchLimit{std::nullopt, 2000}, &support, explicit_unranked);
        if (solution.allocation) {
            EXPECT_TRUE(model.is_feasible(*solution.allocation)) << "seed " << seed;
        }
        check(model, ProgramCase{seed, exact->objective, start_cost, std::move(solution)});
    }
}

TEST(PooledBound, the_program_within_the_support_keeps_a_true_bound_and_finds_optima) {
    int improved = 0;
    int proven = 0;
    for_each_program_case(false, [&](const CostModel& model, const ProgramCase& tried) {
        const Cost bound = std::min(tried.solution.lower_bound, tried.start_cost);
        EXPECT_LE(bound, tried.optimum) << "seed " << tried.seed;
        proven += bound == tried.optimum ? 1 : 0;
        if (tried.solution.allocation) {
            const Cost cost = model.objective(*tried.solution.allocation);
            EXPECT_GE(cost, tried.optimum) << "seed " << tried.seed;
            improved += cost == tried.optimum ? 1 : 0;
        }
    });
    // Pooled unranked seats make the program a relaxation, so not every bound is the optimum.
    EXPECT_GT(proven, 200);
    EXPECT_GT(improved, 40);
}

TEST(PooledBound, the_program_with_explicit_unranked_seats_is_exact_within_the_support) {
    int improved = 0;
    for_each_program_case(true, [&](const CostModel& model, const ProgramCase& tried) {
        EXPECT_TRUE(tried.solution.finished) << "seed " << tried.seed;
        EXPECT_EQ(std::min(tried.solution.lower_bound, tried.start_cost), tried.optimum)
            << "seed " << tried.seed;
        EXPECT_TRUE(tried.solution.unseated.empty()) << "seed " << tried.seed;
        if (tried.optimum < tried.start_cost) {
            ASSERT_TRUE(tried.solution.allocation) << "seed " << tried.seed;
            EXPECT_EQ(model.objective(*tried.solution.allocation), tried.optimum) << "seed " << tried.seed;
            ++improved;
        }
    });
    EXPECT_GT(improved, 30);
}

} // namespace
} // namespace trellis::allocation
