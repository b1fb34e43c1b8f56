// LEMON comes first: its headers clash with a MAX macro that some system headers define.
#include <lemon/cost_scaling.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include "allocation/search/slot_flow.h"

#include "allocation/search/transport.h"

#include <algorithm>
#include <optional>

namespace trellis::allocation {

namespace {

using Graph = lemon::SmartDigraph;
using FlowMap = Graph::ArcMap<int>;

// Above this many arcs cost scaling beats the network simplex on these assignment-like graphs.
constexpr int kCostScalingArcs = 200'000;

// Solves the min-cost flow exactly and stores the arc flows in flow.
void run_min_cost_flow(const Graph& graph, const FlowMap& upper, const Graph::ArcMap<Cost>& cost,
                       const Graph::NodeMap<int>& supply, FlowMap& flow) {
    if (graph.arcNum() >= kCostScalingArcs) {
        lemon::CostScaling<Graph, int, Cost> solver(graph);
        solver.upperMap(upper).costMap(cost).supplyMap(supply);
        solver.run();
        solver.flowMap(flow);
    } else {
        lemon::NetworkSimplex<Graph, int, Cost> solver(graph);
        solver.upperMap(upper).costMap(cost).supplyMap(supply);
        solver.run();
        solver.flowMap(flow);
    }
}

struct PlacementArc {
    int person;
    int session;
    Graph::Arc arc;
};

// Below this many person-session pairs every unranked placement gets its own arc; above it,
// unranked placements go through one hub node per audience group to keep the graph small.
constexpr long long kExplicitArcLimit = 3'000'000;

bool holds_elsewhere(const Allocation& current, const Instance& instance, int person, int slot,
                     int workshop) {
    const auto& row = current.session_of[person];
    for (int other = 0; other < static_cast<int>(row.size()); ++other)
        if (other != slot && row[other] != kNone && instance.sessions[row[other]].workshop == workshop)
            return true;
    return false;
}

class SlotFlow {
  public:
    SlotFlow(const CostModel& model, int slot, const Allocation& current, const std::vector<char>& pinned,
             SlotSolver solver)
        : m_model(model), m_instance(model.instance()), m_slot(slot), m_current(current), m_pinned(pinned),
          m_solver(solver) {}

    std::vector<int> solve() {
        if (m_solver == SlotSolver::Transport)
            if (auto fast = solve_by_transport())
                return *fast;
        const int people = static_cast<int>(m_instance.people.size());
        long long free_people = std::count(m_pinned.begin(), m_pinned.end(), 0);
        bool explicit_all = free_people * static_cast<long long>(m_model.sessions_in_slot(m_slot).size()) <=
                            kExplicitArcLimit;
        std::vector<char> explicit_person(people, explicit_all ? 1 : 0);
        // Hub placements ignore "never twice"; the rare person the decomposition cannot place
        // without a repeat gets explicit arcs and the flow is solved again.
        for (int attempt = 0;; ++attempt) {
            std::vector<int> stuck;
            std::vector<int> result = solve_once(explicit_person, stuck);
            if (stuck.empty())
                return result;
            for (int person : stuck)
                explicit_person[person] = 1;
            if (attempt > 8)
                std::fill(explicit_person.begin(), explicit_person.end(), 1);
        }
    }

