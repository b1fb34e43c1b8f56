#include "random_instances.h"

#include <algorithm>
#include <random>

namespace trellis::allocation::testing {

Instance random_instance(std::uint64_t seed, const RandomShape& shape) {
    std::mt19937_64 random(seed);
    auto below = [&](int bound) { return static_cast<int>(random() % static_cast<std::uint64_t>(bound)); };
    Instance instance;
    int slots = 1 + below(shape.max_slots);
    for (int slot = 0; slot < slots; ++slot)
        instance.slots.push_back("s" + std::to_string(slot));
    instance.groups = {"teacher", "support"};
    int workshops = 1 + below(shape.max_workshops);
    for (int index = 0; index < workshops; ++index) {
        Workshop workshop;
        workshop.id = "w" + std::to_string(index);
        if (shape.with_audiences && below(5) == 0)
            workshop.audience = {below(2)};
        workshop.session_in_slot.assign(slots, kNone);
        for (int slot = 0; slot < slots; ++slot)
            if (below(3) != 0) {
                workshop.session_in_slot[slot] = static_cast<int>(instance.sessions.size());
                instance.sessions.push_back({index, slot, below(shape.max_capacity + 1)});
            }
        instance.workshops.push_back(workshop);
    }
    int people = 1 + below(shape.max_people);
    for (int index = 0; index < people; ++index) {
        Person person;
        person.id = "p" + std::to_string(index);
        person.group = below(3) - 1;
        std::vector<int> order(workshops);
        for (int workshop = 0; workshop < workshops; ++workshop)
            order[workshop] = workshop;
        for (int position = workshops; position > 1; --position)
            std::swap(order[position - 1], order[below(position)]);
        person.choices.assign(order.begin(), order.begin() + below(workshops + 1));
        if (shape.with_compulsory && below(12) == 0) {
            int workshop = below(workshops);
            const Workshop& what = instance.workshops[workshop];
            bool open = what.audience.empty() || (person.group != kNone && what.audience[0] == person.group);
            if (open)
                person.must.push_back(workshop);
        }
        instance.people.push_back(person);
    }
    if (below(4) == 0)
        instance.policy.rank_cost = {0, 3, 5};
    return instance;
}

} // namespace trellis::allocation::testing
