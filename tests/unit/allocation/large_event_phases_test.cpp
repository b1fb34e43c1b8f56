// How long a large event's run goes on without a time limit: the phases that stop gaining stop, so
// that a PD lead waits seconds, not minutes. The pooled-flow path (past the Lagrangian limit) is
// taken here on small instances by setting that limit to zero.
#include "allocation/engine.h"
#include "random_instances.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace trellis::allocation {
namespace {

std::vector<Progress> phases_of(const Instance& instance) {
    Options options;
    options.exact_program_limit = 0;
    options.lagrangian_limit = 0;
    std::vector<Progress> reports;
    options.on_progress = [&reports](const Progress& progress) { reports.push_back(progress); };
    allocate(instance, options);
    return reports;
}

TEST(LargeEventPhases, seat_prices_stop_once_a_round_raises_the_bound_no_further) {
    int runs_with_prices = 0;
    for (std::uint64_t seed = 1; seed <= 8; ++seed) {
        const std::vector<Progress> reports =
            phases_of(testing::long_rankings(seed, 400, 20, 3, 0.02, false));
        std::vector<Cost> bounds;
        for (const Progress& report : reports)
            if (report.phase == "seat prices")
                bounds.push_back(report.lower_bound);
        if (bounds.empty())
            continue;
        ++runs_with_prices;
        // Every round after the first raised the bound, except perhaps the last, which ended them.
        for (std::size_t round = 1; round + 1 < bounds.size(); ++round)
            EXPECT_GT(bounds[round], bounds[round - 1]) << "seed " << seed << ", round " << round;
    }
    EXPECT_GT(runs_with_prices, 0) << "no instance left a gap for the seat prices to work on";
}

TEST(LargeEventPhases, two_groups_are_re_placed_by_the_program_without_a_time_limit) {
    int runs_with_groups = 0;
    for (std::uint64_t seed = 1; seed <= 8; ++seed) {
        int groups = 0;
        for (const Progress& report : phases_of(testing::long_rankings(seed, 400, 20, 3, 0.02, false)))
            groups += report.phase == "integer program on a group" ? 1 : 0;
        EXPECT_LE(groups, 2) << "seed " << seed;
        runs_with_groups += groups > 0 ? 1 : 0;
    }
    EXPECT_GT(runs_with_groups, 0) << "no instance left a gap for the programs on groups";
}

} // namespace
} // namespace trellis::allocation
