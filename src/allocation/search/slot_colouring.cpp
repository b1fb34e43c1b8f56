#include "allocation/search/slot_colouring.h"

#include <algorithm>

namespace trellis::allocation {

namespace {

// A chain that has not settled after this many moves rarely does; giving up early leaves the pair
// to the local search and keeps the colouring fast (long failing chains took seconds).
constexpr std::size_t kMaxChainSteps = 40;
// Placements a breadth-first search for swaps may look at before it gives up.
constexpr long long kSearchBudget = 20'000;
// The same when improving a full allocation, where searches are many and rarely succeed.
constexpr long long kImproveBudget = 5'000;

struct Pair {
    int person{kNone};
    int workshop{kNone};
    int slot{kNone};
    // Compulsory seats placed up front never move.
    bool fixed{false};
};

class SlotColouring {
  public:
    explicit SlotColouring(const CostModel& model)
        : m_model(model), m_instance(model.instance()),
          m_slots(static_cast<int>(model.instance().slots.size())), m_load(m_instance.sessions.size(), 0),
          m_members(m_instance.sessions.size()), m_person_slot(m_instance.people.size() * m_slots, kNone),
          m_pairs_of(m_instance.people.size()) {}

    // Placements in `first` (sorted) are coloured before all others; those left uncoloured are
    // added to `failed`.
    Allocation run(const Pinned& pinned, const Allocation& pinned_seats,
                   const std::vector<std::pair<int, int>>& placements,
                   const std::vector<std::pair<int, int>>& first, std::vector<std::pair<int, int>>& failed) {
        const int people = static_cast<int>(m_instance.people.size());
        for (int slot = 0; slot < m_slots; ++slot)
            for (int person = 0; person < people; ++person)
                if (pinned[slot][person]) {
                    int session = pinned_seats.session_of[person][slot];
                    add(new_pair(person, m_instance.sessions[session].workshop, true), slot);
                }
        // The most constrained pairs first: a workshop with one session has no slot to spare. Then
        // the cheapest: a pair left uncoloured is replaced by a seat costing at least as much, and
        // an unranked pair, which most other unranked seats replace at no loss, can wait.
        std::vector<std::pair<int, int>> ordered = placements;
        auto is_first = [&](const std::pair<int, int>& placement) {
            return std::binary_search(first.begin(), first.end(), placement);
        };
        std::stable_sort(ordered.begin(), ordered.end(), [&](const auto& left, const auto& right) {
            bool left_first = is_first(left);
            if (left_first != is_first(right))
                return left_first;
            int left_offered = offered(left.second);
            int right_offered = offered(right.second);
            if (left_offered != right_offered)
                return left_offered < right_offered;
            return pair_cost(left) < pair_cost(right);
        });
        std::vector<std::pair<int, std::pair<int, int>>> waiting;
        for (const auto& placement : ordered) {
            const auto& [person, session] = placement;
            int workshop = m_instance.sessions[session].workshop;
            if (holds(person, workshop) || static_cast<int>(m_pairs_of[person].size()) >= m_slots)
                continue;
            int index = new_pair(person, workshop, false);
            int slot = m_instance.sessions[session].slot;
            if (slot_of(person, slot) == kNone && has_room(workshop, slot))
                add(index, slot);
            else
                waiting.push_back({index, placement});
        }
        for (const auto& [index, placement] : waiting)
            if (!colour(index))
                failed.push_back(placement);
        Allocation allocation;
        allocation.session_of.assign(people, std::vector<int>(m_slots, kNone));
        for (const Pair& pair : m_pairs)
            if (pair.slot != kNone)
                allocation.session_of[pair.person][pair.slot] = session_of(pair.workshop, pair.slot);
        return allocation;
    }

    // Gives people a choice better than their worst seat where swaps between two slots (see
    // insert_by_search) make room; returns true if the allocation improved.
    bool improve(const Pinned& pinned, Allocation& allocation) {
        const int people = static_cast<int>(m_instance.people.size());
        for (int person = 0; person < people; ++person)
            for (int slot = 0; slot < m_slots; ++slot)
                if (int session = allocation.session_of[person][slot]; session != kNone)
                    add(new_pair(person, m_instance.sessions[session].workshop, pinned[slot][person] != 0),
                        slot);
        m_budget = kImproveBudget;
        bool improved = false;
        for (int person = 0; person < people; ++person)
            improved |= upgrade(person, pinned);
        for (int person = 0; person < people; ++person)
            for (int slot = 0; slot < m_slots; ++slot) {
                int index = slot_of(person, slot);
                allocation.session_of[person][slot] =
                    index == kNone ? kNone : session_of(m_pairs[index].workshop, slot);
            }
        return improved;
    }

