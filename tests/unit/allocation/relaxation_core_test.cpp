// The relaxation and its core: its duals must give a bound that never passes the optimum, its
// allocation must be feasible and never below the optimum, and on long rankings in tight rooms the
// engine must prove the optimum with it, the same each run.
#include "allocation/bounds/session_prices.h"
#include "allocation/costs.h"
#include "allocation/engine.h"
#include "allocation/programs/compact_program.h"
#include "allocation/programs/exact_program.h"
#include "random_instances.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace trellis::allocation {
namespace {

TEST(RelaxationCore, duals_bound_and_core_allocation_respect_the_optimum) {
    int solved = 0;
    int reached = 0;
    for (std::uint64_t seed = 5000; seed < 5300; ++seed) {
        Instance instance = testing::random_instance(seed);
        CostModel model(instance);
        auto exact = solve_exactly(model, SearchLimit{60.0});
        if (!exact)
            continue; // compulsory workshops that cannot all be met
        SessionPrices prices(model);
        prices.raise(exact->objective, 50);
        // Within a small slack of the bound: the support may miss the optimum, the bound must not.
        const AggregateSupport within = prices.support_within(prices.lower_bound() + 1);
        RelaxedSolution relaxed = solve_relaxation_core(model, within, SearchLimit{std::nullopt, 200});
        if (!relaxed.solved)
            continue;
        ++solved;
        EXPECT_LE(prices.raise_to(relaxed.session_price), exact->objective) << "seed " << seed;
        if (relaxed.allocation) {
            ASSERT_TRUE(model.is_feasible(*relaxed.allocation)) << "seed " << seed;
            const Cost cost = model.objective(*relaxed.allocation);
            EXPECT_GE(cost, exact->objective) << "seed " << seed;
            reached += cost == exact->objective ? 1 : 0;
        }
    }
    EXPECT_GT(solved, 100);
    EXPECT_GT(reached, solved / 2);
}

// Started from a narrow support and priced on, the relaxation must end where the relaxation over the
// whole support ends; held to the narrow start, it ended above it on each of these events.
TEST(RelaxationCore, pricing_from_a_narrow_start_reaches_the_relaxation_over_the_whole_support) {
    const auto never = [](const std::vector<double>&) { return std::numeric_limits<Cost>::max(); };
    const auto always = [](const std::vector<double>&) { return std::numeric_limits<Cost>::min(); };
    const SearchLimit limit{std::nullopt, 200};
    int started_above = 0;
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
        Instance instance = testing::long_rankings(seed, 300, 30, 3, 0.03);
        CostModel model(instance);
        const Cost best = allocate(instance).statistics.objective;
        SessionPrices prices(model);
        prices.raise(best, 50);
        const AggregateSupport first = prices.support_within(prices.lower_bound());
        const AggregateSupport whole = prices.support_within(best + 20);
        const RelaxedSolution everything = solve_relaxation_core(model, whole, limit);
        const ColumnPricing held{&first, never};
        const RelaxedSolution narrow = solve_relaxation_core(model, whole, limit, &held);
        const ColumnPricing priced_on{&first, always};
        const RelaxedSolution priced = solve_relaxation_core(model, whole, limit, &priced_on);
        ASSERT_TRUE(everything.solved && narrow.solved && priced.solved) << "seed " << seed;
        EXPECT_NEAR(priced.value, everything.value, 1e-6 * std::abs(everything.value)) << "seed " << seed;
        EXPECT_FALSE(narrow.priced) << "seed " << seed;
        if (narrow.value > everything.value + 1e-6) {
            ++started_above;
            EXPECT_TRUE(priced.priced) << "seed " << seed;
        }
        if (priced.allocation) {
            ASSERT_TRUE(model.is_feasible(*priced.allocation)) << "seed " << seed;
            EXPECT_GE(model.objective(*priced.allocation),
                      static_cast<Cost>(std::ceil(everything.value - 1e-6)));
        }
    }
    EXPECT_GT(started_above, 0);
}

TEST(RelaxationCore, engine_proves_long_rankings_in_tight_rooms_optimal_the_same_each_run) {
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
        Instance instance = testing::long_rankings(seed, 400, 30, 3, 0.03);
        Result first = allocate(instance);
        Result second = allocate(instance);
        ASSERT_TRUE(CostModel(instance).is_feasible(first.allocation)) << "seed " << seed;
        EXPECT_TRUE(first.statistics.proven_optimal) << "seed " << seed << " gap " << first.statistics.gap;
        EXPECT_EQ(first.allocation.session_of, second.allocation.session_of) << "seed " << seed;
    }
}

} // namespace
} // namespace trellis::allocation
