#pragma once

#include <string>
#include <vector>

#include "groups/model.h"

// Suggesting groups: people of the same phase, from as many schools as possible, of about the
// chosen size. Pure: the same people give the same groups.
namespace trellis::groups {

struct Candidate {
    long long person_id = 0;
    long long school_id = 0; // 0: the central team
    std::string phase;       // "" when the person has none
};

inline constexpr int kSmallestGroupSize = 3;
inline constexpr int kLargestGroupSize = 6;

// Groups of `size` people (3 to 6; sizes differ by at most one, and none is smaller than 3 unless
// fewer than 3 people are given). Each phase is grouped on its own; people of a phase too small to
// make a group join the nearest-sized group of another phase. Within a phase, each school's people
// are dealt across the groups in turn, so every group mixes schools as far as the numbers allow.
std::vector<NewGroup> suggest_groups(std::vector<Candidate> people, int size);

// Why one person is in their group, in a sentence for the lead: their phase against the others', and how
// many others from their school share the group. `group` holds everyone in it, the person too.
std::string why_here(const Candidate& person, const std::vector<Candidate>& group);

// Two people the lead has been asked to keep out of the same group (either may have asked; nobody
// else is told who).
struct Apart {
    long long first_id = 0;
    long long second_id = 0;
};

// Moves people between suggested groups so that no two kept apart share one: each clash is ended by
// swapping one of the two with someone of the same phase in another group (someone from the same
// school first, so that each group's mix of schools stays as it was), or of any phase when no one of
// the same phase can be swapped. Says in each changed group's reason that a request was honoured.
// Returns how many clashes could not be ended (too few groups, or nobody to swap with).
int keep_apart(std::vector<NewGroup>& groups, const std::vector<Candidate>& people,
               const std::vector<Apart>& apart);

} // namespace trellis::groups
