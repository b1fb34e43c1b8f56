// LEMON comes first: its headers clash with a MAX macro that some system headers define.
#include <lemon/cost_scaling.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include "allocation/bounds/aggregate_flow.h"

#include <algorithm>
#include <cstdint>

namespace trellis::allocation {

namespace {

using Graph = lemon::SmartDigraph;

// Above this many arcs cost scaling beats the network simplex on these assignment-like graphs
// (on the 15,000-person bench instance, 0.3 s against 1.1 s).
constexpr int kCostScalingArcs = 50'000;

template <typename Solver>
bool run_solver(Solver& solver, Graph::ArcMap<int>& flow, Graph::NodeMap<Cost>& potential, Cost& total) {
    if (solver.run() != Solver::OPTIMAL)
        return false;
    solver.flowMap(flow);
    solver.potentialMap(potential);
    total = solver.template totalCost<Cost>();
    return true;
}

bool run_min_cost_flow(const Graph& graph, const Graph::ArcMap<int>& lower, const Graph::ArcMap<int>& upper,
                       const Graph::ArcMap<Cost>& cost, const Graph::NodeMap<int>& supply,
                       Graph::ArcMap<int>& flow, Graph::NodeMap<Cost>& potential, Cost& total) {
    if (graph.arcNum() >= kCostScalingArcs) {
        lemon::CostScaling<Graph, int, Cost> solver(graph);
        solver.lowerMap(lower).upperMap(upper).costMap(cost).supplyMap(supply);
        return run_solver(solver, flow, potential, total);
    }
    lemon::NetworkSimplex<Graph, int, Cost> solver(graph);
    solver.lowerMap(lower).upperMap(upper).costMap(cost).supplyMap(supply);
    return run_solver(solver, flow, potential, total);
}

// The lowest slot in a non-empty mask of slots.
int lowest_slot(std::uint64_t mask) {
    int slot = 0;
    while (((mask >> slot) & 1) == 0)
        ++slot;
    return slot;
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
    // offered[workshop]: the slots where the workshop has seats, as bits (grouping needs at most
    // 64 slots; past that every mask is zero and nothing is grouped).
    std::vector<std::uint64_t> offered(workshops, 0);
    const bool grouping = shape == AggregateShape::SlotGroups && slots <= 64;
    if (grouping)
        for (int workshop = 0; workshop < workshops; ++workshop)
            for (int slot = 0; slot < slots; ++slot) {
                int session = instance.workshops[workshop].session_in_slot[slot];
                if (session != kNone && instance.sessions[session].capacity > 0)
                    offered[workshop] |= std::uint64_t{1} << slot;
            }
    std::vector<Graph::Node> single_node(slots, lemon::INVALID);
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
    std::vector<std::pair<int, Graph::Arc>> sink_entries;
    for (int person = 0; person < people; ++person) {
        const Person& who = instance.people[person];
        Graph::Node node = graph.addNode();
        supply[node] = slots;
        std::vector<int> candidates = who.choices;
        for (int workshop : who.must)
            if (std::find(candidates.begin(), candidates.end(), workshop) == candidates.end())
                candidates.push_back(workshop);
        // A person attends at most one workshop per slot, so of their workshops offered only in
        // slot t they take at most one, and of those offered only within slots {a, b} at most
        // two. Nodes of capacity one per slot and two for one pair of slots (the pair holding
        // most of the person's workshops; one pair keeps the groups nested, so still a flow)
        // keep these limits, which pooling the slots loses.
        std::vector<int> usable;
        for (int workshop : candidates)
            if (seats[workshop] > 0 && model.is_eligible(person, workshop))
                usable.push_back(workshop);
        std::uint64_t pair_mask = 0;
        int pair_count = 2;
        for (int first = 0; grouping && first < slots; ++first)
            for (int second = first + 1; second < slots; ++second) {
                std::uint64_t mask = (std::uint64_t{1} << first) | (std::uint64_t{1} << second);
                int count = static_cast<int>(std::count_if(usable.begin(), usable.end(), [&](int workshop) {
                    return offered[workshop] != 0 && (offered[workshop] & ~mask) == 0;
                }));
                if (count > pair_count) {
                    pair_count = count;
                    pair_mask = mask;
                }
            }
        Graph::Node pair_node = lemon::INVALID;
        auto pair_group = [&] {
            if (pair_node == lemon::INVALID) {
                pair_node = graph.addNode();
                add_arc(node, pair_node, 0, 2, 0);
            }
            return pair_node;
        };
        std::fill(single_node.begin(), single_node.end(), lemon::INVALID);
        auto single_group = [&](int slot) {
            if (single_node[slot] == lemon::INVALID) {
                single_node[slot] = graph.addNode();
                bool in_pair = (pair_mask >> slot) & 1;
                add_arc(in_pair ? pair_group() : node, single_node[slot], 0, 1, 0);
            }
            return single_node[slot];
        };
        for (int workshop : usable) {
            bool compulsory = std::find(who.must.begin(), who.must.end(), workshop) != who.must.end();
            Graph::Node from = node;
            std::uint64_t mask = offered[workshop];
            if (mask != 0 && (mask & (mask - 1)) == 0)
                from = single_group(lowest_slot(mask));
            else if (mask != 0 && mask == pair_mask)
                from = pair_group();
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
        sink_entries.push_back({person, add_arc(node, sink, 0, slots, model.unassigned_cost())});
    }
    supply[sink] = -people * slots;
    AggregateSolution result;
    Graph::ArcMap<int> flow(graph, 0);
    Graph::NodeMap<Cost> potential(graph, 0);
    if (!run_min_cost_flow(graph, lower, upper, cost, supply, flow, potential, result.lower_bound))
        return result;
    result.feasible = true;
    // An arc above its lower bound costs its reduced cost over the bound; group nodes have one arc
    // in, so a pair's path is its arc, the chain of group arcs up to the person, and the sink arc.
    auto positive = [&](Graph::Arc arc) {
        return lower[arc] > 0 ? 0
                              : std::max<Cost>(0, cost[arc] + potential[graph.source(arc)] -
                                                      potential[graph.target(arc)]);
    };
    auto to_sink = [&](Graph::Node workshop) { return positive(Graph::OutArcIt(graph, workshop)); };
    AggregateReducedCosts& reduced = result.reduced;
    reduced.unranked.assign(people, 0);
    reduced.empty.assign(people, 0);
    reduced.pool.resize(keys);
    for (const PersonArc& entry : person_arcs) {
        const Graph::Arc arc = entry.arc;
        Cost path = positive(arc) + to_sink(graph.target(arc));
        for (Graph::Node node = graph.source(arc); supply[node] == 0;) {
            Graph::InArcIt in(graph, node);
            path += positive(in);
            node = graph.source(in);
        }
        reduced.named.push_back({entry.person, entry.workshop, path,
                                 cost[arc] + potential[graph.source(arc)] - potential[graph.target(arc)]});
    }
    for (int key = 0; key < keys; ++key)
        for (const auto& [workshop, arc] : hub_arcs[key])
            reduced.pool[key].push_back({workshop, positive(arc) + to_sink(graph.target(arc))});
    for (const auto& [person, arc] : hub_entries)
        reduced.unranked[person] = positive(arc);
    for (const auto& [person, arc] : sink_entries)
        reduced.empty[person] = positive(arc);
    result.support = support_within(reduced, 0);
    result.workshop_price.resize(workshops);
    for (int workshop = 0; workshop < workshops; ++workshop)
        result.workshop_price[workshop] =
            std::max<Cost>(0, potential[sink] - potential[workshop_node[workshop]]);
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

AggregateSupport support_within(const AggregateReducedCosts& reduced, Cost slack) {
    AggregateSupport support;
    const std::size_t people = reduced.unranked.size();
    support.named.resize(people);
    support.required.resize(people);
    support.unranked.assign(people, 0);
    support.empty.assign(people, 0);
    for (const auto& pair : reduced.named) {
        if (pair.path <= slack)
            support.named[pair.person].push_back(pair.workshop);
        if (pair.own < -slack)
            support.required[pair.person].push_back(pair.workshop);
    }
    for (std::size_t person = 0; person < people; ++person) {
        support.unranked[person] = reduced.unranked[person] <= slack ? 1 : 0;
        support.empty[person] = reduced.empty[person] <= slack ? 1 : 0;
    }
    support.pool.resize(reduced.pool.size());
    for (std::size_t key = 0; key < reduced.pool.size(); ++key)
        for (const auto& [workshop, path] : reduced.pool[key])
            if (path <= slack)
                support.pool[key].push_back(workshop);
    return support;
}

AggregateSupport intersect(const AggregateSupport& first, const AggregateSupport& second) {
    auto both = [](const std::vector<int>& left, const std::vector<int>& right) {
        std::vector<int> common;
        for (int item : left)
            if (std::find(right.begin(), right.end(), item) != right.end())
                common.push_back(item);
        return common;
    };
    // The slots a support allows the person's named workshop, all when it does not say.
    auto slots_of = [](const AggregateSupport& support, std::size_t person, int workshop) {
        if (support.named_slots.empty())
            return ~std::uint64_t{0};
        const auto& named = support.named[person];
        auto found = std::find(named.begin(), named.end(), workshop);
        return support.named_slots[person][found - named.begin()];
    };
    AggregateSupport support;
    const std::size_t people = first.named.size();
    support.named.resize(people);
    support.named_slots.resize(people);
    support.required.resize(people);
    support.unranked.assign(people, 0);
    support.empty.assign(people, 0);
    for (std::size_t person = 0; person < people; ++person) {
        for (int workshop : both(first.named[person], second.named[person]))
            if (std::uint64_t slots =
                    slots_of(first, person, workshop) & slots_of(second, person, workshop)) {
                support.named[person].push_back(workshop);
                support.named_slots[person].push_back(slots);
            }
        support.required[person] = first.required[person];
        for (int workshop : second.required[person])
            if (std::find(first.required[person].begin(), first.required[person].end(), workshop) ==
                first.required[person].end())
                support.required[person].push_back(workshop);
        support.unranked[person] = first.unranked[person] && second.unranked[person] ? 1 : 0;
        support.empty[person] = first.empty[person] && second.empty[person] ? 1 : 0;
    }
    support.pool.resize(first.pool.size());
    for (std::size_t key = 0; key < first.pool.size(); ++key)
        support.pool[key] = both(first.pool[key], second.pool[key]);
    return support;
}

} // namespace trellis::allocation
