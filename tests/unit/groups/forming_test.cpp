#include <gtest/gtest.h>

#include <map>
#include <set>

#include "groups/forming.h"

namespace trellis::groups {
namespace {

// `count` people of a phase, spread over schools 1..schools in turn from `first_id`.
std::vector<Candidate> people(int count, int schools, const std::string& phase, long long first_id) {
    std::vector<Candidate> made;
    for (int i = 0; i < count; ++i)
        made.push_back({first_id + i, 1 + i % schools, phase});
    return made;
}

std::map<long long, Candidate> by_id(const std::vector<Candidate>& everyone) {
    std::map<long long, Candidate> found;
    for (const Candidate& person : everyone)
        found[person.person_id] = person;
    return found;
}

TEST(SuggestGroups, SamePhaseMixedSchoolsEveryoneOnce) {
    auto everyone = people(23, 4, "primary", 1);
    const auto secondary = people(14, 3, "secondary", 100);
    everyone.insert(everyone.end(), secondary.begin(), secondary.end());
    const auto known = by_id(everyone);
    const auto groups = suggest_groups(everyone, 4);
    std::set<long long> placed;
    for (const NewGroup& group : groups) {
        EXPECT_GE(group.people.size(), 3u) << group.name;
        EXPECT_LE(group.people.size(), 6u) << group.name;
        std::set<std::string> phases;
        std::set<long long> schools;
        for (long long id : group.people) {
            EXPECT_TRUE(placed.insert(id).second) << "person " << id << " placed twice";
            phases.insert(known.at(id).phase);
            schools.insert(known.at(id).school_id);
        }
        EXPECT_EQ(phases.size(), 1u) << group.name << " mixes phases";
        EXPECT_GE(schools.size(), 3u) << group.name << " should mix schools";
        EXPECT_FALSE(group.why.empty());
    }
    EXPECT_EQ(placed.size(), everyone.size());
}

TEST(SuggestGroups, SizesStayWithinThreeToSix) {
    for (int count = 3; count <= 40; ++count)
        for (int size = 3; size <= 6; ++size)
            for (const NewGroup& group : suggest_groups(people(count, 5, "secondary", 1), size)) {
                EXPECT_GE(group.people.size(), 3u) << count << " people in groups of " << size;
                EXPECT_LE(group.people.size(), 6u) << count << " people in groups of " << size;
            }
}

TEST(SuggestGroups, AFewFromAnotherPhaseJoinAGroupRatherThanStandAlone) {
    auto everyone = people(12, 3, "primary", 1);
    everyone.push_back({50, 2, "special"});
    const auto groups = suggest_groups(everyone, 4);
    std::size_t placed = 0;
    for (const NewGroup& group : groups) {
        EXPECT_GE(group.people.size(), 3u);
        placed += group.people.size();
    }
    EXPECT_EQ(placed, 13u);
}

TEST(SuggestGroups, TheSamePeopleGiveTheSameGroups) {
    const auto everyone = people(30, 4, "primary", 1);
    auto reversed = everyone;
    std::reverse(reversed.begin(), reversed.end());
    const auto first = suggest_groups(everyone, 5), second = suggest_groups(reversed, 5);
    ASSERT_EQ(first.size(), second.size());
    for (std::size_t i = 0; i < first.size(); ++i)
        EXPECT_EQ(first[i].people, second[i].people);
}

} // namespace
} // namespace trellis::groups
