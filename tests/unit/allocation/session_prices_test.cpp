// Seat prices: a bound that must stay a bound, a support that must hold every better allocation,
// and the engine that uses them on long rankings in tight rooms.
#include "allocation/bounds/aggregate_flow.h"
#include "allocation/bounds/session_prices.h"
#include "allocation/costs.h"
#include "allocation/engine.h"
#include "allocation/format.h"
#include "allocation/programs/exact_program.h"
#include "random_instances.h"

#include <gtest/gtest.h>

namespace trellis::allocation {
namespace {

TEST(SeatPrices, bound_starts_at_the_pooled_bound_and_never_passes_the_optimum) {
    int proven = 0;
    int above_pooled = 0;
    for (std::uint64_t seed = 0; seed < 400; ++seed) {
        Instance instance = testing::random_instance(seed);
        CostModel model(instance);
        AggregateSolution pooled = solve_aggregate(model, AggregateShape::SlotGroups);
        auto exact = solve_exactly(model, SearchLimit{60.0});
        if (!pooled.feasible || !exact)
            continue; // compulsory workshops that cannot all be met
        SessionPrices prices(model);
        prices.start_from(pooled.workshop_price);
        EXPECT_GE(prices.raise(exact->objective + 50, 1), pooled.lower_bound) << "seed " << seed;
        const Cost bound = prices.raise(exact->objective + 50, 300);
        EXPECT_LE(bound, exact->objective) << "seed " << seed;
        proven += bound == exact->objective ? 1 : 0;
        above_pooled += bound > pooled.lower_bound ? 1 : 0;
    }
    EXPECT_GT(proven, 200);
    EXPECT_GT(above_pooled, 5);
}

TEST(SeatPrices, bound_from_zero_prices_never_passes_the_optimum) {
    for (std::uint64_t seed = 1000; seed < 1200; ++seed) {
        Instance instance = testing::random_instance(seed);
        CostModel model(instance);
        auto exact = solve_exactly(model, SearchLimit{60.0});
        if (!exact)
            continue;
        SessionPrices prices(model);
        EXPECT_LE(prices.raise(exact->objective, 200), exact->objective) << "seed " << seed;
    }
}

TEST(SeatPrices, an_optimum_stays_within_the_support_of_its_cost) {
    int checked = 0;
    for (std::uint64_t seed = 0; seed < 300; ++seed) {
        Instance instance = testing::random_instance(seed);
        CostModel model(instance);
        AggregateSolution pooled = solve_aggregate(model, AggregateShape::SlotGroups);
        auto exact = solve_exactly(model, SearchLimit{60.0});
        if (!pooled.feasible || !exact)
            continue;
        SessionPrices prices(model);
        prices.start_from(pooled.workshop_price);
        prices.raise(exact->objective + 20, 100);
        EXPECT_TRUE(
            testing::within_support(model, prices.support_within(exact->objective), exact->allocation))
            << "seed " << seed;
        // Nothing costs less than the optimum, so the support below it holds no allocation.
        if (prices.lower_bound() == exact->objective) {
            AggregateSupport below = prices.support_within(exact->objective - 1);
            EXPECT_FALSE(testing::within_support(model, below, exact->allocation)) << "seed " << seed;
        }
        ++checked;
    }
    EXPECT_GT(checked, 200);
}

TEST(SeatPrices, long_rankings_in_tight_rooms_are_proven_optimal) {
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
        Instance instance = testing::long_rankings(seed, 1500, 40, 3, 0.02 + 0.03 * seed);
        Result result = allocate(instance);
        CostModel model(instance);
        ASSERT_TRUE(model.is_feasible(result.allocation)) << "seed " << seed;
        EXPECT_TRUE(result.statistics.proven_optimal) << "seed " << seed << ", gap " << result.statistics.gap;
        EXPECT_EQ(result.statistics.objective, model.objective(result.allocation)) << "seed " << seed;
    }
}

TEST(SeatPrices, long_rankings_give_the_same_allocation_every_time) {
    Instance instance = testing::long_rankings(7, 1200, 30, 3, 0.03);
    Result first = allocate(instance);
    Result second = allocate(instance);
    first.statistics.seconds = second.statistics.seconds = 0.0;
    EXPECT_EQ(format_result(instance, first), format_result(instance, second));
}

} // namespace
} // namespace trellis::allocation
