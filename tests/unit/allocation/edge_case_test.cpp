// Edge cases of the model: empty rooms, too many people, one popular workshop, repeats across
// slots, compulsory workshops, audiences and the explanations of unhappy people.
#include "allocation/costs.h"
#include "allocation/engine.h"
#include "allocation/format.h"

#include <gtest/gtest.h>

#include <string>

namespace trellis::allocation {
namespace {

// Builds people p0..p(count-1) who all make the same choices.
std::string people_json(int count, const std::string& choices, const std::string& extra = "") {
    std::string text;
    for (int index = 0; index < count; ++index)
        text += (index ? "," : "") + std::string("{\"id\":\"p") + std::to_string(index) +
                "\",\"choices\":" + choices + extra + "}";
    return "[" + text + "]";
}

Result solve(const std::string& json, Instance& instance) {
    instance = parse_instance(json);
    Result result = allocate(instance);
    std::string why;
    EXPECT_TRUE(CostModel(instance).is_feasible(result.allocation, &why)) << why;
    return result;
}

TEST(AllocationEdgeCases, zero_capacity_session_is_never_used) {
    Instance instance;
    Result result = solve(R"({"slots":["s1"],"workshops":[
        {"id":"empty","sessions":[{"slot":"s1","capacity":0}]},
        {"id":"room","sessions":[{"slot":"s1","capacity":5}]}],
        "people":)" + people_json(3, R"(["empty","room"])") +
                              "}",
                          instance);
    for (const auto& row : result.allocation.session_of)
        EXPECT_EQ(instance.sessions[row[0]].workshop, 1);
    EXPECT_EQ(result.statistics.rank_counts[1], 3);
}

TEST(AllocationEdgeCases, more_people_than_seats_reports_unassigned_and_never_overfills) {
    Instance instance;
    Result result = solve(R"({"slots":["s1","s2"],"workshops":[
        {"id":"a","sessions":[{"slot":"s1","capacity":2},{"slot":"s2","capacity":1}]},
        {"id":"b","sessions":[{"slot":"s1","capacity":1}]}],
        "people":)" + people_json(5, R"(["a"])") +
                              "}",
                          instance);
    EXPECT_EQ(result.statistics.unassigned, 10 - 4);
    EXPECT_TRUE(result.statistics.proven_optimal);
    std::string output = format_result(instance, result);
    EXPECT_NE(output.find("\"unassigned\": [\n    {\"person\""), std::string::npos);
}

TEST(AllocationEdgeCases, everyone_choosing_the_same_workshop_fills_it_and_places_the_rest) {
    Instance instance;
    Result result = solve(R"({"slots":["s1"],"workshops":[
        {"id":"star","sessions":[{"slot":"s1","capacity":3}]},
        {"id":"quiet","sessions":[{"slot":"s1","capacity":10}]}],
        "people":)" + people_json(8, R"(["star"])") +
                              "}",
                          instance);
    EXPECT_EQ(result.statistics.rank_counts[0], 3);
    EXPECT_EQ(result.statistics.unranked, 5);
    EXPECT_EQ(result.statistics.people_with_none_of_their_choices, 5);
    ASSERT_EQ(result.unhappy.size(), 5u);
    EXPECT_NE(result.unhappy[0].reason.find("equal or higher claim"), std::string::npos)
        << result.unhappy[0].reason;
}

TEST(AllocationEdgeCases, workshop_in_every_slot_is_attended_at_most_once) {
    Instance instance;
    Result result = solve(R"({"slots":["s1","s2","s3"],"workshops":[
        {"id":"everywhere","sessions":[{"slot":"s1","capacity":9},{"slot":"s2","capacity":9},{"slot":"s3","capacity":9}]},
        {"id":"other","sessions":[{"slot":"s1","capacity":9},{"slot":"s2","capacity":9},{"slot":"s3","capacity":9}]}],
        "people":)" + people_json(4, R"(["everywhere"])") +
                              "}",
                          instance);
    for (const auto& row : result.allocation.session_of) {
        int everywhere = 0;
        for (int session : row)
            everywhere += session != kNone && instance.sessions[session].workshop == 0;
        EXPECT_EQ(everywhere, 1);
    }
    // Two workshops cover two of three slots: the third stays empty for everyone.
    EXPECT_EQ(result.statistics.unassigned, 4);
}