  private:
    // The transport solver on the slot: exact and much faster than the general flow; nothing when
    // it cannot finish, and the general flow below takes over.
    std::optional<std::vector<int>> solve_by_transport() {
        const int people = static_cast<int>(m_instance.people.size());
        const auto& sessions = m_model.sessions_in_slot(m_slot);
        std::vector<int> residual(m_instance.sessions.size(), 0);
        for (int session : sessions)
            residual[session] = m_instance.sessions[session].capacity;
        for (int person = 0; person < people; ++person)
            if (m_pinned[person] && m_current.session_of[person][m_slot] != kNone)
                --residual[m_current.session_of[person][m_slot]];
        TransportProblem problem;
        problem.unranked_cost = m_model.unranked_cost();
        problem.unassigned_cost = m_model.unassigned_cost();
        std::vector<int> local(m_instance.sessions.size(), kNone);
        std::vector<int> global;
        for (int session : sessions)
            if (residual[session] > 0) {
                local[session] = static_cast<int>(global.size());
                global.push_back(session);
                problem.capacity.push_back(residual[session]);
            }
        const int keys = m_model.group_key_count();
        problem.hub_sessions.resize(keys);
        for (int key = 0; key < keys; ++key)
            for (int index = 0; index < static_cast<int>(global.size()); ++index)
                if (m_model.is_open_to_group_key(m_instance.sessions[global[index]].workshop, key))
                    problem.hub_sessions[key].push_back(index);
        std::vector<int> person_of;
        std::vector<TransportOption> options;
        for (int person = 0; person < people; ++person) {
            if (m_pinned[person])
                continue;
            options.clear();
            const auto& choices = m_instance.people[person].choices;
            for (int workshop : choices) {
                int session = m_instance.workshops[workshop].session_in_slot[m_slot];
                if (session == kNone || local[session] == kNone || !m_model.is_eligible(person, workshop) ||
                    holds_elsewhere(m_current, m_instance, person, m_slot, workshop))
                    continue;
                options.push_back({local[session], m_model.placement_cost(person, workshop)});
            }
            int key = m_model.group_key(person);
            add_transport_person(problem, options, problem.hub_sessions[key].empty() ? kNone : key);
            person_of.push_back(person);
        }
        problem.may_take_unranked = [&](int index, int session) {
            return !holds_elsewhere(m_current, m_instance, person_of[index], m_slot,
                                    m_instance.sessions[global[session]].workshop);
        };
        std::optional<TransportSolution> solution = solve_transport(problem);
        if (!solution)
            return std::nullopt;
        std::vector<int> result(people, kNone);
        for (int person = 0; person < people; ++person)
            if (m_pinned[person])
                result[person] = m_current.session_of[person][m_slot];
        for (std::size_t index = 0; index < person_of.size(); ++index)
            if (solution->session_of[index] != kNone)
                result[person_of[index]] = global[solution->session_of[index]];
        return result;
    }

    std::vector<int> solve_once(const std::vector<char>& explicit_person, std::vector<int>& stuck) {
        const int people = static_cast<int>(m_instance.people.size());
        const auto& sessions = m_model.sessions_in_slot(m_slot);
        Graph graph;
        Graph::ArcMap<int> upper(graph);
        Graph::ArcMap<Cost> cost(graph);
        Graph::NodeMap<int> supply(graph, 0);
        auto add_arc = [&](Graph::Node from, Graph::Node to, int capacity, Cost arc_cost) {
            Graph::Arc arc = graph.addArc(from, to);
            upper[arc] = capacity;
            cost[arc] = arc_cost;
            return arc;
        };
        Graph::Node sink = graph.addNode();
        std::vector<int> residual(m_instance.sessions.size(), 0);
        for (int session : sessions)
            residual[session] = m_instance.sessions[session].capacity;
        for (int person = 0; person < people; ++person)
            if (m_pinned[person] && m_current.session_of[person][m_slot] != kNone)
                --residual[m_current.session_of[person][m_slot]];
        std::vector<Graph::Node> session_node(m_instance.sessions.size(), lemon::INVALID);
        for (int session : sessions) {
            session_node[session] = graph.addNode();
            add_arc(session_node[session], sink, std::max(0, residual[session]), 0);
        }
        const int keys = m_model.group_key_count();
        std::vector<Graph::Node> hub(keys, lemon::INVALID);
        std::vector<Graph::Arc> hub_exit(keys, lemon::INVALID);
        std::vector<std::vector<std::pair<int, Graph::Arc>>> hub_arcs(keys);
        std::vector<PlacementArc> person_arcs;
        std::vector<std::pair<int, Graph::Arc>> hub_entries;
        int free_count = 0;
        for (int person = 0; person < people; ++person) {
            if (m_pinned[person])
                continue;
            ++free_count;
            Graph::Node node = graph.addNode();
            supply[node] = 1;
            // People who reach a hub leave unplaced through it (see below), saving an arc each.
            if (explicit_person[person])
                add_arc(node, sink, 1, m_model.unassigned_cost());
            const auto& choices = m_instance.people[person].choices;
            for (int workshop : choices)
                add_person_arc(graph, add_arc, node, person, workshop, session_node, residual, person_arcs);
            if (explicit_person[person]) {
                for (int session : sessions) {
                    int workshop = m_instance.sessions[session].workshop;
                    if (std::find(choices.begin(), choices.end(), workshop) == choices.end())
                        add_person_arc(graph, add_arc, node, person, workshop, session_node, residual,
                                       person_arcs);
                }
                continue;
            }
            int key = m_model.group_key(person);
            if (hub[key] == lemon::INVALID) {
                hub[key] = graph.addNode();
                hub_exit[key] =
                    add_arc(hub[key], sink, people, m_model.unassigned_cost() - m_model.unranked_cost());
                for (int session : sessions)
                    if (residual[session] > 0 &&
                        m_model.is_open_to_group_key(m_instance.sessions[session].workshop, key))
                        hub_arcs[key].push_back(
                            {session, add_arc(hub[key], session_node[session], residual[session], 0)});
            }
            hub_entries.push_back({person, add_arc(node, hub[key], 1, m_model.unranked_cost())});
        }
        supply[sink] = -free_count;
        FlowMap flow(graph, 0);
        run_min_cost_flow(graph, upper, cost, supply, flow);

        std::vector<int> result(people, kNone);
        for (int person = 0; person < people; ++person)
            if (m_pinned[person])
                result[person] = m_current.session_of[person][m_slot];
        for (const PlacementArc& placement : person_arcs)
            if (flow[placement.arc] > 0)
                result[placement.person] = placement.session;
        decompose_hubs(flow, hub_arcs, hub_exit, hub_entries, result, stuck);
        return result;
    }

