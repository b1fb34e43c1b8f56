// Swaps between two slots: the colouring's breadth-first search, used by the local search to make
// room for a better choice.
#include "allocation/format.h"
#include "allocation/local_search.h"
#include "allocation/slot_colouring.h"
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

} // namespace
} // namespace trellis::allocation
