#include "groups/forming.h"

#include <algorithm>
#include <map>
#include <set>

namespace trellis::groups {

namespace {

std::string phase_label(const std::string& phase) {
    if (phase.empty())
        return "Across phases";
    std::string label = phase;
    label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    return label;
}

// How many groups n people make at about `size` each, none under the smallest size.
std::size_t group_count(std::size_t people, int size) {
    std::size_t count = (people + static_cast<std::size_t>(size) - 1) / static_cast<std::size_t>(size);
    while (count > 1 && people < count * kSmallestGroupSize)
        --count;
    return std::max<std::size_t>(count, 1);
}

// Deals a phase's people into groups: the largest school first, each school's people one to a
// group in turn, so that colleagues from one school are spread out.
std::vector<std::vector<Candidate>> deal(std::vector<Candidate> people, int size) {
    std::map<long long, int> school_sizes;
    for (const Candidate& person : people)
        ++school_sizes[person.school_id];
    std::sort(people.begin(), people.end(), [&](const Candidate& a, const Candidate& b) {
        const int size_a = school_sizes[a.school_id], size_b = school_sizes[b.school_id];
        if (size_a != size_b)
            return size_a > size_b;
        return a.school_id != b.school_id ? a.school_id < b.school_id : a.person_id < b.person_id;
    });
    std::vector<std::vector<Candidate>> dealt(group_count(people.size(), size));
    for (std::size_t i = 0; i < people.size(); ++i)
        dealt[i % dealt.size()].push_back(people[i]);
    return dealt;
}

std::string why_of(const std::string& phase, const std::vector<Candidate>& members) {
    std::set<long long> schools;
    for (const Candidate& member : members)
        schools.insert(member.school_id);
    return phase_label(phase) + ": " + std::to_string(members.size()) + " people from " +
           std::to_string(schools.size()) + (schools.size() == 1 ? " school" : " schools") +
           (schools.size() == 1 ? ", as they all work there" : ", each school's people spread across groups");
}

} // namespace

std::vector<NewGroup> suggest_groups(std::vector<Candidate> people, int size) {
    size = std::clamp(size, kSmallestGroupSize, kLargestGroupSize);
    std::map<std::string, std::vector<Candidate>> by_phase;
    for (Candidate& person : people)
        by_phase[person.phase].push_back(std::move(person));
    std::vector<Candidate> too_few; // from phases with fewer people than the smallest group
    std::vector<NewGroup> groups;
    for (auto& [phase, members] : by_phase) {
        if (members.size() < kSmallestGroupSize && by_phase.size() > 1) {
            too_few.insert(too_few.end(), members.begin(), members.end());
            continue;
        }
        int number = 0;
        for (const auto& dealt : deal(members, size)) {
            NewGroup group{
                phase_label(phase) + " group " + std::to_string(++number), {}, why_of(phase, dealt)};
            for (const Candidate& member : dealt)
                group.people.push_back(member.person_id);
            groups.push_back(std::move(group));
        }
    }
    if (too_few.size() >= kSmallestGroupSize || groups.empty()) {
        for (const auto& dealt : deal(too_few, size)) {
            NewGroup group{"Mixed phases group " + std::to_string(groups.size() + 1),
                           {},
                           "Mixed phases: too few of each phase to make a group of their own"};
            for (const Candidate& member : dealt)
                group.people.push_back(member.person_id);
            if (!group.people.empty())
                groups.push_back(std::move(group));
        }
    } else {
        // One or two left over: each joins the smallest group so far.
        for (const Candidate& person : too_few) {
            auto smallest = std::min_element(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
                return a.people.size() < b.people.size();
            });
            smallest->people.push_back(person.person_id);
            const std::string joined =
                "; with " + phase_label(person.phase) + " colleagues too few to make a group of their own";
            if (smallest->why.find(joined) == std::string::npos)
                smallest->why += joined;
        }
    }
    return groups;
}

