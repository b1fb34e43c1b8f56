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

Instance long_rankings(std::uint64_t seed, int people, int workshops, int slots, double slack,
                       bool every_slot) {
    std::mt19937_64 random(seed);
    auto below = [&](int bound) { return static_cast<int>(random() % static_cast<std::uint64_t>(bound)); };
    Instance instance;
    for (int slot = 0; slot < slots; ++slot)
        instance.slots.push_back("s" + std::to_string(slot));
    // Popularity falls with the index, so that some rooms are wanted far more than others.
    std::vector<double> weight(workshops);
    for (int workshop = 0; workshop < workshops; ++workshop)
        weight[workshop] = 1.0 / (1.0 + 0.2 * workshop);
    std::discrete_distribution<int> popular(weight.begin(), weight.end());
    const int seats = static_cast<int>(people * (1.0 + slack));
    for (int index = 0; index < workshops; ++index) {
        Workshop workshop;
        workshop.id = "w" + std::to_string(index);
        workshop.session_in_slot.assign(slots, kNone);
        instance.workshops.push_back(workshop);
    }
    // Which slots each workshop runs in: all of them, or (unless every_slot) half the workshops in
    // one or two, as real events run them; every slot keeps the first workshop.
    std::vector<std::vector<char>> runs(workshops, std::vector<char>(slots, 1));
    if (!every_slot)
        for (int index = 1; index < workshops; ++index)
            if (below(2) == 0) {
                const int kept = below(slots);
                for (int slot = 0; slot < slots; ++slot)
                    runs[index][slot] = slot == kept || (below(2) == 0 && slot == (kept + 1) % slots);
            }
    // Seats in proportion to popularity; what rounding leaves goes to the first workshops.
    for (int slot = 0; slot < slots; ++slot) {
        double here = 0.0;
        for (int index = 0; index < workshops; ++index)
            here += runs[index][slot] ? weight[index] : 0.0;
        int given = 0;
        for (int index = 0; index < workshops; ++index) {
            if (!runs[index][slot])
                continue;
            int capacity = static_cast<int>(seats * weight[index] / here);
            given += capacity;
            instance.workshops[index].session_in_slot[slot] = static_cast<int>(instance.sessions.size());
            instance.sessions.push_back({index, slot, capacity});
        }
        for (int index = 0; given < seats; index = (index + 1) % workshops)
            if (runs[index][slot]) {
                ++instance.sessions[instance.workshops[index].session_in_slot[slot]].capacity;
                ++given;
            }
    }
    for (int index = 0; index < people; ++index) {
        Person person;
        person.id = "p" + std::to_string(index);
        const int length = std::min(workshops, 8 + below(3));
        while (static_cast<int>(person.choices.size()) < length) {
            int workshop = popular(random);
            if (std::find(person.choices.begin(), person.choices.end(), workshop) == person.choices.end())
                person.choices.push_back(workshop);
        }
        instance.people.push_back(person);
    }
    return instance;
}

namespace {

bool contains(const std::vector<int>& list, int item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

} // namespace

bool within_support(const CostModel& model, const AggregateSupport& support, const Allocation& allocation) {
    const Instance& instance = model.instance();
    for (int person = 0; person < static_cast<int>(instance.people.size()); ++person) {
        std::vector<int> held;
        for (int session : allocation.session_of[person]) {
            if (session == kNone) {
                if (!support.empty[person])
                    return false;
                continue;
            }
            int workshop = instance.sessions[session].workshop;
            held.push_back(workshop);
            const Person& who = instance.people[person];
            bool unranked = !contains(who.choices, workshop) && !contains(who.must, workshop);
            if (!contains(support.named[person], workshop) &&
                !(unranked && support.unranked[person] &&
                  contains(support.pool[model.group_key(person)], workshop)))
                return false;
        }
        for (int workshop : support.required[person])
            if (!contains(held, workshop))
                return false;
    }
    return true;
}

} // namespace trellis::allocation::testing