TEST(AllocationEdgeCases, people_without_choices_get_unranked_seats) {
    Instance instance;
    Result result = solve(R"({"slots":["s1"],"workshops":[{"id":"a","sessions":[{"slot":"s1","capacity":2}]}],
        "people":[{"id":"p1","choices":[]},{"id":"p2"}]})",
                          instance);
    EXPECT_EQ(result.statistics.unranked, 2);
    EXPECT_EQ(result.statistics.people_with_none_of_their_choices, 0);
}

TEST(AllocationEdgeCases, audience_limits_even_unranked_placements) {
    Instance instance;
    Result result = solve(R"({"slots":["s1"],"workshops":[
        {"id":"support_only","audience":["support"],"sessions":[{"slot":"s1","capacity":5}]}],
        "people":[{"id":"t","group":"teacher","choices":["support_only"]},{"id":"s","group":"support"}]})",
                          instance);
    EXPECT_EQ(result.allocation.session_of[0][0], kNone);
    EXPECT_NE(result.allocation.session_of[1][0], kNone);
    ASSERT_EQ(result.unhappy.size(), 1u);
    EXPECT_NE(result.unhappy[0].reason.find("not open to their group"), std::string::npos);
}

TEST(AllocationEdgeCases, compulsory_workshop_is_always_attended) {
    Instance instance;
    Result result = solve(R"({"slots":["s1","s2"],"workshops":[
        {"id":"safeguarding","sessions":[{"slot":"s1","capacity":2},{"slot":"s2","capacity":2}]},
        {"id":"fun","sessions":[{"slot":"s1","capacity":4},{"slot":"s2","capacity":4}]}],
        "people":)" + people_json(4, R"(["fun"])", R"(,"must":["safeguarding"])") +
                              "}",
                          instance);
    EXPECT_EQ(result.statistics.rank_counts[0], 4);
    EXPECT_EQ(result.statistics.unranked, 4);
}

TEST(AllocationEdgeCases, rejects_compulsory_workshop_without_enough_seats) {
    Instance instance = parse_instance(R"({"slots":["s1"],"workshops":[
        {"id":"safeguarding","sessions":[{"slot":"s1","capacity":1}]}],
        "people":)" + people_json(2, "[]", R"(,"must":["safeguarding"])") +
                                       "}");
    try {
        allocate(instance);
        FAIL() << "expected an error";
    } catch (const InputError& error) {
        EXPECT_NE(std::string(error.what()).find("\"p1\""), std::string::npos) << error.what();
        EXPECT_NE(std::string(error.what()).find("safeguarding"), std::string::npos) << error.what();
    }
}

TEST(AllocationEdgeCases, time_limit_still_returns_a_feasible_allocation_with_its_bound) {
    Instance instance;
    instance = parse_instance(R"({"slots":["s1","s2"],"workshops":[
        {"id":"a","sessions":[{"slot":"s1","capacity":2},{"slot":"s2","capacity":2}]},
        {"id":"b","sessions":[{"slot":"s1","capacity":2}]}],
        "people":)" + people_json(4, R"(["a","b"])") +
                              "}");
    Options options;
    options.time_limit_seconds = 1e-6;
    Result result = allocate(instance, options);
    EXPECT_TRUE(CostModel(instance).is_feasible(result.allocation));
    EXPECT_LE(result.statistics.lower_bound, result.statistics.objective);
}

} // namespace
} // namespace trellis::allocation
