#include "allocation/explain.h"

#include <algorithm>

namespace trellis::allocation {

namespace {

bool received_a_choice(const CostModel& model, const Allocation& allocation, int person) {
    for (int session : allocation.session_of[person])
        if (session != kNone && model.rank_of(person, model.instance().sessions[session].workshop) != kNone)
            return true;
    return false;
}

// Describes why one session of a chosen workshop could not take the person.
std::string describe_session(const CostModel& model, const Allocation& allocation, int person, int workshop,
                             int slot, const std::vector<std::vector<int>>& occupants) {
    const Instance& instance = model.instance();
    int session = instance.workshops[workshop].session_in_slot[slot];
    const std::string& slot_name = instance.slots[slot];
    int capacity = instance.sessions[session].capacity;
    if (capacity == 0)
        return slot_name + " has no seats";
    int mine = model.rank_of(person, workshop);
    int stronger = 0;
    for (int other : occupants[session]) {
        const auto& must = instance.people[other].must;
        int theirs = model.rank_of(other, workshop);
        if (std::find(must.begin(), must.end(), workshop) != must.end() ||
            (theirs != kNone && theirs <= mine))
            ++stronger;
    }
    int taken = static_cast<int>(occupants[session].size());
    if (taken < capacity) {
        int own = allocation.session_of[person][slot];
        const auto& must = instance.people[person].must;
        if (own != kNone &&
            std::find(must.begin(), must.end(), instance.sessions[own].workshop) != must.end())
            return slot_name + " is taken by their compulsory \"" +
                   instance.workshops[instance.sessions[own].workshop].id + "\"";
        return slot_name + " has a free seat, but giving it would cost others more";
    }
    if (stronger == taken)
        return slot_name + " full (" + std::to_string(capacity) + " seats, all with equal or higher claim)";
    return slot_name + " full (" + std::to_string(capacity) + " seats, " + std::to_string(stronger) +
           " with equal or higher claim; moving the others would leave them worse off)";
}

std::string explain_person(const CostModel& model, const Allocation& allocation, int person,
                           const std::vector<std::vector<int>>& occupants) {
    const Instance& instance = model.instance();
    const Person& who = instance.people[person];
    std::string reason;
    bool all_full_with_stronger = true;
    for (int workshop : who.choices) {
        const Workshop& what = instance.workshops[workshop];
        std::string part = "\"" + what.id + "\": ";
        if (!model.is_eligible(person, workshop)) {
            part += "not open to their group";
            all_full_with_stronger = false;
        } else {
            std::string sessions;
            for (int slot = 0; slot < static_cast<int>(instance.slots.size()); ++slot) {
                if (what.session_in_slot[slot] == kNone)
                    continue;
                std::string detail = describe_session(model, allocation, person, workshop, slot, occupants);
                if (detail.find("all with equal or higher claim") == std::string::npos &&
                    detail.find("no seats") == std::string::npos)
                    all_full_with_stronger = false;
                sessions += (sessions.empty() ? "" : "; ") + detail;
            }
            part += sessions.empty() ? "not offered in any slot" : sessions;
        }
        reason += (reason.empty() ? "" : " | ") + part;
    }
    if (all_full_with_stronger)
        return "all of their choices are full in every slot with people of equal or higher claim: " + reason;
    return "none of their choices could be given: " + reason;
}

} // namespace

void count_outcomes(const CostModel& model, const Allocation& allocation, Statistics& statistics) {
    const Instance& instance = model.instance();
    std::size_t longest = 0;
    for (const Person& person : instance.people)
        longest = std::max(longest, person.choices.size());
    statistics.rank_counts.assign(longest, 0);
    statistics.unranked = statistics.unassigned = statistics.people_with_none_of_their_choices = 0;
    statistics.people = static_cast<int>(instance.people.size());
    for (int person = 0; person < static_cast<int>(instance.people.size()); ++person) {
        for (int session : allocation.session_of[person]) {
            if (session == kNone) {
                ++statistics.unassigned;
                continue;
            }
            int rank = model.rank_of(person, instance.sessions[session].workshop);
            if (rank == kNone)
                ++statistics.unranked;
            else
                ++statistics.rank_counts[rank];
        }
        if (!instance.people[person].choices.empty() && !received_a_choice(model, allocation, person))
            ++statistics.people_with_none_of_their_choices;
    }
}

std::vector<Explanation> explain_unhappy(const CostModel& model, const Allocation& allocation) {
    const Instance& instance = model.instance();
    std::vector<std::vector<int>> occupants(instance.sessions.size());
    for (int person = 0; person < static_cast<int>(instance.people.size()); ++person)
        for (int session : allocation.session_of[person])
            if (session != kNone)
                occupants[session].push_back(person);
    std::vector<Explanation> result;
    for (int person = 0; person < static_cast<int>(instance.people.size()); ++person)
        if (!instance.people[person].choices.empty() && !received_a_choice(model, allocation, person))
            result.push_back({person, explain_person(model, allocation, person, occupants)});
    return result;
}

} // namespace trellis::allocation
