#pragma once
// The workshop allocation problem as plain data: an instance, an allocation and its result.
// Everything is indexed by position so that the solvers work on integers; the string ids are
// kept only to name things in output and errors (see shared/spec/allocation.md).

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace trellis::allocation {

using Cost = std::int64_t;

// Marks "no session" in an allocation and "no group" for a person.
inline constexpr int kNone = -1;

struct Policy {
    std::vector<Cost> rank_cost{0, 1, 4, 9, 16, 25};
    Cost unranked_cost{100};
    Cost unassigned_cost{10000};
};

struct Session {
    int workshop{kNone};
    int slot{kNone};
    int capacity{0};
};

struct Workshop {
    std::string id;
    std::string title;
    // Indices into Instance::groups; empty means open to everyone.
    std::vector<int> audience;
    // session_in_slot[slot] is an index into Instance::sessions or kNone.
    std::vector<int> session_in_slot;
};

struct Person {
    std::string id;
    int group{kNone};
    // Workshop indices, best first, without repeats.
    std::vector<int> choices;
    // Workshop indices the person must attend.
    std::vector<int> must;
};

struct Instance {
    std::vector<std::string> slots;
    std::vector<std::string> groups;
    std::vector<Workshop> workshops;
    std::vector<Session> sessions;
    std::vector<Person> people;
    Policy policy;
};

// session_of[person][slot] is the session the person attends in that slot, or kNone.
struct Allocation {
    std::vector<std::vector<int>> session_of;
};

// Why a person who made choices received none of them.
struct Explanation {
    int person{kNone};
    std::string reason;
};

struct Statistics {
    Cost objective{0};
    Cost lower_bound{0};
    double gap{0.0};
    double seconds{0.0};
    int people{0};
    // rank_counts[k] is how many placements were a person's (k+1)-th choice.
    std::vector<int> rank_counts;
    int unranked{0};
    int unassigned{0};
    int people_with_none_of_their_choices{0};
    bool proven_optimal{false};
    std::string method;
};

struct Result {
    Allocation allocation;
    Statistics statistics;
    std::vector<Explanation> unhappy;
};

// Thrown for input that breaks the rules of the spec; the message names the offending item.
class InputError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct Progress {
    std::string phase;
    int iteration{0};
    Cost objective{0};
    Cost lower_bound{0};
    double seconds{0.0};
};

struct Options {
    // Without a limit the engine stops on iteration counts only, so results are reproducible.
    std::optional<double> time_limit_seconds;
    std::function<void(const Progress&)> on_progress;
    // Instances with at most this many person-session pairs may be solved exactly as an integer
    // program when the heuristics leave a gap.
    std::int64_t exact_program_limit{20000};
    // Instances whose compact program (see compact_program.h), cut down to what could beat the best
    // allocation the flows find, has at most this many variables are solved by it with CBC.
    std::int64_t compact_program_limit{90000};
    // Instances with more person-slots than this skip the first sequential fill and the compact
    // program over everyone, and start from the pooled flow coloured into slots.
    std::int64_t lagrangian_limit{20000};
};

} // namespace trellis::allocation