  private:
    Cost seat_cost(int person, int slot) {
        int index = slot_of(person, slot);
        return index == kNone ? m_model.unassigned_cost()
                              : m_model.placement_cost(person, m_pairs[index].workshop);
    }

    // Replaces the person's worst unpinned seat by their best choice that swaps can make room for.
    bool upgrade(int person, const Pinned& pinned) {
        int worst = kNone;
        for (int slot = 0; slot < m_slots; ++slot)
            if (!pinned[slot][person] &&
                (worst == kNone || seat_cost(person, slot) > seat_cost(person, worst)))
                worst = slot;
        if (worst == kNone)
            return false;
        const Cost worst_cost = seat_cost(person, worst);
        const int old = slot_of(person, worst);
        for (int workshop : m_instance.people[person].choices) {
            if (m_model.placement_cost(person, workshop) >= worst_cost)
                break;
            if (!m_model.is_eligible(person, workshop) || holds(person, workshop))
                continue;
            if (old != kNone)
                remove(old);
            int index = new_pair(person, workshop, false);
            if (colour_into(index, worst)) {
                if (old != kNone) {
                    auto& own = m_pairs_of[person];
                    own.erase(std::find(own.begin(), own.end(), old));
                }
                return true;
            }
            drop_last_pair();
            if (old != kNone)
                add(old, worst);
        }
        return false;
    }

    bool colour_into(int index, int a) {
        const int workshop = m_pairs[index].workshop;
        if (has_room(workshop, a)) {
            add(index, a);
            return true;
        }
        for (int b = 0; b < m_slots; ++b)
            if (b != a && has_room(workshop, b) && insert_by_search(index, a, b))
                return true;
        return false;
    }

    void drop_last_pair() {
        m_pairs_of[m_pairs.back().person].pop_back();
        m_pairs.pop_back();
        m_position.pop_back();
        m_stamp.pop_back();
    }

    Cost pair_cost(const std::pair<int, int>& placement) const {
        return m_model.placement_cost(placement.first, m_instance.sessions[placement.second].workshop);
    }

    int offered(int session) const {
        const auto& sessions = m_instance.workshops[m_instance.sessions[session].workshop].session_in_slot;
        return static_cast<int>(
            std::count_if(sessions.begin(), sessions.end(), [](int id) { return id != kNone; }));
    }

    int new_pair(int person, int workshop, bool fixed) {
        m_pairs.push_back({person, workshop, kNone, fixed});
        m_position.push_back(kNone);
        m_stamp.push_back(0);
        m_pairs_of[person].push_back(static_cast<int>(m_pairs.size()) - 1);
        return static_cast<int>(m_pairs.size()) - 1;
    }

    bool holds(int person, int workshop) const {
        for (int index : m_pairs_of[person])
            if (m_pairs[index].workshop == workshop)
                return true;
        return false;
    }

    int session_of(int workshop, int slot) const {
        return m_instance.workshops[workshop].session_in_slot[slot];
    }
    int& slot_of(int person, int slot) {
        return m_person_slot[static_cast<std::size_t>(person) * m_slots + slot];
    }

    bool has_room(int workshop, int slot) const {
        int session = session_of(workshop, slot);
        return session != kNone && m_load[session] < m_instance.sessions[session].capacity;
    }

    bool is_over(int workshop, int slot) const {
        int session = session_of(workshop, slot);
        return session != kNone && m_load[session] > m_instance.sessions[session].capacity;
    }

    void add(int index, int slot) {
        Pair& pair = m_pairs[index];
        int session = session_of(pair.workshop, slot);
        pair.slot = slot;
        ++m_load[session];
        m_position[index] = static_cast<int>(m_members[session].size());
        m_members[session].push_back(index);
        slot_of(pair.person, slot) = index;
    }

    void remove(int index) {
        Pair& pair = m_pairs[index];
        int session = session_of(pair.workshop, pair.slot);
        auto& members = m_members[session];
        int position = m_position[index];
        members[position] = members.back();
        m_position[members[position]] = position;
        members.pop_back();
        --m_load[session];
        if (slot_of(pair.person, pair.slot) == index)
            slot_of(pair.person, pair.slot) = kNone;
        pair.slot = kNone;
    }

