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

} // namespace trellis::groups
