// The needs-versus-provision map: need per school staff group from a needs survey, hours offered to
// the groups an offering was open to, take-up per person, and a sentence for each high need with
// little offered; never a figure about fewer than 5 people.
#include <gtest/gtest.h>

#include "provision/needs_map.h"

using namespace trellis::provision;
using trellis::people::StaffGroup;
namespace surveys = trellis::surveys;

namespace {

constexpr long long kBehaviour = 10, kReading = 20;

surveys::Question needs_question() {
    surveys::Question question;
    question.id = 1;
    question.kind = surveys::QuestionKind::Multiple;
    question.options = {{"Behaviour", kBehaviour}, {"Reading", kReading}};
    return question;
}

surveys::Response answer(long long school, const std::string& name, StaffGroup group,
                         std::vector<int> picks) {
    surveys::Response made;
    made.respondent = {school, name, group, "primary"};
    made.answers[1] = surveys::Answer{1, std::move(picks), ""};
    return made;
}

// Meadowbank (1): 8 support staff who all name behaviour, 10 teachers who name reading.
// Oakfield (2): 3 support staff who have not answered, 10 teachers who name reading.
MapInputs inputs() {
    MapInputs made;
    made.priorities = {{kBehaviour, "Behaviour support"}, {kReading, "Early reading"}};
    made.columns = {{{1, StaffGroup::Teacher}, "Meadowbank", 12},
                    {{1, StaffGroup::Support}, "Meadowbank", 9},
                    {{2, StaffGroup::Teacher}, "Oakfield", 11},
                    {{2, StaffGroup::Support}, "Oakfield", 3}};
    made.questions = {needs_question()};
    std::vector<trellis::surveys::Response> responses;
    for (int i = 0; i < 8; ++i)
        responses.push_back(answer(1, "Meadowbank", StaffGroup::Support, {0}));
    for (int i = 0; i < 10; ++i)
        responses.push_back(answer(1, "Meadowbank", StaffGroup::Teacher, {1}));
    for (int i = 0; i < 10; ++i)
        responses.push_back(answer(2, "Oakfield", StaffGroup::Teacher, {1}));
    made.responses = std::make_shared<const std::vector<trellis::surveys::Response>>(std::move(responses));
    // Reading: a 90-minute workshop for teachers at both schools.
    made.offerings = {{{kReading}, 90, {{1, StaffGroup::Teacher}, {2, StaffGroup::Teacher}}}};
    made.places = {{kReading, {1, StaffGroup::Teacher}, 12}};
    made.taken_minutes[{kReading, {1, StaffGroup::Teacher}}] = 12 * 90;
    return made;
}

} // namespace

TEST(NeedsMap, each_cell_holds_need_hours_offered_and_take_up) {
    ProvisionMap map;
    fill_map(map, inputs(), 5);
    ASSERT_EQ(map.rows.size(), 2u);
    ASSERT_EQ(map.columns.size(), 4u);
    const MapCell& reading_teachers = map.cells[1][0];
    EXPECT_NEAR(*reading_teachers.need, 1.0, 1e-9);
    EXPECT_NEAR(reading_teachers.offered_hours, 1.5, 1e-9);
    EXPECT_EQ(reading_teachers.places, 12);
    EXPECT_NEAR(*reading_teachers.taken_hours, 1.5, 1e-9);
    EXPECT_FALSE(reading_teachers.gap);
    const MapCell& behaviour_support = map.cells[0][1];
    EXPECT_NEAR(*behaviour_support.need, 1.0, 1e-9);
    EXPECT_EQ(behaviour_support.offered_hours, 0);
    EXPECT_NEAR(*behaviour_support.taken_hours, 0.0, 1e-9);
    EXPECT_TRUE(behaviour_support.gap);
}

TEST(NeedsMap, a_high_need_with_nothing_offered_is_said_in_a_sentence) {
    ProvisionMap map;
    fill_map(map, inputs(), 5);
    ASSERT_EQ(map.gaps.size(), 1u);
    EXPECT_EQ(map.gaps[0].sentence,
              "Support staff at Meadowbank: behaviour support is their most named need; "
              "nothing was offered to them this year.");
}

TEST(NeedsMap, a_little_offered_is_still_a_gap_and_says_how_little) {
    MapInputs made = inputs();
    made.offerings.push_back({{kBehaviour}, 30, {{1, StaffGroup::Support}}});
    ProvisionMap map;
    fill_map(map, made, 5);
    ASSERT_EQ(map.gaps.size(), 1u);
    EXPECT_NE(map.gaps[0].sentence.find("only 30 minutes were offered"), std::string::npos);
    made.offerings.push_back({{kBehaviour}, 60, {{1, StaffGroup::Support}}});
    ProvisionMap enough;
    fill_map(enough, made, 5);
    EXPECT_TRUE(enough.gaps.empty());
}

TEST(NeedsMap, small_groups_show_no_need_and_no_take_up) {
    MapInputs made = inputs();
    auto responses = *made.responses;
    for (int i = 0; i < 2; ++i)
        responses.push_back(answer(2, "Oakfield", StaffGroup::Support, {0}));
    made.responses = std::make_shared<const std::vector<trellis::surveys::Response>>(std::move(responses));
    ProvisionMap map;
    fill_map(map, made, 5);
    // Oakfield's 2 support staff answers are too few, and 3 staff too few for take-up per person.
    EXPECT_TRUE(map.cells[0][3].need_hidden);
    EXPECT_FALSE(map.cells[0][3].need.has_value());
    EXPECT_FALSE(map.cells[0][3].taken_hours.has_value());
    // Meadowbank's support staff beside the trust's support staff would reveal Oakfield's 2, so they
    // are withheld too, and no sentence speaks of either.
    EXPECT_TRUE(map.cells[0][1].need_hidden);
    EXPECT_TRUE(map.gaps.empty());
    EXPECT_FALSE(map.cells[1][0].need_hidden);
}
