#include "allocation/search/local_search.h"

#include "allocation/search/slot_flow.h"

#include <algorithm>
#include <chrono>

namespace trellis::allocation {

namespace {

// Finds distinct free slots for the person's compulsory workshops by augmenting paths.
bool match_compulsory(const Instance& instance, const std::vector<int>& free_seats,
                      const std::vector<int>& must, std::vector<int>& slot_of_must) {
    const int slots = static_cast<int>(instance.slots.size());
    std::vector<int> must_in_slot(slots, kNone);
    slot_of_must.assign(must.size(), kNone);
    for (int index = 0; index < static_cast<int>(must.size()); ++index) {
        std::vector<char> visited(slots, 0);
        auto augment = [&](auto& self, int which) -> bool {
            for (int slot = 0; slot < slots; ++slot) {
                int session = instance.workshops[must[which]].session_in_slot[slot];
                if (session == kNone || free_seats[session] <= 0 || visited[slot])
                    continue;
                visited[slot] = 1;
                if (must_in_slot[slot] == kNone || self(self, must_in_slot[slot])) {
                    must_in_slot[slot] = which;
                    slot_of_must[which] = slot;
                    return true;
                }
            }
            return false;
        };
        if (!augment(augment, index))
            return false;
    }
    return true;
}

} // namespace

Allocation empty_allocation(const Instance& instance) {
    Allocation allocation;
    allocation.session_of.assign(instance.people.size(), std::vector<int>(instance.slots.size(), kNone));
    return allocation;
}

Pinned place_compulsory(const CostModel& model, Allocation& allocation) {
    const Instance& instance = model.instance();
    Pinned pinned(instance.slots.size(), std::vector<char>(instance.people.size(), 0));
    std::vector<int> free_seats(instance.sessions.size());
    for (std::size_t session = 0; session < instance.sessions.size(); ++session)
        free_seats[session] = instance.sessions[session].capacity;
    for (int person = 0; person < static_cast<int>(instance.people.size()); ++person) {
        const Person& who = instance.people[person];
        if (who.must.empty())
            continue;
        for (int workshop : who.must) {
            const Workshop& what = instance.workshops[workshop];
            std::string where = "person \"" + who.id + "\" must attend \"" + what.id + "\"";
            if (!model.is_eligible(person, workshop))
                throw InputError(where + ", but its audience does not include their group");
            bool any_session = std::any_of(what.session_in_slot.begin(), what.session_in_slot.end(),
                                           [](int session) { return session != kNone; });
            if (!any_session)
                throw InputError(where + ", but it has no session");
        }
        std::vector<int> slot_of_must;
        if (!match_compulsory(instance, free_seats, who.must, slot_of_must)) {
            std::string names;
            for (int workshop : who.must)
                names += (names.empty() ? "\"" : ", \"") + instance.workshops[workshop].id + "\"";
            throw InputError("person \"" + who.id + "\": compulsory workshops " + names +
                             " cannot be placed in distinct slots: their sessions are full with other "
                             "compulsory places or do not fit the slots");
        }
        for (std::size_t index = 0; index < who.must.size(); ++index) {
            int slot = slot_of_must[index];
            int session = instance.workshops[who.must[index]].session_in_slot[slot];
            allocation.session_of[person][slot] = session;
            pinned[slot][person] = 1;
            --free_seats[session];
        }
    }
    return pinned;
}

void fill_sequentially(const CostModel& model, const Pinned& pinned, Allocation& allocation) {
    for (int slot = 0; slot < static_cast<int>(pinned.size()); ++slot) {
        std::vector<int> column = solve_slot(model, slot, allocation, pinned[slot]);
        for (std::size_t person = 0; person < column.size(); ++person)
            allocation.session_of[person][slot] = column[person];
    }
}

int improve_by_slots(const CostModel& model, const Pinned& pinned, Allocation& allocation, int max_rounds,
                     const MayStart& may_start) {
    const int slots = static_cast<int>(pinned.size());
    Cost current = model.objective(allocation);
    int rounds = 0;
    int since_gain = 0;
    double last_flow_seconds = 0.0;
    // One flow per slot in turn; stop after a full cycle of slots without gain.
    for (int step = 0; rounds < max_rounds && since_gain < slots; ++step) {
        int slot = step % slots;
        if (may_start && !may_start(last_flow_seconds))
            break;
        auto started = std::chrono::steady_clock::now();
        std::vector<int> column = solve_slot(model, slot, allocation, pinned[slot]);
        last_flow_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::vector<int> previous(allocation.session_of.size());
        for (std::size_t person = 0; person < column.size(); ++person) {
            previous[person] = allocation.session_of[person][slot];
            allocation.session_of[person][slot] = column[person];
        }
        Cost next = model.objective(allocation);
        if (next < current) {
            current = next;
            since_gain = 0;
        } else {
            // An equal-cost reshuffle is undone so that the search settles.
            for (std::size_t person = 0; person < column.size(); ++person)
                allocation.session_of[person][slot] = previous[person];
            ++since_gain;
        }
        if (slot == slots - 1)
            ++rounds;
    }
    return rounds;
}

Cost ideal_cost(const CostModel& model, int person) {
    const Instance& instance = model.instance();
    const int slots = static_cast<int>(instance.slots.size());
    std::vector<Cost> costs;
    for (int workshop : instance.people[person].choices)
        costs.push_back(model.placement_cost(person, workshop));
    std::sort(costs.begin(), costs.end());
    Cost total = 0;
    for (int slot = 0; slot < slots; ++slot)
        total += slot < static_cast<int>(costs.size())
                     ? std::min(costs[slot], model.unranked_cost())
                     : std::min(model.unranked_cost(), model.unassigned_cost());
    return total;
}

void make_feasible(const CostModel& model, const Pinned& pinned, const Allocation& pinned_seats,
                   Allocation& allocation) {
    const Instance& instance = model.instance();
    const int people = static_cast<int>(instance.people.size());
    const int slots = static_cast<int>(instance.slots.size());
    std::vector<int> load(instance.sessions.size(), 0);
    for (int slot = 0; slot < slots; ++slot)
        for (int person = 0; person < people; ++person)
            if (pinned[slot][person]) {
                allocation.session_of[person][slot] = pinned_seats.session_of[person][slot];
                ++load[allocation.session_of[person][slot]];
            }
    for (int person = 0; person < people; ++person) {
        auto& row = allocation.session_of[person];
        for (int slot = 0; slot < slots; ++slot) {
            if (pinned[slot][person] || row[slot] == kNone)
                continue;
            int session = row[slot];
            int workshop = instance.sessions[session].workshop;
            bool repeated = false;
            for (int other = 0; other < slots; ++other)
                if (other != slot && row[other] != kNone &&
                    instance.sessions[row[other]].workshop == workshop &&
                    (pinned[other][person] || other < slot))
                    repeated = true;
            if (repeated || !model.is_eligible(person, workshop) ||
                load[session] >= instance.sessions[session].capacity)
                row[slot] = kNone;
            else
                ++load[session];
        }
    }
}

} // namespace trellis::allocation
