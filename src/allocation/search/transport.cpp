#include "allocation/search/transport.h"

#include <algorithm>
#include <limits>
#include <queue>
#include <unordered_map>

namespace trellis::allocation {

namespace {

constexpr Cost kUnreached = std::numeric_limits<Cost>::max() / 4;
// Each phase raises the shortest augmenting distance by at least one; past this many the
// general flow is the safer choice.
constexpr int kMaxPhases = 20000;

// The people in a node who could move to one target, grouped by what the move costs them.
struct Bucket {
    Cost delta{0};
    std::vector<int> moves;
};

struct Edge {
    int target{kNone};
    // The cheapest delta, kept beside the target so that scans stay in one array.
    Cost best{kUnreached};
    // Sorted by delta; never holds an empty bucket, so the first is the cheapest move.
    std::vector<Bucket> buckets;
};

struct Move {
    int target{kNone};
    Cost cost{0};
};

struct Node {
    std::vector<Edge> edges;
    std::unordered_map<int, int> edge_of;
};

// Nodes: 0 is the queue of people not yet placed, then one per session, one per hub, and last
// the sink that a free seat (or leaving a person without a seat) leads to.
class Solver {
  public:
    explicit Solver(const TransportProblem& problem)
        : m_problem(problem), m_sessions(static_cast<int>(problem.capacity.size())),
          m_hubs(static_cast<int>(problem.hub_sessions.size())), m_sink(m_sessions + m_hubs + 1),
          m_nodes(m_sink + 1), m_potential(m_sink + 1, 0), m_load(m_sessions, 0), m_next(m_sink + 1, 0),
          m_dead(m_sink + 1, 0), m_level(m_sink + 1, kNone) {}

    std::optional<TransportSolution> run() {
        build();
        for (int phase = 0; m_waiting > 0; ++phase) {
            if (phase >= kMaxPhases || !shortest_paths() || !augment_all())
                return std::nullopt;
        }
        TransportSolution solution;
        const int people = static_cast<int>(m_node.size());
        solution.session_of.assign(people, kNone);
        solution.unranked.assign(people, 0);
        for (int person = 0; person < people; ++person)
            if (is_session(m_node[person])) {
                solution.session_of[person] = m_node[person] - 1;
                solution.unranked[person] = m_via_hub[person];
            }
        return solution;
    }

  private:
    bool is_session(int node) const { return node >= 1 && node <= m_sessions; }
    bool is_hub(int node) const { return node > m_sessions && node < m_sink; }

    void build() {
        const int people = static_cast<int>(m_problem.hub.size());
        m_move_start.assign(1, 0);
        for (int person = 0; person < people; ++person) {
            for (int index = m_problem.option_start[person]; index < m_problem.option_start[person + 1];
                 ++index) {
                const TransportOption& option = m_problem.options[index];
                m_moves.push_back({option.session + 1, option.cost});
            }
            m_hub_move.push_back(kNone);
            if (m_problem.hub[person] != kNone) {
                m_hub_move.back() = static_cast<int>(m_moves.size());
                m_moves.push_back({m_sessions + 1 + m_problem.hub[person], m_problem.unranked_cost});
            }
            m_moves.push_back({m_sink, m_problem.unassigned_cost});
            m_move_start.push_back(static_cast<int>(m_moves.size()));
        }
        m_owner.resize(m_moves.size());
        for (int person = 0; person < people; ++person)
            for (int move = m_move_start[person]; move < m_move_start[person + 1]; ++move)
                m_owner[move] = person;
        m_position.assign(m_moves.size(), kNone);
        m_extra_start.assign(people, 0);
        m_extra_end.assign(people, 0);
        m_node.assign(people, 0);
        m_cost.assign(people, 0);
        m_via_hub.assign(people, 0);
        m_waiting = people;
        for (int person = 0; person < people; ++person)
            attach(person);
    }

