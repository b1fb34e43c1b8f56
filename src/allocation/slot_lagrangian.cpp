// LEMON comes first: its headers clash with a MAX macro that some system headers define.
#include <lemon/cost_scaling.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include "allocation/slot_lagrangian.h"

#include <algorithm>
#include <cmath>

namespace trellis::allocation {

namespace {

using Digraph = lemon::SmartDigraph;

// Above this many arcs cost scaling beats the network simplex on these assignment-like graphs.
constexpr int kCostScalingArcs = 200'000;

// Costs are multiplied by this so that fractional prices can be rounded to integers without
// losing much of the bound.
constexpr Cost kScale = 64;

// One relaxed pair: a person and a workshop they chose or must attend.
struct PricedPair {
    int person{kNone};
    int workshop{kNone};
    bool compulsory{false};
    double price{0.0};
};

// A slot's transportation problem. Unplaced people leave through their group's hub: the hub's
// arc to the sink costs the unassigned cost less the unranked one, so no person needs an arc of
// their own for an empty slot.
struct SlotGraph {
    SlotGraph() : upper(graph), cost(graph), supply(graph, 0) {}
    Digraph graph;
    Digraph::ArcMap<int> upper;
    Digraph::ArcMap<Cost> cost;
    Digraph::NodeMap<int> supply;
    // arc_pair[arc id] is the priced pair a person -> session arc stands for, or kNone.
    std::vector<int> arc_pair;
    std::vector<int> arc_session;
};

} // namespace

class SlotLagrangian::Slots {
  public:
    Slots(const CostModel& model, const AggregateSolution& pooled)
        : m_model(model), m_instance(model.instance()), m_graphs(model.instance().slots.size()) {
        for (const auto& [person, workshop, price] : pooled.never_twice_prices) {
            const auto& must = m_instance.people[person].must;
            bool compulsory = std::find(must.begin(), must.end(), workshop) != must.end();
            double start = static_cast<double>(price) * kScale;
            m_pairs.push_back({person, workshop, compulsory, compulsory ? start : std::max(0.0, start)});
        }
        for (std::size_t slot = 0; slot < m_graphs.size(); ++slot)
            build(static_cast<int>(slot), m_graphs[slot]);
        m_subgradient.assign(m_pairs.size(), 0.0);
    }

    SlotBoundStep evaluate() {
        SlotBoundStep result;
        std::vector<int> uses(m_pairs.size(), 0);
        Cost total = 0;
        for (const PricedPair& pair : m_pairs)
            total -= std::llround(pair.price);
        for (SlotGraph& slot : m_graphs) {
            for (Digraph::ArcIt arc(slot.graph); arc != lemon::INVALID; ++arc) {
                int pair = slot.arc_pair[slot.graph.id(arc)];
                if (pair != kNone)
                    slot.cost[arc] =
                        m_model.placement_cost(m_pairs[pair].person, m_pairs[pair].workshop) * kScale +
                        std::llround(m_pairs[pair].price);
            }
            Digraph::ArcMap<int> flow(slot.graph, 0);
            Cost slot_total = 0;
            if (!solve(slot, flow, slot_total))
                return result;
            total += slot_total;
            for (Digraph::ArcIt arc(slot.graph); arc != lemon::INVALID; ++arc) {
                int id = slot.graph.id(arc);
                if (flow[arc] == 0 || slot.arc_session[id] == kNone)
                    continue;
                int pair = slot.arc_pair[id];
                if (pair != kNone) {
                    ++uses[pair];
                    result.placements.push_back({m_pairs[pair].person, slot.arc_session[id]});
                }
            }
        }
        for (std::size_t pair = 0; pair < m_pairs.size(); ++pair)
            m_subgradient[pair] = uses[pair] - 1.0;
        // Ceiling division: the bound is a rational number and every allocation costs an integer.
        result.lower_bound = total >= 0 ? (total + kScale - 1) / kScale : -((-total) / kScale);
        result.solved = true;
        return result;
    }

