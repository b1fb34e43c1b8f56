// LEMON comes first: its headers clash with a MAX macro that some system headers define.
#include <lemon/cost_scaling.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include "allocation/lagrangian_bound.h"

#include <algorithm>
#include <cmath>

namespace trellis::allocation {

namespace {

using Digraph = lemon::SmartDigraph;

// Above this many arcs cost scaling beats the network simplex on these assignment-like graphs.
constexpr int kCostScalingArcs = 200'000;

// Costs are multiplied by this so that fractional multipliers can be rounded to integers
// without losing much of the bound.
constexpr Cost kScale = 64;

// Hub arcs carry a group's unranked placements of one slot to its sessions; their person field
// holds the group key.
enum class ArcKind : char { Plain, Placement, Unranked, Unassigned, Hub };

struct ArcTag {
    ArcKind kind{ArcKind::Plain};
    int person{kNone};
    int slot{kNone};
    int session{kNone};
    Cost base{0};
};

} // namespace

class LagrangianBound::Graph {
  public:
    explicit Graph(const CostModel& model)
        : m_model(model), m_instance(model.instance()),
          m_slots(static_cast<int>(model.instance().slots.size())), m_lower(m_graph), m_upper(m_graph),
          m_cost(m_graph), m_supply(m_graph, 0) {
        build();
        m_multiplier.assign(m_instance.people.size() * m_slots, 0.0);
        m_subgradient.assign(m_multiplier.size(), 0.0);
    }

    BoundStep evaluate() {
        Cost offset = 0;
        for (Digraph::ArcIt arc(m_graph); arc != lemon::INVALID; ++arc) {
            const ArcTag& tag = m_tags[m_graph.id(arc)];
            Cost cost = tag.base * kScale;
            if (tag.kind != ArcKind::Plain && tag.kind != ArcKind::Hub)
                cost += rounded_multiplier(tag.person, tag.slot);
            m_cost[arc] = cost;
        }
        for (std::size_t index = 0; index < m_multiplier.size(); ++index)
            offset += std::llround(m_multiplier[index]);
        BoundStep result;
        result.hint.session_of.assign(m_instance.people.size(), std::vector<int>(m_slots, kNone));
        Digraph::ArcMap<int> flow(m_graph, 0);
        Cost total = 0;
        if (!run_min_cost_flow(flow, total))
            return result;
        total -= offset;
        // Ceiling division: the bound is a rational number and every allocation costs an integer.
        result.lower_bound = total >= 0 ? (total + kScale - 1) / kScale : -((-total) / kScale);
        std::vector<int> count(m_multiplier.size(), 0);
        std::vector<Cost> hint_cost(m_multiplier.size(), 0);
        std::vector<std::pair<int, int>> unranked;
        std::vector<std::vector<std::pair<int, int>>> pool(
            static_cast<std::size_t>(m_model.group_key_count()) * m_slots);
        for (Digraph::ArcIt arc(m_graph); arc != lemon::INVALID; ++arc) {
            const ArcTag& tag = m_tags[m_graph.id(arc)];
            if (tag.kind == ArcKind::Plain || flow[arc] == 0)
                continue;
            if (tag.kind == ArcKind::Hub) {
                pool[static_cast<std::size_t>(tag.person) * m_slots + tag.slot].push_back(
                    {tag.session, flow[arc]});
                continue;
            }
            if (tag.kind == ArcKind::Unranked)
                unranked.push_back({tag.person, tag.slot});
            std::size_t index = static_cast<std::size_t>(tag.person) * m_slots + tag.slot;
            count[index] += flow[arc];
            if (tag.kind != ArcKind::Placement)
                continue;
            result.placements.push_back({tag.person, tag.session});
            int& chosen = result.hint.session_of[tag.person][tag.slot];
            Cost cost = m_model.placement_cost(tag.person, m_instance.sessions[tag.session].workshop);
            if (chosen == kNone || cost < hint_cost[index]) {
                chosen = tag.session;
                hint_cost[index] = cost;
            }
        }
        add_unranked_placements(unranked, pool, result.placements);
        result.satisfies_relaxed_rule = true;
        for (std::size_t index = 0; index < count.size(); ++index) {
            m_subgradient[index] = count[index] - 1.0;
            if (count[index] != 1)
                result.satisfies_relaxed_rule = false;
        }
        return result;
    }