    Edge& edge(int from, int target) {
        Node& node = m_nodes[from];
        auto [found, inserted] = node.edge_of.try_emplace(target, static_cast<int>(node.edges.size()));
        if (inserted)
            node.edges.push_back({target, kUnreached, {}});
        return node.edges[found->second];
    }

    // Lists the person's moves in the edges of the node they are in.
    void attach(int person) {
        int from = m_node[person];
        if (from == m_sink)
            return;
        for_each_move(person, [&](int move) {
            if (m_moves[move].target == from || m_moves[move].target == kNone)
                return;
            Cost delta = m_moves[move].cost - m_cost[person];
            Edge& arc = edge(from, m_moves[move].target);
            auto& buckets = arc.buckets;
            auto bucket =
                std::lower_bound(buckets.begin(), buckets.end(), delta,
                                 [](const Bucket& entry, Cost value) { return entry.delta < value; });
            if (bucket == buckets.end() || bucket->delta != delta)
                bucket = buckets.insert(bucket, Bucket{delta, {}});
            m_position[move] = static_cast<int>(bucket->moves.size());
            bucket->moves.push_back(move);
            arc.best = buckets.front().delta;
        });
    }

    template <typename Visit> void for_each_move(int person, const Visit& visit) const {
        for (int move = m_move_start[person]; move < m_move_start[person + 1]; ++move)
            visit(move);
        for (int move = m_extra_start[person]; move < m_extra_end[person]; ++move)
            visit(move);
    }

    // Replaces the person's hub move by one unranked move per session they may take: the hub
    // stands for sessions some of its people may not take. The new arcs cost what the path through
    // the hub cost, so the potentials stay valid.
    void expand_hub(int person) {
        detach(person);
        int hub = m_problem.hub[person];
        m_moves[m_hub_move[person]].target = kNone;
        m_extra_start[person] = static_cast<int>(m_moves.size());
        for (int session : m_problem.hub_sessions[hub]) {
            bool ranked = false;
            for (int index = m_problem.option_start[person]; index < m_problem.option_start[person + 1];
                 ++index)
                ranked = ranked || m_problem.options[index].session == session;
            if (ranked || (m_problem.may_take_unranked && !m_problem.may_take_unranked(person, session)))
                continue;
            m_moves.push_back({session + 1, m_problem.unranked_cost});
            m_owner.push_back(person);
            m_position.push_back(kNone);
        }
        m_extra_end[person] = static_cast<int>(m_moves.size());
        attach(person);
    }

    void detach(int person) {
        int from = m_node[person];
        if (from == m_sink)
            return;
        for_each_move(person, [&](int move) {
            if (m_position[move] == kNone)
                return;
            Cost delta = m_moves[move].cost - m_cost[person];
            Edge& arc = edge(from, m_moves[move].target);
            auto& buckets = arc.buckets;
            auto bucket =
                std::lower_bound(buckets.begin(), buckets.end(), delta,
                                 [](const Bucket& entry, Cost value) { return entry.delta < value; });
            auto& moves = bucket->moves;
            int last = moves.back();
            moves[m_position[move]] = last;
            m_position[last] = m_position[move];
            moves.pop_back();
            m_position[move] = kNone;
            if (moves.empty())
                buckets.erase(bucket);
            arc.best = buckets.empty() ? kUnreached : buckets.front().delta;
        });
    }

    // The candidate arcs of a node in a fixed order: a session's free seat first, then a hub's
    // sessions, then the members' moves. Returns the target and the reduced cost, or false.
    bool candidate(int node, int index, int& target, Cost& reduced) const {
        if (is_session(node)) {
            if (index == 0) {
                if (m_load[node - 1] >= m_problem.capacity[node - 1])
                    return false;
                target = m_sink;
                reduced = m_potential[node] - m_potential[m_sink];
                return true;
            }
            --index;
        } else if (is_hub(node)) {
            const auto& sessions = m_problem.hub_sessions[node - m_sessions - 1];
            if (index < static_cast<int>(sessions.size())) {
                target = sessions[index] + 1;
                reduced = m_potential[node] - m_potential[target];
                return true;
            }
            index -= static_cast<int>(sessions.size());
        }
        const Edge& arc = m_nodes[node].edges[index];
        if (arc.best == kUnreached)
            return false;
        target = arc.target;
        reduced = arc.best + m_potential[node] - m_potential[target];
        return true;
    }

