#include "allocation/programs/program_groups.h"

#include "allocation/search/local_search.h"

#include <algorithm>

namespace trellis::allocation {

namespace {

// Unhappy people per group, and holders of each session they want, without a support set.
constexpr int kUnhappyPerBatch = 150;
constexpr int kHoldersPerSession = 2;
// With the pooled flow's support, people outside it per group: their programs stay fast enough
// for the local search to follow each gain.
constexpr int kSupportUnhappyPerBatch = 60;
// Holders per wanted session with the support: it names more sessions per person than their
// choices would, and with two the first group's program outran the large bench's time limit.
constexpr int kSupportHolders = 1;

bool has(const std::vector<int>& list, int item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

bool holds(const Instance& instance, const Allocation& allocation, int person, int workshop) {
    const auto& row = allocation.session_of[person];
    return std::any_of(row.begin(), row.end(), [&](int session) {
        return session != kNone && instance.sessions[session].workshop == workshop;
    });
}

} // namespace

std::vector<int> GroupPicker::next(const Allocation& best, int batch) {
    const Instance& instance = m_model.instance();
    const int people = static_cast<int>(instance.people.size());
    const int slots = static_cast<int>(instance.slots.size());
    std::vector<std::vector<int>> members(instance.sessions.size());
    for (int person = 0; person < people; ++person)
        for (int session : best.session_of[person])
            if (session != kNone)
                members[session].push_back(person);
    std::vector<char> chosen(people, 0);
    std::vector<int> group;
    auto take = [&](int person) {
        if (!chosen[person]) {
            chosen[person] = 1;
            group.push_back(person);
        }
    };
    const int most_unhappy = m_support ? kSupportUnhappyPerBatch : kUnhappyPerBatch;
    const int holders = m_support ? kSupportHolders : kHoldersPerSession;
    int found = 0;
    for (int step = 0; step < people && found < most_unhappy; ++step) {
        const int person = (m_next + step) % people;
        if (chosen[person] || !unhappy(best, person))
            continue;
        ++found;
        take(person);
        m_next = (person + 1) % people;
        for (int workshop : wanted_workshops(person))
            for (int slot = 0; slot < slots; ++slot)
                if (int session = instance.workshops[workshop].session_in_slot[slot]; session != kNone) {
                    // Up to `holders` holders of the session, rotating with the batch.
                    const int size = static_cast<int>(members[session].size());
                    for (int index = 0; index < std::min(size, holders); ++index)
                        take(members[session][(batch + index * 7) % size]);
                }
    }
    if (found == 0)
        return {};
    std::sort(group.begin(), group.end());
    return group;
}

bool GroupPicker::unhappy(const Allocation& best, int person) const {
    if (!m_support)
        return m_model.person_cost(best, person) > ideal_cost(m_model, person);
    const Instance& instance = m_model.instance();
    const auto& named = m_support->named[person];
    const auto& pool = m_support->pool[m_model.group_key(person)];
    for (int workshop : m_support->required[person])
        if (!holds(instance, best, person, workshop))
            return true;
    for (int session : best.session_of[person]) {
        if (session == kNone) {
            if (!m_support->empty[person])
                return true;
            continue;
        }
        const int workshop = instance.sessions[session].workshop;
        const bool unranked =
            !has(instance.people[person].choices, workshop) && !has(instance.people[person].must, workshop);
        if (!has(named, workshop) && !(unranked && m_support->unranked[person] && has(pool, workshop)))
            return true;
    }
    return false;
}

// The workshops whose holders may make room for the person: with a support set, the named ones it
// allows them, else their choices.
const std::vector<int>& GroupPicker::wanted_workshops(int person) const {
    return m_support ? m_support->named[person] : m_model.instance().people[person].choices;
}

} // namespace trellis::allocation
