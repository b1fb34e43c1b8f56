#include "allocation/programs/compact_model.h"

#include <algorithm>
#include <cmath>

namespace trellis::allocation::compact {

// The workshops a person may be placed in by name: their choices and compulsory ones.
std::vector<int> named_workshops(const CostModel& model, int person) {
    const Person& who = model.instance().people[person];
    std::vector<int> named = who.choices;
    for (int workshop : who.must)
        if (std::find(named.begin(), named.end(), workshop) == named.end())
            named.push_back(workshop);
    return named;
}

// A relaxation's value rounded up to the integer cost every allocation has, with room for rounding.
Cost rounded_bound(double value) {
    return static_cast<Cost>(std::ceil(value - 1e-6 - 1e-9 * std::abs(value)));
}

// With fixed, only the people listed in free are placed; everyone else keeps their seats in
// fixed, which the program's sessions lose.
// With within, only what it allows: the program then holds every allocation within its slack.
// With explicit_unranked as well, unranked seats are variables per workshop and slot too.
CompactProgram::CompactProgram(const CostModel& model, const Allocation* fixed, const std::vector<int>* free,
                               const AggregateSupport* within, bool explicit_unranked)
    : m_model(model), m_instance(model.instance()), m_slots(static_cast<int>(m_instance.slots.size())),
      m_fixed(fixed), m_within(within), m_explicit(within && explicit_unranked) {
    const int people = static_cast<int>(m_instance.people.size());
    m_row_of.assign(people, kNone);
    if (free)
        m_people = *free;
    else
        for (int person = 0; person < people; ++person)
            m_people.push_back(person);
    for (int index = 0; index < static_cast<int>(m_people.size()); ++index)
        m_row_of[m_people[index]] = index;
    m_capacity.resize(m_instance.sessions.size());
    for (std::size_t session = 0; session < m_instance.sessions.size(); ++session)
        m_capacity[session] = m_instance.sessions[session].capacity;
    if (fixed)
        for (int person = 0; person < people; ++person)
            if (m_row_of[person] == kNone)
                for (int session : fixed->session_of[person])
                    if (session != kNone)
                        --m_capacity[session];
}

void CompactProgram::build() {
    const int people = static_cast<int>(m_people.size());
    // Rows: one per person and slot (exactly one of placement, unranked seat or empty), then
    // sessions, then one per group and slot balancing the pool, then "never twice" rows.
    for (int row = 0; row < people * m_slots; ++row)
        add_row(1.0, 1.0);
    m_session_row = static_cast<int>(m_row_lower.size());
    for (int capacity : m_capacity)
        add_row(-kInfinity, std::max(0, capacity));
    const int keys = m_model.group_key_count();
    m_pool_row = static_cast<int>(m_row_lower.size());
    for (int row = 0; row < keys * m_slots; ++row)
        add_row(0.0, 0.0);
    std::vector<char> has_pool(static_cast<std::size_t>(keys) * m_slots, 0);
    const std::vector<char> pooled = pooled_workshops();
    const std::size_t workshops = m_instance.workshops.size();
    for (int key = 0; key < keys; ++key)
        for (int slot = 0; slot < m_slots; ++slot)
            for (int session : m_model.sessions_in_slot(slot))
                if (int workshop = m_instance.sessions[session].workshop;
                    m_capacity[session] > 0 && m_model.is_open_to_group_key(workshop, key) &&
                    pooled[key * workshops + workshop]) {
                    add_column({ColumnKind::Pool, key, slot, session}, 0, kInfinity,
                               {{m_session_row + session, 1.0}, {pool_row(key, slot), -1.0}});
                    has_pool[static_cast<std::size_t>(key) * m_slots + slot] = 1;
                }
    for (int person : m_people) {
        const int person_row = m_row_of[person] * m_slots;
        const auto& must = m_instance.people[person].must;
        const std::vector<int> named = m_within ? m_within->named[person] : named_workshops(m_model, person);
        for (std::size_t index = 0; index < named.size(); ++index) {
            const int workshop = named[index];
            if (!m_model.is_eligible(person, workshop))
                continue;
            bool compulsory = std::find(must.begin(), must.end(), workshop) != must.end() ||
                              (m_within && contains(m_within->required[person], workshop));
            const bool placed = add_placements(person, workshop, m_model.placement_cost(person, workshop),
                                               compulsory ? 1.0 : -kInfinity, allowed_slots(person, index));
            if (compulsory && !placed)
                add_row(1.0, 1.0); // an empty row with bounds 1: the program is infeasible
        }
        int key = m_model.group_key(person);
        const bool unranked = (!m_within || m_within->unranked[person]) && !m_explicit;
        if (m_explicit && m_within->unranked[person])
            add_explicit_unranked(person);
        for (int slot = 0; slot < m_slots; ++slot) {
            if (unranked && has_pool[static_cast<std::size_t>(key) * m_slots + slot]) {
                add_column({ColumnKind::Unranked, person, slot, kNone}, m_model.unranked_cost(), 1.0,
                           {{person_row + slot, 1.0}, {pool_row(key, slot), 1.0}});
            }
            // Kept even outside the support: without them CBC took two to three times as long
            // on the trust bench's harder seeds.
            add_column({ColumnKind::Empty, person, slot, kNone}, m_model.unassigned_cost(), 1.0,
                       {{person_row + slot, 1.0}});
        }
    }
}

bool CompactProgram::has_empty_required_row() const {
    std::vector<char> used(m_row_lower.size(), 0);
    for (const auto& entries : m_entries)
        for (const auto& [row, coefficient] : entries)
            used[row] = 1;
    for (std::size_t row = 0; row < m_row_lower.size(); ++row)
        if (!used[row] && m_row_lower[row] > 0.0)
            return true;
    return false;
}

bool CompactProgram::loose_in(ColumnKind kind, double value) {
    if (kind == ColumnKind::Pool)
        return false;
    return std::abs(value - std::round(value)) > kWhole || (kind == ColumnKind::Unranked && value > kWhole);
}

CompactProgram::Matrix CompactProgram::columns_matrix() const {
    Matrix matrix;
    matrix.lower.assign(m_columns.size(), 0.0);
    for (const auto& [column_cost, column_upper] : m_bounds) {
        matrix.cost.push_back(static_cast<double>(column_cost));
        matrix.upper.push_back(column_upper);
    }
    for (const auto& entries : m_entries) {
        for (const auto& [row, coefficient] : entries) {
            matrix.row_index.push_back(row);
            matrix.value.push_back(coefficient);
        }
        matrix.column_start.push_back(static_cast<int>(matrix.row_index.size()));
    }
    return matrix;
}

void CompactProgram::add_explicit_unranked(int person) {
    const std::vector<int> named = named_workshops(m_model, person);
    for (int workshop : m_within->pool[m_model.group_key(person)])
        if (!contains(named, workshop))
            add_placements(person, workshop, m_model.unranked_cost(), -kInfinity);
}

std::uint64_t CompactProgram::allowed_slots(int person, std::size_t index) const {
    if (!m_within || m_within->named_slots.empty())
        return ~std::uint64_t{0};
    return m_within->named_slots[person][index];
}

bool CompactProgram::add_placements(int person, int workshop, Cost cost, double least,
                                    std::uint64_t allowed) {
    const int person_row = m_row_of[person] * m_slots;
    int twice_row = kNone;
    for (int slot = 0; slot < m_slots; ++slot) {
        int session = m_instance.workshops[workshop].session_in_slot[slot];
        if (session == kNone || m_capacity[session] <= 0 || (slot < 64 && ((allowed >> slot) & 1) == 0))
            continue;
        if (twice_row == kNone)
            twice_row = add_row(least, 1.0);
        add_column({ColumnKind::Placement, person, slot, session}, cost, 1.0,
                   {{person_row + slot, 1.0}, {m_session_row + session, 1.0}, {twice_row, 1.0}});
    }
    return twice_row != kNone;
}

bool CompactProgram::contains(const std::vector<int>& list, int item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

std::vector<char> CompactProgram::pooled_workshops() const {
    const std::size_t workshops = m_instance.workshops.size();
    const int keys = m_model.group_key_count();
    std::vector<char> pooled(keys * workshops, m_within ? 0 : 1);
    if (m_within)
        for (int key = 0; key < keys; ++key)
            for (int workshop : m_within->pool[key])
                pooled[key * workshops + workshop] = 1;
    return pooled;
}

int CompactProgram::add_row(double lower, double upper) {
    m_row_lower.push_back(lower);
    m_row_upper.push_back(upper);
    return static_cast<int>(m_row_lower.size()) - 1;
}

void CompactProgram::add_column(Column column, Cost cost, double upper,
                                std::vector<std::pair<int, double>> entries) {
    m_columns.push_back(column);
    m_bounds.push_back({cost, upper});
    m_entries.push_back(std::move(entries));
}

Allocation CompactProgram::to_allocation(const double* solution,
                                         std::vector<std::pair<int, int>>& unseated) const {
    const int people = static_cast<int>(m_instance.people.size());
    Allocation allocation;
    allocation.session_of.assign(people, std::vector<int>(m_slots, kNone));
    if (m_fixed)
        for (int person = 0; person < people; ++person)
            if (m_row_of[person] == kNone)
                allocation.session_of[person] = m_fixed->session_of[person];
    std::vector<std::pair<int, int>> unranked;
    for (int column = 0; column < static_cast<int>(m_columns.size()); ++column) {
        int amount = static_cast<int>(std::lround(solution[column]));
        if (amount <= 0)
            continue;
        const Column& what = m_columns[column];
        if (what.kind == ColumnKind::Placement)
            allocation.session_of[what.person][what.slot] = what.session;
        else if (what.kind == ColumnKind::Unranked)
            unranked.push_back({what.person, what.slot});
    }
    hand_out_unranked(unranked, allocation, unseated);
    return allocation;
}

void CompactProgram::hand_out_unranked(const std::vector<std::pair<int, int>>& unranked,
                                       Allocation& allocation,
                                       std::vector<std::pair<int, int>>& unseated) const {
    std::vector<int> free_seats(m_capacity);
    for (int person : m_people)
        for (int session : allocation.session_of[person])
            if (session != kNone)
                --free_seats[session];
    for (int slot = 0; slot < m_slots; ++slot) {
        std::vector<std::vector<int>> seated(m_instance.sessions.size());
        std::vector<int> visited(m_instance.sessions.size(), 0);
        int stamp = 0;
        for (const auto& [person, wanted] : unranked)
            if (wanted == slot) {
                ++stamp;
                if (!seat_unranked(person, slot, allocation, free_seats, seated, visited, stamp))
                    unseated.push_back({person, slot});
            }
    }
}

bool CompactProgram::seat_unranked(int person, int slot, Allocation& allocation, std::vector<int>& free_seats,
                                   std::vector<std::vector<int>>& seated, std::vector<int>& visited,
                                   int stamp) const {
    const int key = m_model.group_key(person);
    for (int session : m_model.sessions_in_slot(slot)) {
        int workshop = m_instance.sessions[session].workshop;
        if (visited[session] == stamp || !m_model.is_open_to_group_key(workshop, key) ||
            holds_elsewhere(allocation, person, slot, workshop))
            continue;
        visited[session] = stamp;
        if (free_seats[session] > 0) {
            --free_seats[session];
            seated[session].push_back(person);
            allocation.session_of[person][slot] = session;
            return true;
        }
        for (int& other : seated[session])
            if (seat_unranked(other, slot, allocation, free_seats, seated, visited, stamp)) {
                other = person;
                allocation.session_of[person][slot] = session;
                return true;
            }
    }
    return false;
}

bool CompactProgram::holds_elsewhere(const Allocation& allocation, int person, int slot, int workshop) const {
    const auto& row = allocation.session_of[person];
    for (int other = 0; other < m_slots; ++other)
        if (other != slot && row[other] != kNone && m_instance.sessions[row[other]].workshop == workshop)
            return true;
    return false;
}

} // namespace trellis::allocation::compact
