// The transport solver must give every slot the same optimum as LEMON's general min-cost flow.
#include "allocation/costs.h"
#include "allocation/search/local_search.h"
#include "allocation/search/slot_flow.h"
#include "random_instances.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace trellis::allocation {
namespace {

// The objective of current with one slot replaced by column.
Cost objective_with_slot(const CostModel& model, Allocation current, int slot,
                         const std::vector<int>& column) {
    for (std::size_t person = 0; person < column.size(); ++person)
        current.session_of[person][slot] = column[person];
    return model.objective(current);
}

// Re-solves every slot of a sequential allocation with both solvers and compares the optima.
void expect_same_slot_optima(const Instance& instance, std::uint64_t seed) {
    CostModel model(instance);
    Allocation allocation = empty_allocation(instance);
    Pinned pinned;
    try {
        pinned = place_compulsory(model, allocation);
    } catch (const InputError&) {
        return;
    }
    fill_sequentially(model, pinned, allocation);
    ASSERT_TRUE(model.is_feasible(allocation)) << "seed " << seed;
    for (int slot = 0; slot < static_cast<int>(instance.slots.size()); ++slot) {
        std::vector<int> fast = solve_slot(model, slot, allocation, pinned[slot], SlotSolver::Transport);
        std::vector<int> general = solve_slot(model, slot, allocation, pinned[slot], SlotSolver::GeneralFlow);
        Allocation with_fast = allocation;
        for (std::size_t person = 0; person < fast.size(); ++person)
            with_fast.session_of[person][slot] = fast[person];
        std::string why;
        ASSERT_TRUE(model.is_feasible(with_fast, &why)) << why << ", seed " << seed << ", slot " << slot;
        EXPECT_EQ(objective_with_slot(model, allocation, slot, fast),
                  objective_with_slot(model, allocation, slot, general))
            << "seed " << seed << ", slot " << slot;
    }
}

// A one-slot instance shaped like the benchmark's: Zipf-like popularity, seats for 95-110% of
// the people shared by popularity, some audiences, choice lists of 0 to 6.
Instance skewed_instance(std::uint64_t seed, int people, int workshops, int slots) {
    std::mt19937_64 random(seed);
    auto uniform = [&] { return static_cast<double>(random() >> 11) / 9007199254740992.0; };
    Instance instance;
    for (int slot = 0; slot < slots; ++slot)
        instance.slots.push_back("s" + std::to_string(slot));
    instance.groups = {"teacher", "support"};
    std::vector<double> weight(workshops);
    double total = 0.0;
    for (int index = 0; index < workshops; ++index) {
        weight[index] = 1.0 / std::pow(index + 1.0, 0.9);
        total += weight[index];
    }
    for (int index = 0; index < workshops; ++index) {
        Workshop workshop;
        workshop.id = "w" + std::to_string(index);
        if (uniform() < 0.1)
            workshop.audience = {static_cast<int>(random() % 2)};
        workshop.session_in_slot.assign(slots, kNone);
        for (int slot = 0; slot < slots; ++slot)
            if (slot == 0 || uniform() < 0.6) {
                int seats =
                    static_cast<int>(people * (0.95 + 0.15 * uniform()) * std::pow(weight[index], 0.6) /
                                     std::pow(total / workshops, 0.6) / workshops);
                workshop.session_in_slot[slot] = static_cast<int>(instance.sessions.size());
                instance.sessions.push_back({index, slot, std::max(0, seats)});
            }
        instance.workshops.push_back(workshop);
    }
    for (int index = 0; index < people; ++index) {
        Person person;
        person.id = "p" + std::to_string(index);
        person.group = static_cast<int>(random() % 3) - 1;
        int length = static_cast<int>(random() % 7);
        while (static_cast<int>(person.choices.size()) < std::min(length, workshops)) {
            double target = uniform() * total;
            int pick = 0;
            for (double sum = weight[0]; sum < target && pick + 1 < workshops; sum += weight[++pick]) {
            }
            if (std::find(person.choices.begin(), person.choices.end(), pick) == person.choices.end())
                person.choices.push_back(pick);
        }
        instance.people.push_back(person);
    }
    return instance;
}

TEST(TransportSolver, matches_the_general_flow_on_small_random_slots) {
    testing::RandomShape shape;
    shape.max_people = 40;
    shape.max_workshops = 8;
    shape.max_capacity = 10;
    for (std::uint64_t seed = 70001; seed < 71001; ++seed)
        expect_same_slot_optima(testing::random_instance(seed, shape), seed);
}

TEST(TransportSolver, matches_the_general_flow_on_skewed_one_slot_instances) {
    for (std::uint64_t seed = 1; seed <= 6; ++seed)
        expect_same_slot_optima(skewed_instance(seed, 3000, 120, 1), seed);
}

TEST(TransportSolver, matches_the_general_flow_on_skewed_slots_with_other_slots_fixed) {
    for (std::uint64_t seed = 11; seed <= 14; ++seed)
        expect_same_slot_optima(skewed_instance(seed, 2000, 80, 3), seed);
}

} // namespace
} // namespace trellis::allocation