    bool step(Cost upper_bound, Cost last_bound, double step_scale) {
        // A price held at zero by its sign constraint does not move, so it does not count.
        double norm = 0.0;
        for (std::size_t pair = 0; pair < m_pairs.size(); ++pair)
            if (m_pairs[pair].compulsory || m_pairs[pair].price > 0.0 || m_subgradient[pair] > 0.0)
                norm += m_subgradient[pair] * m_subgradient[pair];
        if (norm == 0.0)
            return false;
        double gap = std::max<double>(1.0, static_cast<double>(upper_bound - last_bound));
        double length = step_scale * gap / norm * kScale;
        for (std::size_t pair = 0; pair < m_pairs.size(); ++pair) {
            double& price = m_pairs[pair].price;
            price += length * m_subgradient[pair];
            if (!m_pairs[pair].compulsory)
                price = std::max(0.0, price);
        }
        return true;
    }

  private:
    static bool solve(SlotGraph& slot, Digraph::ArcMap<int>& flow, Cost& total) {
        auto finish = [&](auto& solver) {
            solver.upperMap(slot.upper).costMap(slot.cost).supplyMap(slot.supply);
            if (solver.run() != std::decay_t<decltype(solver)>::OPTIMAL)
                return false;
            solver.flowMap(flow);
            total = solver.template totalCost<Cost>();
            return true;
        };
        if (slot.graph.arcNum() >= kCostScalingArcs) {
            lemon::CostScaling<Digraph, int, Cost> solver(slot.graph);
            return finish(solver);
        }
        lemon::NetworkSimplex<Digraph, int, Cost> solver(slot.graph);
        return finish(solver);
    }

    void build(int slot, SlotGraph& target) {
        Digraph& graph = target.graph;
        auto add_arc = [&](Digraph::Node from, Digraph::Node to, int capacity, Cost cost, int pair,
                           int session) {
            Digraph::Arc arc = graph.addArc(from, to);
            target.upper[arc] = capacity;
            target.cost[arc] = cost;
            target.arc_pair.push_back(pair);
            target.arc_session.push_back(session);
        };
        const int people = static_cast<int>(m_instance.people.size());
        Digraph::Node sink = graph.addNode();
        std::vector<Digraph::Node> session_node(m_instance.sessions.size(), lemon::INVALID);
        for (int session : m_model.sessions_in_slot(slot)) {
            session_node[session] = graph.addNode();
            add_arc(session_node[session], sink, m_instance.sessions[session].capacity, 0, kNone, kNone);
        }
        std::vector<Digraph::Node> hub(m_model.group_key_count(), lemon::INVALID);
        auto hub_for = [&](int key) {
            if (hub[key] == lemon::INVALID) {
                hub[key] = graph.addNode();
                add_arc(hub[key], sink, people,
                        (m_model.unassigned_cost() - m_model.unranked_cost()) * kScale, kNone, kNone);
                for (int session : m_model.sessions_in_slot(slot))
                    if (m_model.is_open_to_group_key(m_instance.sessions[session].workshop, key))
                        add_arc(hub[key], session_node[session], m_instance.sessions[session].capacity, 0,
                                kNone, kNone);
            }
            return hub[key];
        };
        std::size_t next_pair = 0;
        for (int person = 0; person < people; ++person) {
            Digraph::Node node = graph.addNode();
            target.supply[node] = 1;
            for (; next_pair < m_pairs.size() && m_pairs[next_pair].person == person; ++next_pair) {
                int session = m_instance.workshops[m_pairs[next_pair].workshop].session_in_slot[slot];
                if (session != kNone && m_instance.sessions[session].capacity > 0)
                    add_arc(node, session_node[session], 1, 0, static_cast<int>(next_pair), session);
            }
            add_arc(node, hub_for(m_model.group_key(person)), 1, m_model.unranked_cost() * kScale, kNone,
                    kNone);
        }
        target.supply[sink] = -people;
    }

    const CostModel& m_model;
    const Instance& m_instance;
    std::vector<SlotGraph> m_graphs;
    // Sorted by person, as the pooled flow lists them.
    std::vector<PricedPair> m_pairs;
    std::vector<double> m_subgradient;
};

SlotLagrangian::SlotLagrangian(const CostModel& model, const AggregateSolution& pooled)
    : m_slots(std::make_unique<Slots>(model, pooled)) {}

SlotLagrangian::~SlotLagrangian() = default;

SlotBoundStep SlotLagrangian::evaluate() {
    return m_slots->evaluate();
}

bool SlotLagrangian::step(Cost upper_bound, Cost last_bound, double step_scale) {
    return m_slots->step(upper_bound, last_bound, step_scale);
}

} // namespace trellis::allocation
