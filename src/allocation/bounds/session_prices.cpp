#include "allocation/bounds/session_prices.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace trellis::allocation {

namespace {

// Subtracted from a compulsory workshop's cost so that every cheapest choice holds it; far above
// any allocation's cost, far below where doubles lose whole units.
constexpr double kCompulsory = 1e9;
// Steps without a better bound before the step length is halved, and the share below which
// further steps gain nothing measurable.
constexpr int kPatience = 8;
constexpr double kSmallestScale = 1e-4;
// The step length's share when starting from a relaxation's duals.
constexpr double kRestartScale = 0.1;
constexpr double kInfinity = std::numeric_limits<double>::infinity();
// A person whose sessions cost this much more than their cheapest at the prices is re-placed.
constexpr double kDefect = 1e-6;
// Levels of holders around them, and holders per session taken at each level.
constexpr int kDepth = 2;
constexpr int kHolders = 10;

bool contains(const std::vector<int>& list, int item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

} // namespace

SessionPrices::SessionPrices(const CostModel& model)
    : m_model(model), m_instance(model.instance()), m_slots(static_cast<int>(model.instance().slots.size())),
      m_best_value(-kInfinity) {
    const int people = static_cast<int>(m_instance.people.size());
    m_named.resize(people);
    m_listed.resize(people);
    m_compulsory.assign(people, 0);
    for (int person = 0; person < people; ++person) {
        const Person& who = m_instance.people[person];
        std::vector<int>& listed = m_listed[person];
        listed = who.choices;
        for (int workshop : who.must)
            if (!contains(listed, workshop))
                listed.push_back(workshop);
        for (int workshop : listed) {
            if (!m_model.is_eligible(person, workshop))
                continue;
            double cost = static_cast<double>(m_model.placement_cost(person, workshop));
            if (contains(who.must, workshop)) {
                cost -= kCompulsory;
                ++m_compulsory[person];
            }
            m_named[person].push_back({workshop, cost});
        }
    }
    m_price.assign(m_instance.sessions.size(), 0.0);
    m_best_price = m_price;
    m_open.resize(static_cast<std::size_t>(m_model.group_key_count()) * m_slots);
    for (int key = 0; key < m_model.group_key_count(); ++key)
        for (int slot = 0; slot < m_slots; ++slot)
            for (int session : m_model.sessions_in_slot(slot))
                if (m_instance.sessions[session].capacity > 0 &&
                    m_model.is_open_to_group_key(m_instance.sessions[session].workshop, key))
                    m_open[static_cast<std::size_t>(key) * m_slots + slot].push_back(session);
}

void SessionPrices::start_from(const std::vector<Cost>& workshop_price) {
    for (std::size_t session = 0; session < m_instance.sessions.size(); ++session)
        m_price[session] = static_cast<double>(workshop_price[m_instance.sessions[session].workshop]);
}

Cost SessionPrices::raise(Cost target, int steps) {
    const std::size_t sessions = m_instance.sessions.size();
    std::vector<double> direction(sessions, 0.0);
    for (int step = 0; step < steps && m_scale >= kSmallestScale; ++step) {
        const double value = evaluate(m_price);
        if (value > m_best_value) {
            m_best_value = value;
            m_best_price = m_price;
            m_steps_without_gain = 0;
        } else if (++m_steps_without_gain >= kPatience) {
            m_scale /= 2.0;
            m_steps_without_gain = 0;
        }
        if (lower_bound() >= target)
            break;
        // The projected subgradient: a free price stays at zero however empty its session.
        double norm = 0.0;
        for (std::size_t session = 0; session < sessions; ++session) {
            direction[session] = m_load[session] - m_instance.sessions[session].capacity;
            if (m_price[session] <= 0.0 && direction[session] < 0.0)
                direction[session] = 0.0;
            norm += direction[session] * direction[session];
        }
        // Everyone's cheapest sessions fit: the relaxation is solved.
        if (norm == 0.0)
            break;
        const double length = m_scale * std::max(1.0, static_cast<double>(target) - value) / norm;
        for (std::size_t session = 0; session < sessions; ++session)
            m_price[session] = std::max(0.0, m_price[session] + length * direction[session]);
    }
    return lower_bound();
}

Cost SessionPrices::raise_to(const std::vector<double>& price) {
    // Later steps start from here with short steps: such prices are usually near the best.
    m_price = price;
    m_scale = std::min(m_scale, kRestartScale);
    m_steps_without_gain = 0;
    const double value = evaluate(price);
    if (value > m_best_value) {
        m_best_value = value;
        m_best_price = price;
    }
    return lower_bound();
}

Cost SessionPrices::lower_bound() const {
    if (m_best_value == -kInfinity)
        return 0;
    // Rounding errors of the sums are far below this margin, which keeps the bound proven.
    const double margin = 1e-6 + 1e-9 * std::abs(m_best_value);
    return static_cast<Cost>(std::ceil(m_best_value - margin));
}

double SessionPrices::evaluate(const std::vector<double>& price) {
    sort_open_sessions(price);
    m_load.assign(m_instance.sessions.size(), 0);
    double value = 0.0;
    Options options;
    std::vector<int> picks;
    for (int person = 0; person < static_cast<int>(m_instance.people.size()); ++person) {
        options_of(person, price, options);
        value += cheapest(options, kNone, kNone, &picks) + compulsory_offset(person);
        for (int slot = 0; slot < m_slots; ++slot)
            if (int session = options[slot][picks[slot]].session; session != kNone)
                ++m_load[session];
    }
    for (std::size_t session = 0; session < m_instance.sessions.size(); ++session)
        value -= price[session] * m_instance.sessions[session].capacity;
    return value;
}

void SessionPrices::options_of(int person, const std::vector<double>& price, Options& options) const {
    // With this many options per slot one stays free even when the other slots hold the rest and
    // one more workshop is left out.
    const std::size_t kept = static_cast<std::size_t>(m_slots) + 1;
    const int key = m_model.group_key(person);
    const double unranked = static_cast<double>(m_model.unranked_cost());
    options.resize(m_slots);
    for (int slot = 0; slot < m_slots; ++slot) {
        std::vector<Option>& here = options[slot];
        here.clear();
        for (const auto& [workshop, cost] : m_named[person]) {
            int session = m_instance.workshops[workshop].session_in_slot[slot];
            if (session != kNone && m_instance.sessions[session].capacity > 0)
                here.push_back({cost + price[session], workshop, session});
        }
        std::size_t found = 0;
        for (int session : m_open[static_cast<std::size_t>(key) * m_slots + slot]) {
            if (found == kept)
                break;
            int workshop = m_instance.sessions[session].workshop;
            if (contains(m_listed[person], workshop))
                continue;
            here.push_back({unranked + price[session], workshop, session});
            ++found;
        }
        here.push_back({static_cast<double>(m_model.unassigned_cost()), kNone, kNone});
        auto cheaper = [](const Option& left, const Option& right) {
            return left.cost != right.cost ? left.cost < right.cost : left.session < right.session;
        };
        if (here.size() > kept) {
            std::partial_sort(here.begin(), here.begin() + kept, here.end(), cheaper);
            here.resize(kept);
        } else {
            std::sort(here.begin(), here.end(), cheaper);
        }
    }
}

double SessionPrices::cheapest(const Options& options, int skipped_slot, int excluded,
                               std::vector<int>* picks) const {
    double best = kInfinity;
    std::vector<int> current(m_slots, 0);
    std::vector<int> used;
    // floor[slot]: the cheapest options of the slots from there on, a bound on what they add.
    std::vector<double> floor(m_slots + 1, 0.0);
    for (int slot = m_slots - 1; slot >= 0; --slot)
        floor[slot] = floor[slot + 1] + (slot == skipped_slot ? 0.0 : options[slot].front().cost);
    auto search = [&](auto&& self, int slot, double so_far) -> void {
        if (slot == m_slots) {
            best = so_far;
            if (picks)
                *picks = current;
            return;
        }
        if (slot == skipped_slot) {
            self(self, slot + 1, so_far);
            return;
        }
        for (int index = 0; index < static_cast<int>(options[slot].size()); ++index) {
            const Option& option = options[slot][index];
            // Options are sorted, so none after this one can do better.
            if (so_far + option.cost + floor[slot + 1] >= best)
                break;
            if (option.workshop != kNone && (option.workshop == excluded || contains(used, option.workshop)))
                continue;
            current[slot] = index;
            if (option.workshop != kNone)
                used.push_back(option.workshop);
            self(self, slot + 1, so_far + option.cost);
            if (option.workshop != kNone)
                used.pop_back();
        }
    };
    search(search, 0, 0.0);
    return best;
}

void SessionPrices::sort_open_sessions(const std::vector<double>& price) {
    for (auto& sessions : m_open)
        std::sort(sessions.begin(), sessions.end(), [&](int left, int right) {
            return price[left] != price[right] ? price[left] < price[right] : left < right;
        });
}

double SessionPrices::compulsory_offset(int person) const {
    return kCompulsory * m_compulsory[person];
}

AggregateSupport SessionPrices::support_within(Cost most) {
    const int people = static_cast<int>(m_instance.people.size());
    const int keys = m_model.group_key_count();
    AggregateSupport support;
    support.named.resize(people);
    support.named_slots.resize(people);
    support.required.resize(people);
    support.unranked.assign(people, 0);
    support.empty.assign(people, 0);
    support.pool.resize(keys);
    if (m_best_value == -kInfinity || lower_bound() > most)
        return support;
    const std::vector<double>& price = m_best_price;
    sort_open_sessions(price);
    // How far a person's choice may cost more than their cheapest one, with room for rounding.
    const double slack = static_cast<double>(most) - m_best_value + 1e-6 + 1e-9 * std::abs(m_best_value);
    const double unranked = static_cast<double>(m_model.unranked_cost());
    const double unassigned = static_cast<double>(m_model.unassigned_cost());
    // pool_floor[key * slots + slot]: the least an unranked seat there costs anyone, price aside.
    std::vector<double> pool_floor(static_cast<std::size_t>(keys) * m_slots, kInfinity);
    Options options;
    std::vector<int> picks;
    for (int person = 0; person < people; ++person) {
        options_of(person, price, options);
        const double best = cheapest(options, kNone, kNone, &picks);
        for (const auto& [workshop, cost] : m_named[person]) {
            std::uint64_t slots = 0;
            for (int slot = 0; slot < m_slots && slot < 64; ++slot) {
                int session = m_instance.workshops[workshop].session_in_slot[slot];
                if (session == kNone || m_instance.sessions[session].capacity <= 0)
                    continue;
                if (cost + price[session] + cheapest(options, slot, workshop, nullptr) - best <= slack)
                    slots |= std::uint64_t{1} << slot;
            }
            if (slots != 0 || m_slots > 64) {
                support.named[person].push_back(workshop);
                support.named_slots[person].push_back(m_slots > 64 ? ~std::uint64_t{0} : slots);
            }
        }
        for (int slot = 0; slot < m_slots; ++slot) {
            int workshop = options[slot][picks[slot]].workshop;
            if (workshop != kNone && contains(m_listed[person], workshop) &&
                cheapest(options, kNone, workshop, nullptr) - best > slack)
                support.required[person].push_back(workshop);
        }
        const std::size_t key = static_cast<std::size_t>(m_model.group_key(person));
        for (int slot = 0; slot < m_slots; ++slot) {
            // Another workshop in the other slots costs at least their cheapest choice.
            const double rest = cheapest(options, slot, kNone, nullptr) - best;
            if (unassigned + rest <= slack)
                support.empty[person] = 1;
            double& floor = pool_floor[key * m_slots + slot];
            floor = std::min(floor, unranked + rest);
            for (int session : m_open[key * m_slots + slot])
                if (!contains(m_listed[person], m_instance.sessions[session].workshop)) {
                    if (unranked + price[session] + rest <= slack)
                        support.unranked[person] = 1;
                    break;
                }
        }
    }
    for (int key = 0; key < keys; ++key)
        for (int slot = 0; slot < m_slots; ++slot)
            for (int session : m_open[static_cast<std::size_t>(key) * m_slots + slot]) {
                if (pool_floor[static_cast<std::size_t>(key) * m_slots + slot] + price[session] > slack)
                    break;
                int workshop = m_instance.sessions[session].workshop;
                if (!contains(support.pool[key], workshop))
                    support.pool[key].push_back(workshop);
            }
    for (auto& pool : support.pool)
        std::sort(pool.begin(), pool.end());
    return support;
}

std::vector<double> SessionPrices::reduced_costs(const Allocation& allocation) {
    sort_open_sessions(m_best_price);
    std::vector<double> reduced(m_instance.people.size(), 0.0);
    Options options;
    for (int person = 0; person < static_cast<int>(m_instance.people.size()); ++person) {
        options_of(person, m_best_price, options);
        double held = 0.0;
        for (int slot = 0; slot < m_slots; ++slot) {
            int session = allocation.session_of[person][slot];
            if (session == kNone) {
                held += static_cast<double>(m_model.unassigned_cost());
                continue;
            }
            held +=
                static_cast<double>(m_model.placement_cost(person, m_instance.sessions[session].workshop)) +
                m_best_price[session];
        }
        held -= kCompulsory * m_compulsory[person];
        reduced[person] = held - cheapest(options, kNone, kNone, nullptr);
    }
    return reduced;
}

std::vector<int> SessionPrices::people_to_replace(const Allocation& allocation, double slack, int round,
                                                  std::int64_t budget) {
    const int people = static_cast<int>(m_instance.people.size());
    const std::vector<double> reduced = reduced_costs(allocation);
    std::vector<std::vector<int>> holders(m_instance.sessions.size());
    for (int person = 0; person < people; ++person)
        for (int session : allocation.session_of[person])
            if (session != kNone)
                holders[session].push_back(person);
    std::vector<char> taken(people, 0);
    std::vector<int> group;
    std::vector<int> level;
    std::int64_t used = 0;
    // Each person costs the program a variable per named workshop and slot, and a few more.
    auto take = [&](int person) {
        taken[person] = 1;
        group.push_back(person);
        used += static_cast<std::int64_t>(m_named[person].size() + 2) * m_slots;
    };
    // Those above their cheapest sessions come first, from where the last group stopped; the
    // holders of the seats they want get what is left of the budget.
    const int start = m_next_person;
    for (int step = 0; step < people && used < budget; ++step) {
        const int person = (start + step) % people;
        if (reduced[person] > kDefect) {
            take(person);
            level.push_back(person);
            m_next_person = (person + 1) % people;
        }
    }
    Options options;
    for (int depth = 0; depth < kDepth && !level.empty(); ++depth) {
        std::vector<int> next;
        for (int person : level) {
            options_of(person, m_best_price, options);
            const double best = cheapest(options, kNone, kNone, nullptr);
            for (const auto& [workshop, cost] : m_named[person])
                for (int slot = 0; slot < m_slots; ++slot) {
                    int session = m_instance.workshops[workshop].session_in_slot[slot];
                    if (session == kNone || holders[session].empty() ||
                        cost + m_best_price[session] + cheapest(options, slot, workshop, nullptr) - best >
                            slack)
                        continue;
                    const int size = static_cast<int>(holders[session].size());
                    for (int index = 0; index < std::min(size, kHolders) && used < budget; ++index) {
                        int holder = holders[session][(round * 7 + index * 13) % size];
                        if (!taken[holder]) {
                            take(holder);
                            next.push_back(holder);
                        }
                    }
                }
        }
        level = std::move(next);
    }
    std::sort(group.begin(), group.end());
    return group;
}

Allocation SessionPrices::cheapest_sessions() {
    Allocation allocation;
    allocation.session_of.assign(m_instance.people.size(), std::vector<int>(m_slots, kNone));
    sort_open_sessions(m_best_price);
    Options options;
    std::vector<int> picks;
    for (int person = 0; person < static_cast<int>(m_instance.people.size()); ++person) {
        options_of(person, m_best_price, options);
        cheapest(options, kNone, kNone, &picks);
        for (int slot = 0; slot < m_slots; ++slot)
            allocation.session_of[person][slot] = options[slot][picks[slot]].session;
    }
    return allocation;
}

} // namespace trellis::allocation
