// Properties checked on thousands of small random instances against an exact integer program.
#include "allocation/costs.h"
#include "allocation/engine.h"
#include "allocation/format.h"
#include "allocation/programs/exact_program.h"
#include "random_instances.h"

#include <gtest/gtest.h>

namespace trellis::allocation {
namespace {

constexpr int kInstances = 3000;

// Returns the exact optimum, or nothing when the compulsory workshops cannot all be placed.
std::optional<Cost> exact_optimum(const Instance& instance) {
    CostModel model(instance);
    auto exact = solve_exactly(model, SearchLimit{60.0});
    if (!exact)
        return std::nullopt;
    return exact->objective;
}

TEST(AllocationProperties, engine_result_is_feasible_and_equals_the_exact_optimum) {
    for (std::uint64_t seed = 1; seed <= kInstances; ++seed) {
        Instance instance = testing::random_instance(seed);
        std::optional<Cost> optimum = exact_optimum(instance);
        Result result;
        try {
            result = allocate(instance);
        } catch (const InputError&) {
            EXPECT_FALSE(optimum.has_value()) << "engine rejected a feasible instance, seed " << seed;
            continue;
        }
        ASSERT_TRUE(optimum.has_value()) << "seed " << seed;
        CostModel model(instance);
        std::string why;
        ASSERT_TRUE(model.is_feasible(result.allocation, &why)) << why << ", seed " << seed;
        EXPECT_EQ(result.statistics.objective, model.objective(result.allocation)) << "seed " << seed;
        EXPECT_EQ(result.statistics.objective, *optimum) << "seed " << seed;
        EXPECT_TRUE(result.statistics.proven_optimal) << "seed " << seed;
    }
}

TEST(AllocationProperties, heuristics_alone_give_a_feasible_result_and_a_true_lower_bound) {
    Options options;
    options.exact_program_limit = 0;
    for (std::uint64_t seed = 10001; seed < 10001 + kInstances; ++seed) {
        Instance instance = testing::random_instance(seed);
        std::optional<Cost> optimum = exact_optimum(instance);
        if (!optimum)
            continue;
        Result result = allocate(instance, options);
        CostModel model(instance);
        std::string why;
        ASSERT_TRUE(model.is_feasible(result.allocation, &why)) << why << ", seed " << seed;
        EXPECT_LE(result.statistics.lower_bound, *optimum) << "seed " << seed;
        EXPECT_GE(result.statistics.objective, *optimum) << "seed " << seed;
    }
}

TEST(AllocationProperties, pooled_flow_path_gives_a_feasible_result_and_a_true_lower_bound) {
    Options options;
    options.exact_program_limit = 0;
    options.lagrangian_limit = 0;
    for (std::uint64_t seed = 50001; seed < 50001 + kInstances; ++seed) {
        Instance instance = testing::random_instance(seed);
        std::optional<Cost> optimum = exact_optimum(instance);
        if (!optimum)
            continue;
        Result result = allocate(instance, options);
        CostModel model(instance);
        std::string why;
        ASSERT_TRUE(model.is_feasible(result.allocation, &why)) << why << ", seed " << seed;
        EXPECT_EQ(result.statistics.objective, model.objective(result.allocation)) << "seed " << seed;
        EXPECT_LE(result.statistics.lower_bound, *optimum) << "seed " << seed;
        EXPECT_GE(result.statistics.objective, *optimum) << "seed " << seed;
    }
}

TEST(AllocationProperties, larger_instances_keep_the_bound_below_the_exact_optimum) {
    Options options;
    options.exact_program_limit = 0;
    testing::RandomShape shape;
    shape.max_people = 30;
    shape.max_workshops = 8;
    shape.max_capacity = 8;
    for (std::uint64_t seed = 40001; seed < 40301; ++seed) {
        Instance instance = testing::random_instance(seed, shape);
        std::optional<Cost> optimum = exact_optimum(instance);
        if (!optimum)
            continue;
        Result result = allocate(instance, options);
        ASSERT_TRUE(CostModel(instance).is_feasible(result.allocation)) << "seed " << seed;
        EXPECT_LE(result.statistics.lower_bound, *optimum) << "seed " << seed;
        EXPECT_GE(result.statistics.objective, *optimum) << "seed " << seed;
    }
}

TEST(AllocationProperties, one_slot_is_solved_exactly_by_the_flow) {
    Options options;
    options.exact_program_limit = 0;
    testing::RandomShape shape;
    shape.max_slots = 1;
    shape.max_people = 12;
    for (std::uint64_t seed = 20001; seed < 20001 + kInstances; ++seed) {
        Instance instance = testing::random_instance(seed, shape);
        std::optional<Cost> optimum = exact_optimum(instance);
        if (!optimum)
            continue;
        Result result = allocate(instance, options);
        EXPECT_EQ(result.statistics.objective, *optimum) << "seed " << seed;
        EXPECT_EQ(result.statistics.lower_bound, result.statistics.objective) << "seed " << seed;
    }
}

TEST(AllocationProperties, same_input_gives_the_same_output) {
    for (std::uint64_t seed = 30001; seed < 30201; ++seed) {
        Instance instance = testing::random_instance(seed);
        try {
            Result first = allocate(instance);
            Result second = allocate(instance);
            first.statistics.seconds = second.statistics.seconds = 0.0;
            EXPECT_EQ(format_result(instance, first), format_result(instance, second)) << "seed " << seed;
        } catch (const InputError&) {
        }
    }
}

} // namespace
} // namespace trellis::allocation
