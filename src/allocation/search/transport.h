#pragma once
// An exact solver for one slot's placement problem, built for its shape: many people, few sessions.
// People are never nodes of the search. A person sits in a session, and the cost of moving them
// to another option is fixed, so each session keeps its members bucketed by that cost per target;
// shortest paths then run over sessions only (a few thousand nodes), with node potentials kept by
// the primal-dual method (Dijkstra, then as many zero reduced-cost augmenting paths as exist).

#include "allocation/model.h"

#include <functional>
#include <optional>

namespace trellis::allocation {

struct TransportOption {
    // A session index of the problem.
    int session{kNone};
    Cost cost{0};
};

struct TransportProblem {
    // Seats per session.
    std::vector<int> capacity;
    // hub_sessions[hub]: the sessions a person of that hub may take at the unranked cost.
    std::vector<std::vector<int>> hub_sessions;
    // People in compressed row form: options[option_start[p] .. option_start[p + 1]).
    std::vector<int> option_start{0};
    std::vector<TransportOption> options;
    // The hub of each person, or kNone when they may take no unranked seat.
    std::vector<int> hub;
    Cost unranked_cost{0};
    Cost unassigned_cost{0};
    // May the person take the session through their hub? (A person may not attend a workshop they
    // hold in another slot.) Absent means always.
    std::function<bool(int person, int session)> may_take_unranked;
};

struct TransportSolution {
    // Per person, the session taken or kNone for no seat.
    std::vector<int> session_of;
    // Per person, true when the seat was taken through the hub at the unranked cost.
    std::vector<char> unranked;
};

// Adds a person with their ranked options and hub; returns their index.
int add_transport_person(TransportProblem& problem, const std::vector<TransportOption>& options, int hub);

// Returns a minimum-cost placement, or nothing when the method cannot finish (too many phases, or
// negative costs); the caller then falls back to a general min-cost flow.
std::optional<TransportSolution> solve_transport(const TransportProblem& problem);

} // namespace trellis::allocation
