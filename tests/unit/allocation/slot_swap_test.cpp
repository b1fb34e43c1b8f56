// Swaps between two slots: the colouring's breadth-first search, used by the local search to make
// room for a better choice.
#include "allocation/bounds/aggregate_flow.h"
#include "allocation/format.h"
#include "allocation/search/local_search.h"
#include "allocation/search/slot_colouring.h"
#include "random_instances.h"

#include <gtest/gtest.h>

namespace trellis::allocation {
namespace {

TEST(SlotSwaps, a_holder_swaps_two_slots_to_free_a_first_choice) {
    // q holds A in s1 and B in s2; swapping them frees A in s1 for u, who sits in an unranked C.
    Instance instance = parse_instance(R"({"slots":["s1","s2"],"workshops":[
        {"id":"A","sessions":[{"slot":"s1","capacity":1},{"slot":"s2","capacity":1}]},
        {"id":"B","sessions":[{"slot":"s1","capacity":1},{"slot":"s2","capacity":1}]},
        {"id":"C","sessions":[{"slot":"s1","capacity":1}]},
        {"id":"D","sessions":[{"slot":"s2","capacity":1}]}],
        "people":[{"id":"q","choices":["A","B"]},{"id":"u","choices":["A","D"]}]})");
    CostModel model(instance);
    Allocation allocation = empty_allocation(instance);
    Pinned pinned = place_compulsory(model, allocation);
    auto session = [&](int workshop, int slot) { return instance.workshops[workshop].session_in_slot[slot]; };
    allocation.session_of[0] = {session(0, 0), session(1, 1)};
    allocation.session_of[1] = {session(2, 0), session(3, 1)};
    ASSERT_EQ(model.objective(allocation), 102);
    EXPECT_TRUE(improve_by_swaps(model, pinned, allocation));
    EXPECT_TRUE(model.is_feasible(allocation));
    EXPECT_EQ(model.objective(allocation), 2);
}

TEST(SlotSwaps, keep_random_allocations_feasible_and_never_raise_the_cost) {
    for (std::uint64_t seed = 70001; seed < 71001; ++seed) {
        Instance instance = testing::random_instance(seed);
        CostModel model(instance);
        Allocation allocation = empty_allocation(instance);
        Pinned pinned;
        try {
            pinned = place_compulsory(model, allocation);
        } catch (const InputError&) {
            continue;
        }
        fill_sequentially(model, pinned, allocation);
        Cost before = model.objective(allocation);
        bool improved = improve_by_swaps(model, pinned, allocation);
        std::string why;
        ASSERT_TRUE(model.is_feasible(allocation, &why)) << why << ", seed " << seed;
        Cost after = model.objective(allocation);
        EXPECT_EQ(improved, after < before) << "seed " << seed;
        EXPECT_LE(after, before) << "seed " << seed;
    }
}

int seats_placed(const Allocation& allocation) {
    int placed = 0;
    for (const auto& row : allocation.session_of)
        for (int session : row)
            placed += session != kNone ? 1 : 0;
    return placed;
}

TEST(SlotColouring, later_attempts_colour_first_what_the_first_left_and_never_place_fewer) {
    testing::RandomShape crowded;
    crowded.max_people = 40;
    crowded.max_workshops = 8;
    crowded.max_capacity = 8;
    int better = 0;
    for (std::uint64_t seed = 80001; seed < 80501; ++seed) {
        Instance instance = testing::random_instance(seed, crowded);
        CostModel model(instance);
        Allocation seats = empty_allocation(instance);
        Pinned pinned;
        try {
            pinned = place_compulsory(model, seats);
        } catch (const InputError&) {
            continue;
        }
        AggregateSolution pooled = solve_aggregate(model);
        if (!pooled.feasible)
            continue;
        Allocation once = colour_placements(model, pinned, seats, pooled.placements, 1);
        Allocation retried = colour_placements(model, pinned, seats, pooled.placements, 4);
        ASSERT_TRUE(model.is_feasible(retried)) << "seed " << seed;
        ASSERT_GE(seats_placed(retried), seats_placed(once)) << "seed " << seed;
        better += seats_placed(retried) > seats_placed(once) ? 1 : 0;
    }
    EXPECT_GT(better, 5);
}

} // namespace
} // namespace trellis::allocation
