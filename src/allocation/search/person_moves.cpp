// Single-person moves: take one person out, give them the best sessions that still have free
// seats, keep the change only if it is strictly better. This catches swaps across slots that the
// slot-by-slot flows cannot see, e.g. taking a first choice in another slot to make room.
#include "allocation/search/local_search.h"

#include <algorithm>

namespace trellis::allocation {

namespace {

struct Option {
    Cost cost;
    int session;
    int workshop;
};

class PersonMover {
  public:
    PersonMover(const CostModel& model, const Pinned& pinned, Allocation& allocation)
        : m_model(model), m_instance(model.instance()), m_pinned(pinned), m_allocation(allocation),
          m_slots(static_cast<int>(model.instance().slots.size())), m_load(m_instance.sessions.size(), 0) {
        for (const auto& row : allocation.session_of)
            for (int session : row)
                if (session != kNone)
                    ++m_load[session];
        collect_unranked_candidates();
    }

    bool run() {
        bool improved = false;
        for (int person = 0; person < static_cast<int>(m_instance.people.size()); ++person)
            if (person_cost(person) > ideal_cost(m_model, person))
                improved |= move(person);
        return improved;
    }

  private:
    Cost person_cost(int person) const { return m_model.person_cost(m_allocation, person); }

    bool has_seat(int session) const { return m_load[session] < m_instance.sessions[session].capacity; }

    void collect_unranked_candidates() {
        const int keys = m_model.group_key_count();
        m_unranked.assign(m_slots * keys, {});
        for (int slot = 0; slot < m_slots; ++slot)
            for (int key = 0; key < keys; ++key) {
                auto& list = m_unranked[slot * keys + key];
                for (int session : m_model.sessions_in_slot(slot)) {
                    if (static_cast<int>(list.size()) > m_slots + 6)
                        break;
                    if (has_seat(session) &&
                        m_model.is_open_to_group_key(m_instance.sessions[session].workshop, key))
                        list.push_back(session);
                }
            }
    }

    bool move(int person) {
        auto& row = m_allocation.session_of[person];
        Cost before = person_cost(person);
        for (int slot = 0; slot < m_slots; ++slot)
            if (!m_pinned[slot][person] && row[slot] != kNone)
                --m_load[row[slot]];
        m_options.assign(m_slots, {});
        m_used.clear();
        Cost fixed = 0;
        for (int slot = 0; slot < m_slots; ++slot) {
            if (m_pinned[slot][person]) {
                m_used.push_back(m_instance.sessions[row[slot]].workshop);
                fixed += m_model.placement_cost(person, m_used.back());
            }
        }
        for (int slot = 0; slot < m_slots; ++slot)
            if (!m_pinned[slot][person])
                collect_options(person, slot);
        m_best_cost = before - fixed;
        m_best.clear();
        m_choice.assign(m_slots, kNone);
        search(person, 0, 0);
        bool improved = !m_best.empty();
        for (int slot = 0; slot < m_slots; ++slot) {
            if (m_pinned[slot][person])
                continue;
            if (improved)
                row[slot] = m_best[slot];
            if (row[slot] != kNone)
                ++m_load[row[slot]];
        }
        return improved;
    }

    void collect_options(int person, int slot) {
        auto& options = m_options[slot];
        for (int workshop : m_instance.people[person].choices) {
            int session = m_instance.workshops[workshop].session_in_slot[slot];
            if (session != kNone && has_seat(session) && m_model.is_eligible(person, workshop))
                options.push_back({m_model.placement_cost(person, workshop), session, workshop});
        }
        // The precomputed list goes stale as seats fill; when it runs dry the whole slot is
        // scanned, so a person with an empty slot finds any seat left.
        const int wanted = m_slots + 1;
        int found = 0;
        auto consider = [&](int session) {
            int workshop = m_instance.sessions[session].workshop;
            if (has_seat(session) && m_model.rank_of(person, workshop) == kNone &&
                m_model.is_eligible(person, workshop)) {
                options.push_back({m_model.unranked_cost(), session, workshop});
                ++found;
            }
        };
        const auto& listed = m_unranked[slot * m_model.group_key_count() + m_model.group_key(person)];
        for (int session : listed)
            consider(session);
        if (found < wanted)
            for (int session : m_model.sessions_in_slot(slot)) {
                if (found >= wanted + 6)
                    break;
                if (std::find(listed.begin(), listed.end(), session) == listed.end())
                    consider(session);
            }
        options.push_back({m_model.unassigned_cost(), kNone, kNone});
        std::stable_sort(options.begin(), options.end(),
                         [](const Option& a, const Option& b) { return a.cost < b.cost; });
    }

    // Depth-first search over slots with distinct workshops, pruned by the cheapest option left.
    void search(int person, int slot, Cost partial) {
        while (slot < m_slots && m_pinned[slot][person])
            ++slot;
        if (slot == m_slots) {
            if (partial < m_best_cost) {
                m_best_cost = partial;
                m_best = m_choice;
            }
            return;
        }
        for (const Option& option : m_options[slot]) {
            if (partial + option.cost >= m_best_cost)
                break;
            if (option.workshop != kNone &&
                std::find(m_used.begin(), m_used.end(), option.workshop) != m_used.end())
                continue;
            m_choice[slot] = option.session;
            m_used.push_back(option.workshop);
            search(person, slot + 1, partial + option.cost);
            m_used.pop_back();
        }
        m_choice[slot] = kNone;
    }

    const CostModel& m_model;
    const Instance& m_instance;
    const Pinned& m_pinned;
    Allocation& m_allocation;
    int m_slots;
    std::vector<int> m_load;
    std::vector<std::vector<int>> m_unranked;
    std::vector<std::vector<Option>> m_options;
    std::vector<int> m_used;
    std::vector<int> m_choice;
    std::vector<int> m_best;
    Cost m_best_cost{0};
};

} // namespace

bool improve_by_people(const CostModel& model, const Pinned& pinned, Allocation& allocation) {
    PersonMover mover(model, pinned, allocation);
    return mover.run();
}

} // namespace trellis::allocation
