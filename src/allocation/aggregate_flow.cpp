// LEMON comes first: its headers clash with a MAX macro that some system headers define.
#include <lemon/cost_scaling.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include "allocation/aggregate_flow.h"

#include <algorithm>

namespace trellis::allocation {

namespace {

using Graph = lemon::SmartDigraph;

// Above this many arcs cost scaling beats the network simplex on these assignment-like graphs.
constexpr int kCostScalingArcs = 200'000;

template <typename Solver> bool run_solver(Solver& solver, Graph::ArcMap<int>& flow, Cost& total) {
    if (solver.run() != Solver::OPTIMAL)
        return false;
    solver.flowMap(flow);
    total = solver.template totalCost<Cost>();
    return true;
}

bool run_min_cost_flow(const Graph& graph, const Graph::ArcMap<int>& lower, const Graph::ArcMap<int>& upper,
                       const Graph::ArcMap<Cost>& cost, const Graph::NodeMap<int>& supply,
                       Graph::ArcMap<int>& flow, Cost& total) {
    if (graph.arcNum() >= kCostScalingArcs) {
        lemon::CostScaling<Graph, int, Cost> solver(graph);
        solver.lowerMap(lower).upperMap(upper).costMap(cost).supplyMap(supply);
        return run_solver(solver, flow, total);
    }
    lemon::NetworkSimplex<Graph, int, Cost> solver(graph);
    solver.lowerMap(lower).upperMap(upper).costMap(cost).supplyMap(supply);
    return run_solver(solver, flow, total);
}

int first_session(const Workshop& workshop) {
    for (int session : workshop.session_in_slot)
        if (session != kNone)
            return session;
    return kNone;
}

} // namespace

AggregateSolution solve_aggregate(const CostModel& model, AggregateShape shape) {
    const Instance& instance = model.instance();
    const int slots = static_cast<int>(instance.slots.size());
    const int people = static_cast<int>(instance.people.size());
    const int workshops = static_cast<int>(instance.workshops.size());
    Graph graph;
    Graph::ArcMap<int> lower(graph);
    Graph::ArcMap<int> upper(graph);
    Graph::ArcMap<Cost> cost(graph);
    Graph::NodeMap<int> supply(graph, 0);
    auto add_arc = [&](Graph::Node from, Graph::Node to, int low, int high, Cost arc_cost) {
        Graph::Arc arc = graph.addArc(from, to);
        lower[arc] = low;
        upper[arc] = high;
        cost[arc] = arc_cost;
        return arc;
    };
    Graph::Node sink = graph.addNode();
    std::vector<Graph::Node> workshop_node(workshops);
    std::vector<int> seats(workshops, 0);
    for (int workshop = 0; workshop < workshops; ++workshop) {
        workshop_node[workshop] = graph.addNode();
        for (int session : instance.workshops[workshop].session_in_slot)
            if (session != kNone)
                seats[workshop] += instance.sessions[session].capacity;
        add_arc(workshop_node[workshop], sink, 0, seats[workshop], 0);
    }
    // only_slot[workshop]: the one slot where the workshop has seats, or kNone.
    std::vector<int> only_slot(workshops, kNone);
    for (int workshop = 0; workshop < workshops; ++workshop) {
        int offered = 0;
        for (int slot = 0; slot < slots; ++slot) {
            int session = instance.workshops[workshop].session_in_slot[slot];
            if (session != kNone && instance.sessions[session].capacity > 0) {
                ++offered;
                only_slot[workshop] = slot;
            }
        }
        if (offered != 1)
            only_slot[workshop] = kNone;
    }
    std::vector<Graph::Node> only_slot_node(slots, lemon::INVALID);
    // One hub per group carries unranked places; it pools "never twice" for them, which only
    // loosens the relaxation.
    const int keys = model.group_key_count();
    std::vector<Graph::Node> hub(keys, lemon::INVALID);
    std::vector<std::vector<std::pair<int, Graph::Arc>>> hub_arcs(keys);
    struct PersonArc {
        int person;
        int workshop;
        Graph::Arc arc;
    };
    std::vector<PersonArc> person_arcs;
    std::vector<std::pair<int, Graph::Arc>> hub_entries;
    for (int person = 0; person < people; ++person) {
        const Person& who = instance.people[person];
        Graph::Node node = graph.addNode();
        supply[node] = slots;
        std::vector<int> candidates = who.choices;
        for (int workshop : who.must)
            if (std::find(candidates.begin(), candidates.end(), workshop) == candidates.end())
                candidates.push_back(workshop);
        // Workshops offered in one slot only compete for that slot: a person takes at most one
        // of them, through a node of capacity one per slot. This keeps the relaxation a flow and
        // closes much of what pooling the slots loses.
        std::fill(only_slot_node.begin(), only_slot_node.end(), lemon::INVALID);
        for (int workshop : candidates) {
            if (seats[workshop] == 0 || !model.is_eligible(person, workshop))
                continue;
            bool compulsory = std::find(who.must.begin(), who.must.end(), workshop) != who.must.end();
            Graph::Node from = node;
            if (int slot = only_slot[workshop]; slot != kNone && shape == AggregateShape::SlotGroups) {
                if (only_slot_node[slot] == lemon::INVALID) {
                    only_slot_node[slot] = graph.addNode();
                    add_arc(node, only_slot_node[slot], 0, 1, 0);
                }
                from = only_slot_node[slot];
            }
            person_arcs.push_back({person, workshop,
                                   add_arc(from, workshop_node[workshop], compulsory ? 1 : 0, 1,
                                           model.placement_cost(person, workshop))});
        }
        int key = model.group_key(person);
        if (hub[key] == lemon::INVALID) {
            hub[key] = graph.addNode();
            for (int workshop = 0; workshop < workshops; ++workshop)
                if (seats[workshop] > 0 && model.is_open_to_group_key(workshop, key))
                    hub_arcs[key].push_back(
                        {workshop, add_arc(hub[key], workshop_node[workshop], 0, seats[workshop], 0)});
        }
        hub_entries.push_back({person, add_arc(node, hub[key], 0, slots, model.unranked_cost())});
        add_arc(node, sink, 0, slots, model.unassigned_cost());
    }
    supply[sink] = -people * slots;
    AggregateSolution result;
    Graph::ArcMap<int> flow(graph, 0);
    if (!run_min_cost_flow(graph, lower, upper, cost, supply, flow, result.lower_bound))
        return result;
    result.feasible = true;
    std::vector<std::vector<int>> held(people);
    for (const PersonArc& entry : person_arcs)
        if (flow[entry.arc] > 0) {
            held[entry.person].push_back(entry.workshop);
            result.placements.push_back({entry.person, first_session(instance.workshops[entry.workshop])});
        }
    // Unranked places: each person takes, from their group's pooled flow, workshops they do not
    // hold yet, in workshop order.
    std::vector<std::vector<std::pair<int, int>>> pool(keys);
    for (int key = 0; key < keys; ++key)
        for (const auto& [workshop, arc] : hub_arcs[key])
            if (int amount = flow[arc]; amount > 0)
                pool[key].push_back({workshop, amount});
    for (const auto& [person, arc] : hub_entries) {
        auto& entries = pool[model.group_key(person)];
        for (int wanted = flow[arc]; wanted > 0; --wanted) {
            auto found = std::find_if(entries.begin(), entries.end(), [&](const std::pair<int, int>& entry) {
                return entry.second > 0 &&
                       std::find(held[person].begin(), held[person].end(), entry.first) == held[person].end();
            });
            if (found == entries.end())
                break;
            --found->second;
            held[person].push_back(found->first);
            result.placements.push_back({person, first_session(instance.workshops[found->first])});
        }
    }
    return result;
}

} // namespace trellis::allocation