    template <typename AddArc>
    void add_person_arc(Graph& graph, AddArc& add_arc, Graph::Node node, int person, int workshop,
                        const std::vector<Graph::Node>& session_node, const std::vector<int>& residual,
                        std::vector<PlacementArc>& person_arcs) {
        int session = m_instance.workshops[workshop].session_in_slot[m_slot];
        if (session == kNone || residual[session] <= 0 || !m_model.is_eligible(person, workshop) ||
            holds_elsewhere(m_current, m_instance, person, m_slot, workshop))
            return;
        Graph::Arc arc = add_arc(node, session_node[session], 1, m_model.placement_cost(person, workshop));
        person_arcs.push_back({person, session, arc});
    }

    // Turns the aggregate flow through each group's hub into one session per person, in input
    // order, skipping sessions of workshops the person attends in another slot.
    void decompose_hubs(const FlowMap& flow,
                        const std::vector<std::vector<std::pair<int, Graph::Arc>>>& hub_arcs,
                        const std::vector<Graph::Arc>& hub_exit,
                        const std::vector<std::pair<int, Graph::Arc>>& hub_entries, std::vector<int>& result,
                        std::vector<int>& stuck) {
        const int keys = static_cast<int>(hub_arcs.size());
        // How many of each hub's people the flow leaves unplaced; any of them may be, at equal cost.
        std::vector<int> unplaced(keys, 0);
        for (int key = 0; key < keys; ++key)
            if (hub_exit[key] != lemon::INVALID)
                unplaced[key] = flow[hub_exit[key]];
        std::vector<std::vector<std::pair<int, int>>> pool(keys);
        for (int key = 0; key < keys; ++key)
            for (const auto& [session, arc] : hub_arcs[key])
                if (int amount = flow[arc]; amount > 0)
                    pool[key].push_back({session, amount});
        std::vector<std::vector<int>> placed(keys);
        for (const auto& [person, arc] : hub_entries) {
            if (flow[arc] == 0)
                continue;
            int key = m_model.group_key(person);
            if (take_from_pool(person, pool[key], result) ||
                swap_with_earlier(person, pool[key], placed[key], result))
                placed[key].push_back(person);
            else if (unplaced[key] > 0)
                --unplaced[key];
            else
                stuck.push_back(person);
        }
    }

    bool allowed(int person, int session) const {
        return !holds_elsewhere(m_current, m_instance, person, m_slot, m_instance.sessions[session].workshop);
    }

    bool take_from_pool(int person, std::vector<std::pair<int, int>>& pool, std::vector<int>& result) const {
        for (auto& [session, amount] : pool)
            if (amount > 0 && allowed(person, session)) {
                result[person] = session;
                --amount;
                return true;
            }
        return false;
    }

    // When every seat left is one the person may not take, an earlier person who can move to one
    // of those seats hands over theirs.
    bool swap_with_earlier(int person, std::vector<std::pair<int, int>>& pool, const std::vector<int>& placed,
                           std::vector<int>& result) const {
        for (int earlier : placed) {
            if (!allowed(person, result[earlier]))
                continue;
            for (auto& [session, amount] : pool)
                if (amount > 0 && allowed(earlier, session)) {
                    result[person] = result[earlier];
                    result[earlier] = session;
                    --amount;
                    return true;
                }
        }
        return false;
    }

    const CostModel& m_model;
    const Instance& m_instance;
    int m_slot;
    const Allocation& m_current;
    const std::vector<char>& m_pinned;
    SlotSolver m_solver;
};

} // namespace

std::vector<int> solve_slot(const CostModel& model, int slot, const Allocation& current,
                            const std::vector<char>& pinned_in_slot, SlotSolver solver) {
    SlotFlow flow(model, slot, current, pinned_in_slot, solver);
    return flow.solve();
}

} // namespace trellis::allocation