    // Moves a pair and records where it was so that a failed chain can be undone.
    void move(int index, int slot) {
        m_log.push_back({index, m_pairs[index].slot});
        m_stamp[index] = m_chain;
        if (m_pairs[index].slot != kNone)
            remove(index);
        if (slot != kNone)
            add(index, slot);
    }

    void undo() {
        for (auto entry = m_log.rbegin(); entry != m_log.rend(); ++entry) {
            if (m_pairs[entry->first].slot != kNone)
                remove(entry->first);
            if (entry->second != kNone)
                add(entry->first, entry->second);
        }
        m_log.clear();
    }

    bool movable(int index) const { return !m_pairs[index].fixed && m_stamp[index] != m_chain; }

    // Gives the pair a slot: directly when its person and workshop share a free slot, otherwise
    // along an alternating path of two slots a (free for the person) and b (room in the workshop).
    bool colour(int index) {
        const Pair pair = m_pairs[index];
        for (int slot = 0; slot < m_slots; ++slot)
            if (slot_of(pair.person, slot) == kNone && has_room(pair.workshop, slot)) {
                add(index, slot);
                return true;
            }
        for (int a = 0; a < m_slots; ++a) {
            if (slot_of(pair.person, a) != kNone)
                continue;
            for (int b = 0; b < m_slots; ++b) {
                if (b == a || !has_room(pair.workshop, b))
                    continue;
                if (session_of(pair.workshop, a) != kNone && try_chain(index, a, b, false))
                    return true;
                if (try_chain(index, a, b, true))
                    return true;
            }
        }
        for (int a = 0; a < m_slots; ++a) {
            if (slot_of(pair.person, a) != kNone)
                continue;
            for (int b = 0; b < m_slots; ++b)
                if (b != a && has_room(pair.workshop, b) && insert_by_search(index, a, b))
                    return true;
        }
        return false;
    }

    // The chains above follow the first candidate; this searches all of them, breadth first. With
    // every other slot held, colouring slots a and b is a flow: a person holding U in a and V in b
    // who swaps the two moves one a-seat from U to V. The pair's workshop gains a seat in b (which
    // has room), and the seat it takes in a is passed along such swaps until a workshop with room
    // in a, or a person with slot b free, absorbs it. The pair enters a, or enters b while its
    // person's b-placement moves to a and passes that seat on instead.
    bool insert_by_search(int index, int a, int b) {
        const Pair pair = m_pairs[index];
        if (session_of(pair.workshop, a) != kNone && search_swaps(pair.workshop, a, b)) {
            add(index, a);
            return true;
        }
        int held = slot_of(pair.person, b);
        if (held == kNone || m_pairs[held].fixed || session_of(m_pairs[held].workshop, a) == kNone)
            return false;
        remove(held);
        if (has_room(m_pairs[held].workshop, a) || search_swaps(m_pairs[held].workshop, a, b)) {
            add(index, b);
            add(held, a);
            return true;
        }
        add(held, b);
        return false;
    }

    // Finds and makes swaps that free one seat of the workshop in slot a (see above).
    bool search_swaps(int start, int a, int b) {
        ++m_search;
        m_seen.resize(m_instance.workshops.size(), 0);
        m_via.resize(m_instance.workshops.size());
        m_queue.clear();
        m_seen[start] = m_search;
        m_queue.push_back(start);
        long long budget = m_budget;
        for (std::size_t next = 0; next < m_queue.size(); ++next) {
            int workshop = m_queue[next];
            for (int leaving : m_members[session_of(workshop, a)]) {
                if (m_pairs[leaving].fixed || --budget < 0)
                    continue;
                int entering = slot_of(m_pairs[leaving].person, b);
                if (entering == kNone) {
                    swap_back(start, workshop, leaving, a, b);
                    return true;
                }
                int target = m_pairs[entering].workshop;
                if (m_pairs[entering].fixed || session_of(target, a) == kNone || m_seen[target] == m_search)
                    continue;
                m_seen[target] = m_search;
                m_via[target] = {leaving, entering, workshop};
                if (has_room(target, a)) {
                    swap_back(start, target, kNone, a, b);
                    return true;
                }
                m_queue.push_back(target);
            }
            if (budget < 0)
                break;
        }
        return false;
    }