    int candidate_count(int node) const {
        int count = static_cast<int>(m_nodes[node].edges.size());
        if (is_session(node))
            ++count;
        else if (is_hub(node))
            count += static_cast<int>(m_problem.hub_sessions[node - m_sessions - 1].size());
        return count;
    }

    // Dijkstra from the queue on reduced costs, stopped at the sink; potentials then make every
    // arc of a shortest path tight. False if a reduced cost is negative (never, if costs are not).
    bool shortest_paths() {
        std::vector<Cost> distance(m_nodes.size(), kUnreached);
        std::vector<char> settled(m_nodes.size(), 0);
        using Entry = std::pair<Cost, int>;
        std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
        distance[0] = 0;
        heap.push({0, 0});
        while (!heap.empty()) {
            auto [reach, node] = heap.top();
            heap.pop();
            if (settled[node])
                continue;
            settled[node] = 1;
            if (node == m_sink)
                break;
            for (int index = 0, count = candidate_count(node); index < count; ++index) {
                int target = kNone;
                Cost reduced = 0;
                if (!candidate(node, index, target, reduced))
                    continue;
                if (reduced < 0)
                    return false;
                if (reach + reduced < distance[target]) {
                    distance[target] = reach + reduced;
                    heap.push({distance[target], target});
                }
            }
        }
        Cost limit = distance[m_sink];
        if (limit >= kUnreached)
            return false;
        for (std::size_t node = 0; node < m_nodes.size(); ++node)
            m_potential[node] += std::min(distance[node], limit);
        return true;
    }

    // Finds augmenting paths of tight arcs until none is left, as Dinic does: breadth-first levels
    // from the queue, then depth-first paths that climb one level per arc. Tight arcs form
    // cycles, and levels keep the search from going round them; a node found to be a dead end
    // stays one until the levels are recomputed.
    bool augment_all() {
        bool any = false;
        while (m_waiting > 0 && compute_levels()) {
            int found = blocking_paths();
            if (found == 0)
                break;
            any = true;
        }
        return any;
    }

    // Breadth-first levels over tight arcs; false when the sink cannot be reached.
    bool compute_levels() {
        std::fill(m_level.begin(), m_level.end(), kNone);
        std::vector<int> queue{0};
        m_level[0] = 0;
        for (std::size_t head = 0; head < queue.size(); ++head) {
            int node = queue[head];
            if (m_level[m_sink] != kNone && m_level[node] >= m_level[m_sink])
                break;
            for (int index = 0, count = candidate_count(node); index < count; ++index) {
                int target = kNone;
                Cost reduced = 0;
                if (!candidate(node, index, target, reduced) || reduced != 0 || m_level[target] != kNone)
                    continue;
                m_level[target] = m_level[node] + 1;
                queue.push_back(target);
            }
        }
        return m_level[m_sink] != kNone;
    }

    // Depth-first augmenting paths in the level graph until none is left; the number found. A
    // path refused at a hub ends the round (its people now have other arcs) and counts as found.
    int blocking_paths() {
        std::fill(m_next.begin(), m_next.end(), 0);
        std::fill(m_dead.begin(), m_dead.end(), 0);
        std::vector<int> path;
        std::vector<int> used;
        int found = 0;
        while (m_waiting > 0) {
            path.assign(1, 0);
            used.clear();
            bool reached = false;
            while (!path.empty() && !reached) {
                int node = path.back();
                int target = kNone;
                Cost reduced = 0;
                bool advanced = false;
                for (int count = candidate_count(node); m_next[node] < count; ++m_next[node]) {
                    if (candidate(node, m_next[node], target, reduced) && reduced == 0 && !m_dead[target] &&
                        m_level[target] == m_level[node] + 1) {
                        advanced = true;
                        break;
                    }
                }
                if (!advanced) {
                    m_dead[node] = 1;
                    path.pop_back();
                    if (!used.empty())
                        used.pop_back();
                    continue;
                }
                used.push_back(m_next[node]);
                path.push_back(target);
                reached = target == m_sink;
            }
            if (!reached)
                break;
            if (!apply(path, used))
                return found + 1;
            // Moves may make arcs tight behind where a node's search stands; the next levels find them.
            ++found;
        }
        return found;
    }