    bool step(Cost upper_bound, Cost last_bound, double step_scale) {
        double norm = 0.0;
        for (double value : m_subgradient)
            norm += value * value;
        if (norm == 0.0)
            return false;
        double gap = std::max<double>(1.0, static_cast<double>(upper_bound - last_bound));
        double length = step_scale * gap / norm * kScale;
        for (std::size_t index = 0; index < m_multiplier.size(); ++index)
            m_multiplier[index] += length * m_subgradient[index];
        return true;
    }

  private:
    // Splits each hub's flow into one session per person, in arc order, avoiding workshops the
    // person already holds where the pool allows (the colouring drops any repeat left).
    void add_unranked_placements(const std::vector<std::pair<int, int>>& unranked,
                                 std::vector<std::vector<std::pair<int, int>>>& pool,
                                 std::vector<std::pair<int, int>>& placements) const {
        std::vector<std::vector<int>> held(m_instance.people.size());
        for (const auto& [person, session] : placements)
            held[person].push_back(m_instance.sessions[session].workshop);
        for (const auto& [person, slot] : unranked) {
            auto& sessions = pool[static_cast<std::size_t>(m_model.group_key(person)) * m_slots + slot];
            auto fits = [&](const std::pair<int, int>& entry) {
                int workshop = m_instance.sessions[entry.first].workshop;
                return entry.second > 0 &&
                       std::find(held[person].begin(), held[person].end(), workshop) == held[person].end();
            };
            auto found = std::find_if(sessions.begin(), sessions.end(), fits);
            if (found == sessions.end())
                continue;
            --found->second;
            held[person].push_back(m_instance.sessions[found->first].workshop);
            placements.push_back({person, found->first});
        }
    }

    // Solves the relaxation exactly at the current costs; false if compulsory places cannot fit.
    bool run_min_cost_flow(Digraph::ArcMap<int>& flow, Cost& total) {
        if (m_graph.arcNum() >= kCostScalingArcs) {
            lemon::CostScaling<Digraph, int, Cost> solver(m_graph);
            solver.lowerMap(m_lower).upperMap(m_upper).costMap(m_cost).supplyMap(m_supply);
            if (solver.run() != decltype(solver)::OPTIMAL)
                return false;
            solver.flowMap(flow);
            total = solver.template totalCost<Cost>();
            return true;
        }
        lemon::NetworkSimplex<Digraph, int, Cost> solver(m_graph);
        solver.lowerMap(m_lower).upperMap(m_upper).costMap(m_cost).supplyMap(m_supply);
        if (solver.run() != decltype(solver)::OPTIMAL)
            return false;
        solver.flowMap(flow);
        total = solver.template totalCost<Cost>();
        return true;
    }

    Cost rounded_multiplier(int person, int slot) const {
        return std::llround(m_multiplier[static_cast<std::size_t>(person) * m_slots + slot]);
    }

    Digraph::Arc add_arc(Digraph::Node from, Digraph::Node to, int lower, int upper, ArcTag tag) {
        Digraph::Arc arc = m_graph.addArc(from, to);
        m_lower[arc] = lower;
        m_upper[arc] = upper;
        if (static_cast<std::size_t>(m_graph.id(arc)) >= m_tags.size())
            m_tags.resize(m_graph.id(arc) + 1);
        m_tags[m_graph.id(arc)] = tag;
        return arc;
    }