std::string why_here(const Candidate& person, const std::vector<Candidate>& group) {
    int others = 0, same_phase = 0, same_school = 0;
    for (const Candidate& member : group) {
        if (member.person_id == person.person_id)
            continue;
        ++others;
        same_phase += member.phase == person.phase ? 1 : 0;
        same_school += member.school_id == person.school_id ? 1 : 0;
    }
    std::string phase = phase_label(person.phase);
    if (others == 0)
        return phase + ", on their own so far";
    std::string why = same_phase == others ? phase + ", like everyone else in the group"
                      : same_phase > 0     ? phase + ", with " + std::to_string(same_phase) +
                                             (same_phase == 1 ? " other" : " others") + " of that phase"
                                       : phase + ": too few of that phase to make a group of their own";
    if (same_school == 0)
        return why + "; the only one from their school";
    return why + "; with " + std::to_string(same_school) + (same_school == 1 ? " colleague" : " colleagues") +
           " from their school";
}

namespace {

// Who is kept apart from whom, both ways.
using Clashes = std::map<long long, std::set<long long>>;

bool clashes_in(const NewGroup& group, long long person_id, long long leaving_id, const Clashes& clashes) {
    const auto found = clashes.find(person_id);
    if (found == clashes.end())
        return false;
    return std::any_of(group.people.begin(), group.people.end(), [&](long long member) {
        return member != leaving_id && member != person_id && found->second.count(member);
    });
}

// The best swap for `mover` out of groups[from]: someone in another group who can take its place
// without a clash either way, preferring the same phase, then the same school. Returns the group and
// the position there, or (-1, -1).
std::pair<int, int> best_swap(const std::vector<NewGroup>& groups, std::size_t from, long long mover,
                              const std::map<long long, Candidate>& by_id, const Clashes& clashes) {
    const Candidate& moving = by_id.at(mover);
    int best_score = -1;
    std::pair<int, int> best{-1, -1};
    for (std::size_t to = 0; to < groups.size(); ++to) {
        if (to == from)
            continue;
        for (std::size_t position = 0; position < groups[to].people.size(); ++position) {
            const long long other = groups[to].people[position];
            const auto candidate = by_id.find(other);
            if (candidate == by_id.end())
                continue;
            if (clashes_in(groups[to], mover, other, clashes) ||
                clashes_in(groups[from], other, mover, clashes))
                continue;
            const int score = (candidate->second.phase == moving.phase ? 2 : 0) +
                              (candidate->second.school_id == moving.school_id ? 1 : 0);
            if (score > best_score) {
                best_score = score;
                best = {static_cast<int>(to), static_cast<int>(position)};
            }
        }
    }
    return best;
}

void note_honoured(NewGroup& group) {
    const std::string honoured = "; a request to keep two people apart is honoured";
    if (group.why.find(honoured) == std::string::npos)
        group.why += honoured;
}

} // namespace

int keep_apart(std::vector<NewGroup>& groups, const std::vector<Candidate>& people,
               const std::vector<Apart>& apart) {
    Clashes clashes;
    for (const Apart& pair : apart) {
        clashes[pair.first_id].insert(pair.second_id);
        clashes[pair.second_id].insert(pair.first_id);
    }
    std::map<long long, Candidate> by_id;
    for (const Candidate& person : people)
        by_id[person.person_id] = person;
    int unmet = 0;
    for (const Apart& pair : apart) {
        for (std::size_t from = 0; from < groups.size(); ++from) {
            auto& members = groups[from].people;
            const bool both = std::count(members.begin(), members.end(), pair.first_id) &&
                              std::count(members.begin(), members.end(), pair.second_id);
            if (!both)
                continue;
            // Move whichever of the two has the better swap.
            auto [to, position] = best_swap(groups, from, pair.second_id, by_id, clashes);
            long long mover = pair.second_id;
            if (to < 0) {
                std::tie(to, position) = best_swap(groups, from, pair.first_id, by_id, clashes);
                mover = pair.first_id;
            }
            if (to < 0) {
                ++unmet;
                break;
            }
            std::swap(*std::find(members.begin(), members.end(), mover), groups[to].people[position]);
            note_honoured(groups[from]);
            note_honoured(groups[to]);
            break;
        }
    }
    return unmet;
}

} // namespace trellis::groups