    // Makes the swaps that lead from start to the workshop where the seat was absorbed; leaving is
    // the last placement moved to b when a person with slot b free absorbed it.
    void swap_back(int start, int workshop, int leaving, int a, int b) {
        if (leaving != kNone) {
            remove(leaving);
            add(leaving, b);
        }
        while (workshop != start) {
            const Via& via = m_via[workshop];
            remove(via.entering);
            remove(via.leaving);
            add(via.leaving, b);
            add(via.entering, a);
            workshop = via.from;
        }
    }

    // Either the pair enters slot a and its workshop sheds an a-placement to b, or it enters b and
    // its person's b-placement moves to a; the chain then alternates until nothing is over.
    bool try_chain(int index, int a, int b, bool enter_b) {
        ++m_chain;
        m_log.clear();
        int workshop = m_pairs[index].workshop;
        int arrived = index;
        if (enter_b) {
            int held = slot_of(m_pairs[index].person, b);
            if (held == kNone || !movable(held) || session_of(m_pairs[held].workshop, a) == kNone)
                return false;
            move(held, a);
            move(index, b);
            workshop = m_pairs[held].workshop;
            arrived = held;
        } else {
            move(index, a);
        }
        if (shed(workshop, a, b, arrived)) {
            m_log.clear();
            return true;
        }
        undo();
        return false;
    }

    bool shed(int workshop, int a, int b, int arrived) {
        for (std::size_t step = 0; step <= std::min(m_pairs.size(), kMaxChainSteps); ++step) {
            if (!is_over(workshop, a))
                return true;
            if (!has_room(workshop, b))
                return false;
            int chosen = kNone;
            int displaced = kNone;
            for (int candidate : m_members[session_of(workshop, a)]) {
                if (candidate == arrived || !movable(candidate))
                    continue;
                int other = slot_of(m_pairs[candidate].person, b);
                if (other == kNone) {
                    chosen = candidate;
                    displaced = kNone;
                    break;
                }
                if (chosen == kNone && movable(other) && session_of(m_pairs[other].workshop, a) != kNone) {
                    chosen = candidate;
                    displaced = other;
                }
            }
            if (chosen == kNone)
                return false;
            if (displaced == kNone) {
                move(chosen, b);
                continue;
            }
            move(displaced, kNone);
            move(chosen, b);
            move(displaced, a);
            workshop = m_pairs[displaced].workshop;
            arrived = displaced;
        }
        return false;
    }

    const CostModel& m_model;
    const Instance& m_instance;
    int m_slots;
    std::vector<int> m_load;
    // m_members[session] lists the pairs placed there; m_position[pair] is the pair's index in it.
    std::vector<std::vector<int>> m_members;
    std::vector<int> m_person_slot;
    std::vector<std::vector<int>> m_pairs_of;
    std::vector<Pair> m_pairs;
    std::vector<int> m_position;
    // A pair moves at most once per chain, which bounds the chain and keeps it from undoing itself.
    std::vector<int> m_stamp;
    int m_chain{0};
    std::vector<std::pair<int, int>> m_log;
    // The breadth-first search: how each workshop was reached (a person moving leaving from the
    // workshop `from` to b and entering into a), when it was last seen, and the queue.
    struct Via {
        int leaving{kNone};
        int entering{kNone};
        int from{kNone};
    };
    std::vector<Via> m_via;
    std::vector<int> m_seen;
    int m_search{0};
    long long m_budget{kSearchBudget};
    std::vector<int> m_queue;
};

} // namespace

Allocation colour_placements(const CostModel& model, const Pinned& pinned, const Allocation& pinned_seats,
                             const std::vector<std::pair<int, int>>& placements, int attempts) {
    std::vector<std::pair<int, int>> first;
    Allocation best;
    std::size_t best_failed = 0;
    for (int attempt = 0; attempt < attempts; ++attempt) {
        SlotColouring colouring(model);
        std::vector<std::pair<int, int>> failed;
        Allocation allocation = colouring.run(pinned, pinned_seats, placements, first, failed);
        if (attempt == 0 || failed.size() < best_failed) {
            best = std::move(allocation);
            best_failed = failed.size();
        }
        if (failed.empty())
            break;
        first.insert(first.end(), failed.begin(), failed.end());
        std::sort(first.begin(), first.end());
        first.erase(std::unique(first.begin(), first.end()), first.end());
    }
    return best;
}

bool improve_by_swaps(const CostModel& model, const Pinned& pinned, Allocation& allocation) {
    SlotColouring colouring(model);
    return colouring.improve(pinned, allocation);
}

} // namespace trellis::allocation