    void build() {
        const int people = static_cast<int>(m_instance.people.size());
        Digraph::Node sink = m_graph.addNode();
        std::vector<Digraph::Node> session_node(m_instance.sessions.size());
        for (std::size_t session = 0; session < m_instance.sessions.size(); ++session) {
            session_node[session] = m_graph.addNode();
            add_arc(session_node[session], sink, 0, m_instance.sessions[session].capacity, {});
        }
        const int keys = m_model.group_key_count();
        std::vector<Digraph::Node> hub(static_cast<std::size_t>(keys) * m_slots, lemon::INVALID);
        auto hub_for = [&](int key, int slot) {
            Digraph::Node& node = hub[static_cast<std::size_t>(key) * m_slots + slot];
            if (node == lemon::INVALID) {
                node = m_graph.addNode();
                for (int session : m_model.sessions_in_slot(slot))
                    if (m_model.is_open_to_group_key(m_instance.sessions[session].workshop, key))
                        add_arc(node, session_node[session], 0, m_instance.sessions[session].capacity,
                                {ArcKind::Hub, key, slot, session, 0});
            }
            return node;
        };
        for (int person = 0; person < people; ++person) {
            const Person& who = m_instance.people[person];
            Digraph::Node node = m_graph.addNode();
            m_supply[node] = m_slots;
            std::vector<int> candidates = who.choices;
            for (int workshop : who.must)
                if (std::find(candidates.begin(), candidates.end(), workshop) == candidates.end())
                    candidates.push_back(workshop);
            for (int workshop : candidates) {
                if (!m_model.is_eligible(person, workshop))
                    continue;
                bool compulsory = std::find(who.must.begin(), who.must.end(), workshop) != who.must.end();
                add_workshop(node, person, workshop, compulsory ? 1 : 0, session_node);
            }
            int key = m_model.group_key(person);
            for (int slot = 0; slot < m_slots; ++slot) {
                add_arc(node, hub_for(key, slot), 0, 1,
                        {ArcKind::Unranked, person, slot, kNone, m_model.unranked_cost()});
                add_arc(node, sink, 0, 1,
                        {ArcKind::Unassigned, person, slot, kNone, m_model.unassigned_cost()});
            }
        }
        m_supply[sink] = -people * m_slots;
        m_tags.resize(m_graph.arcNum());
    }

    // A workshop with one session is a direct arc; with several, a person-workshop node caps the
    // person at one of its sessions ("never twice").
    void add_workshop(Digraph::Node person_node, int person, int workshop, int lower,
                      const std::vector<Digraph::Node>& session_node) {
        const auto& sessions = m_instance.workshops[workshop].session_in_slot;
        int offered = static_cast<int>(
            std::count_if(sessions.begin(), sessions.end(), [](int session) { return session != kNone; }));
        if (offered == 0)
            return;
        Cost cost = m_model.placement_cost(person, workshop);
        if (offered == 1) {
            for (int slot = 0; slot < m_slots; ++slot)
                if (sessions[slot] != kNone)
                    add_arc(person_node, session_node[sessions[slot]], lower, 1,
                            {ArcKind::Placement, person, slot, sessions[slot], cost});
            return;
        }
        Digraph::Node middle = m_graph.addNode();
        add_arc(person_node, middle, lower, 1, {ArcKind::Plain, person, kNone, kNone, cost});
        for (int slot = 0; slot < m_slots; ++slot)
            if (sessions[slot] != kNone)
                add_arc(middle, session_node[sessions[slot]], 0, 1,
                        {ArcKind::Placement, person, slot, sessions[slot], 0});
    }

    const CostModel& m_model;
    const Instance& m_instance;
    int m_slots;
    Digraph m_graph;
    Digraph::ArcMap<int> m_lower;
    Digraph::ArcMap<int> m_upper;
    Digraph::ArcMap<Cost> m_cost;
    Digraph::NodeMap<int> m_supply;
    std::vector<ArcTag> m_tags;
    std::vector<double> m_multiplier;
    std::vector<double> m_subgradient;
};

LagrangianBound::LagrangianBound(const CostModel& model) : m_graph(std::make_unique<Graph>(model)) {}

LagrangianBound::~LagrangianBound() = default;

BoundStep LagrangianBound::evaluate() {
    return m_graph->evaluate();
}

bool LagrangianBound::step(Cost upper_bound, Cost last_bound, double step_scale) {
    return m_graph->step(upper_bound, last_bound, step_scale);
}

} // namespace trellis::allocation
