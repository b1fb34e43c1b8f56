#include "allocation/costs.h"

#include <algorithm>

namespace trellis::allocation {

CostModel::CostModel(const Instance& instance) : m_instance(instance) {
    m_sessions_in_slot.resize(instance.slots.size());
    for (int session = 0; session < static_cast<int>(instance.sessions.size()); ++session)
        m_sessions_in_slot[instance.sessions[session].slot].push_back(session);
    int keys = group_key_count();
    m_open.assign(instance.workshops.size() * keys, 0);
    for (int workshop = 0; workshop < static_cast<int>(instance.workshops.size()); ++workshop) {
        const auto& audience = instance.workshops[workshop].audience;
        for (int key = 0; key < keys; ++key) {
            bool open = audience.empty() || (key < keys - 1 && std::find(audience.begin(), audience.end(),
                                                                         key) != audience.end());
            m_open[workshop * keys + key] = open ? 1 : 0;
        }
    }
}

int CostModel::group_key(int person) const {
    int group = m_instance.people[person].group;
    return group == kNone ? group_key_count() - 1 : group;
}

bool CostModel::is_open_to_group_key(int workshop, int key) const {
    return m_open[workshop * group_key_count() + key] != 0;
}

bool CostModel::is_eligible(int person, int workshop) const {
    return is_open_to_group_key(workshop, group_key(person));
}

int CostModel::rank_of(int person, int workshop) const {
    const auto& choices = m_instance.people[person].choices;
    for (int rank = 0; rank < static_cast<int>(choices.size()); ++rank)
        if (choices[rank] == workshop)
            return rank;
    return kNone;
}

Cost CostModel::placement_cost(int person, int workshop) const {
    int rank = rank_of(person, workshop);
    if (rank == kNone)
        return m_instance.policy.unranked_cost;
    const auto& table = m_instance.policy.rank_cost;
    if (table.empty())
        return 0;
    return table[std::min<std::size_t>(rank, table.size() - 1)];
}

Cost CostModel::objective(const Allocation& allocation) const {
    Cost total = 0;
    for (int person = 0; person < static_cast<int>(allocation.session_of.size()); ++person)
        total += person_cost(allocation, person);
    return total;
}

Cost CostModel::person_cost(const Allocation& allocation, int person) const {
    Cost total = 0;
    for (int session : allocation.session_of[person])
        total += session == kNone ? unassigned_cost()
                                  : placement_cost(person, m_instance.sessions[session].workshop);
    return total;
}

bool CostModel::is_feasible(const Allocation& allocation, std::string* why) const {
    auto fail = [&](std::string message) {
        if (why)
            *why = std::move(message);
        return false;
    };
    const auto& people = m_instance.people;
    if (allocation.session_of.size() != people.size())
        return fail("allocation has the wrong number of people");
    std::vector<int> load(m_instance.sessions.size(), 0);
    for (int person = 0; person < static_cast<int>(people.size()); ++person) {
        const auto& row = allocation.session_of[person];
        if (row.size() != m_instance.slots.size())
            return fail("allocation has the wrong number of slots for " + people[person].id);
        std::vector<int> attended;
        for (int slot = 0; slot < static_cast<int>(row.size()); ++slot) {
            int session = row[slot];
            if (session == kNone)
                continue;
            const Session& placed = m_instance.sessions[session];
            if (placed.slot != slot)
                return fail(people[person].id + " placed in a session of another slot");
            if (!is_eligible(person, placed.workshop))
                return fail(people[person].id + " is outside the audience of " +
                            m_instance.workshops[placed.workshop].id);
            if (std::find(attended.begin(), attended.end(), placed.workshop) != attended.end())
                return fail(people[person].id + " attends " + m_instance.workshops[placed.workshop].id +
                            " twice");
            attended.push_back(placed.workshop);
            ++load[session];
        }
        for (int workshop : people[person].must)
            if (std::find(attended.begin(), attended.end(), workshop) == attended.end())
                return fail(people[person].id + " misses compulsory " + m_instance.workshops[workshop].id);
    }
    for (int session = 0; session < static_cast<int>(load.size()); ++session)
        if (load[session] > m_instance.sessions[session].capacity)
            return fail("session of " + m_instance.workshops[m_instance.sessions[session].workshop].id +
                        " in " + m_instance.slots[m_instance.sessions[session].slot] + " is over capacity");
    return true;
}

} // namespace trellis::allocation
