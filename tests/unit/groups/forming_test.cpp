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

// The group each person is in.
std::map<long long, std::size_t> group_of(const std::vector<NewGroup>& groups) {
    std::map<long long, std::size_t> found;
    for (std::size_t index = 0; index < groups.size(); ++index)
        for (long long person : groups[index].people)
            found[person] = index;
    return found;
}

TEST(KeepApart, people_asked_to_be_apart_end_in_different_groups_of_their_phase) {
    const auto everyone = people(16, 4, "primary", 1);
    auto groups = suggest_groups(everyone, 4);
    // Ask apart every pair that the suggestion put together in the first group.
    std::vector<Apart> apart;
    const auto first = groups.front().people;
    for (std::size_t a = 0; a < first.size(); ++a)
        for (std::size_t b = a + 1; b < first.size(); ++b)
            apart.push_back({first[a], first[b]});
    ASSERT_EQ(keep_apart(groups, everyone, apart), 0);
    const auto placed = group_of(groups);
    for (const Apart& pair : apart)
        EXPECT_NE(placed.at(pair.first_id), placed.at(pair.second_id))
            << pair.first_id << "," << pair.second_id;
    // Everyone is still placed once, in groups of the same sizes.
    EXPECT_EQ(placed.size(), everyone.size());
    for (const NewGroup& group : groups) {
        EXPECT_EQ(group.people.size(), 4u);
        EXPECT_NE(group.why.find("a request to keep two people apart is honoured"), std::string::npos);
    }
}

TEST(KeepApart, a_swap_keeps_the_phase_and_prefers_the_same_school) {
    auto everyone = people(8, 4, "primary", 1);
    const auto secondary = people(8, 4, "secondary", 100);
    everyone.insert(everyone.end(), secondary.begin(), secondary.end());
    auto groups = suggest_groups(everyone, 4);
    const auto known = by_id(everyone);
    const auto before = group_of(groups);
    const long long a = groups.front().people[0], b = groups.front().people[1];
    ASSERT_EQ(keep_apart(groups, everyone, {{a, b}}), 0);
    const auto after = group_of(groups);
    EXPECT_NE(after.at(a), after.at(b));
    for (const NewGroup& group : groups) {
        std::set<std::string> phases;
        std::set<long long> schools;
        for (long long person : group.people) {
            phases.insert(known.at(person).phase);
            schools.insert(known.at(person).school_id);
        }
        EXPECT_EQ(phases.size(), 1u) << group.name;
        EXPECT_EQ(schools.size(), 4u) << group.name << ": each group keeps its mix of schools";
    }
    // Only two people moved.
    int moved = 0;
    for (const auto& [person, index] : before)
        moved += after.at(person) != index ? 1 : 0;
    EXPECT_EQ(moved, 2);
}

TEST(KeepApart, with_one_group_a_request_cannot_be_met_and_is_counted) {
    const auto everyone = people(4, 2, "primary", 1);
    auto groups = suggest_groups(everyone, 4);
    ASSERT_EQ(groups.size(), 1u);
    EXPECT_EQ(keep_apart(groups, everyone, {{1, 2}, {3, 4}}), 2);
    EXPECT_EQ(groups.front().people.size(), 4u);
}

TEST(KeepApart, people_not_together_or_not_there_change_nothing) {
    const auto everyone = people(12, 3, "primary", 1);
    auto groups = suggest_groups(everyone, 4);
    const auto before = group_of(groups);
    const long long a = groups[0].people[0], b = groups[1].people[0];
    EXPECT_EQ(keep_apart(groups, everyone, {{a, b}, {500, 501}}), 0);
    EXPECT_EQ(group_of(groups), before);
}

TEST(WhyHere, says_a_persons_phase_against_the_groups_and_who_else_is_from_their_school) {
    const Candidate amy{1, 10, "primary"}, ben{2, 20, "primary"}, cal{3, 30, "primary"},
        dev{4, 10, "primary"}, eve{5, 40, "secondary"};
    EXPECT_EQ(why_here(amy, {amy, ben, cal}),
              "Primary, like everyone else in the group; the only one from their school");
    EXPECT_EQ(why_here(amy, {amy, ben, dev}),
              "Primary, like everyone else in the group; with 1 colleague from their school");
    EXPECT_EQ(
        why_here(eve, {amy, ben, eve}),
        "Secondary: too few of that phase to make a group of their own; the only one from their school");
    EXPECT_EQ(why_here(amy, {amy, ben, eve}),
              "Primary, with 1 other of that phase; the only one from their school");
    EXPECT_EQ(why_here(amy, {amy}), "Primary, on their own so far");
}

} // namespace
} // namespace trellis::groups
