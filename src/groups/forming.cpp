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

} // namespace trellis::groups