    // Moves one person along each arc of the path. False, with nothing moved, if a hub arc has no
    // member who may take the session it leads to: those members get explicit unranked moves.
    bool apply(const std::vector<int>& path, const std::vector<int>& used) {
        struct Shift {
            int person;
            int node;
            Cost cost;
            bool via_hub;
        };
        std::vector<Shift> shifts;
        int filled = kNone;
        const int steps = static_cast<int>(used.size());
        for (int step = 0; step < steps; ++step) {
            int from = path[step];
            int index = used[step];
            if (is_session(from)) {
                if (index == 0) {
                    filled = from - 1;
                    continue;
                }
                --index;
            }
            if (is_hub(from))
                continue;
            const Edge& arc = m_nodes[from].edges[index];
            const auto& moves = arc.buckets.front().moves;
            if (is_hub(arc.target)) {
                int session = path[step + 2] - 1;
                int chosen = kNone;
                for (auto move = moves.rbegin(); move != moves.rend(); ++move)
                    if (!m_problem.may_take_unranked ||
                        m_problem.may_take_unranked(m_owner[*move], session)) {
                        chosen = *move;
                        break;
                    }
                if (chosen == kNone) {
                    std::vector<int> refused;
                    for (int move : moves)
                        refused.push_back(m_owner[move]);
                    for (int person : refused)
                        expand_hub(person);
                    return false;
                }
                shifts.push_back({m_owner[chosen], session + 1, m_moves[chosen].cost, true});
            } else {
                int chosen = moves.back();
                shifts.push_back({m_owner[chosen], arc.target, m_moves[chosen].cost, false});
            }
        }
        if (filled != kNone)
            ++m_load[filled];
        for (const Shift& shift : shifts) {
            if (m_node[shift.person] == 0)
                --m_waiting;
            detach(shift.person);
            m_node[shift.person] = shift.node;
            m_cost[shift.person] = shift.cost;
            m_via_hub[shift.person] = shift.via_hub ? 1 : 0;
            attach(shift.person);
        }
        return true;
    }

    const TransportProblem& m_problem;
    int m_sessions;
    int m_hubs;
    int m_sink;
    std::vector<Node> m_nodes;
    std::vector<Cost> m_potential;
    std::vector<int> m_load;
    std::vector<int> m_move_start;
    std::vector<Move> m_moves;
    std::vector<int> m_owner;
    std::vector<int> m_hub_move;
    // Explicit unranked moves that replaced a person's hub move: [m_extra_start, m_extra_end).
    std::vector<int> m_extra_start;
    std::vector<int> m_extra_end;
    // Where each move sits in its bucket, or kNone when it is not listed.
    std::vector<int> m_position;
    std::vector<int> m_node;
    std::vector<Cost> m_cost;
    std::vector<char> m_via_hub;
    int m_waiting{0};
    std::vector<int> m_next;
    std::vector<char> m_dead;
    std::vector<int> m_level;
};

} // namespace

int add_transport_person(TransportProblem& problem, const std::vector<TransportOption>& options, int hub) {
    problem.options.insert(problem.options.end(), options.begin(), options.end());
    problem.option_start.push_back(static_cast<int>(problem.options.size()));
    problem.hub.push_back(hub);
    return static_cast<int>(problem.hub.size()) - 1;
}

std::optional<TransportSolution> solve_transport(const TransportProblem& problem) {
    Solver solver(problem);
    return solver.run();
}

} // namespace trellis::allocation
