// The file format and the `trellis allocate` verb: clear errors that name the offending item.
#include "allocation/format.h"
#include "app/allocate_command.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace trellis::allocation {
namespace {

const std::string kValid = R"({
  "slots": ["s1", "s2"],
  "workshops": [
    {"id": "w1", "title": "Questioning", "audience": ["teacher"],
     "sessions": [{"slot": "s1", "capacity": 1}, {"slot": "s2", "capacity": 1}]},
    {"id": "w2", "sessions": [{"slot": "s2", "capacity": 2}]}],
  "people": [
    {"id": "p1", "group": "teacher", "choices": ["w2", "w1"]},
    {"id": "p2", "choices": []}],
  "policy": {"rank_cost": [0, 2], "unranked_cost": 50, "unassigned_cost": 500}
})";

// Expects parsing to fail with a message containing every fragment.
void expect_rejected(const std::string& json, std::initializer_list<std::string> fragments) {
    try {
        parse_instance(json);
        FAIL() << "expected an error for " << json;
    } catch (const InputError& error) {
        for (const std::string& fragment : fragments)
            EXPECT_NE(std::string(error.what()).find(fragment), std::string::npos)
                << "message \"" << error.what() << "\" lacks \"" << fragment << "\"";
    }
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
    text.replace(text.find(from), from.size(), to);
    return text;
}

class AllocateCommand : public ::testing::Test {
  protected:
    std::filesystem::path path(const std::string& name) {
        auto directory = std::filesystem::temp_directory_path() /
                         ("trellis-allocation-" +
                          std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        std::filesystem::create_directories(directory);
        return directory / name;
    }
    std::string write(const std::string& name, const std::string& text) {
        std::ofstream(path(name)) << text;
        return path(name).string();
    }
    std::string read(const std::string& name) {
        std::ifstream input(path(name));
        std::stringstream buffer;
        buffer << input.rdbuf();
        return buffer.str();
    }
};

TEST(AllocationFormat, reads_the_spec_example_with_policy_audience_and_groups) {
    Instance instance = parse_instance(kValid);
    ASSERT_EQ(instance.slots.size(), 2u);
    ASSERT_EQ(instance.workshops.size(), 2u);
    EXPECT_EQ(instance.workshops[0].audience.size(), 1u);
    EXPECT_EQ(instance.workshops[1].session_in_slot[0], kNone);
    EXPECT_EQ(instance.people[0].choices, (std::vector<int>{1, 0}));
    EXPECT_EQ(instance.people[1].group, kNone);
    EXPECT_EQ(instance.policy.unranked_cost, 50);
    EXPECT_EQ(instance.policy.rank_cost, (std::vector<Cost>{0, 2}));
}

TEST(AllocationFormat, rejects_text_that_is_not_json) {
    expect_rejected("{\"slots\": [", {"not valid JSON"});
}

TEST(AllocationFormat, rejects_choice_of_unknown_workshop) {
    expect_rejected(replace(kValid, R"(["w2", "w1"])", R"(["w2", "w9"])"), {"p1", "unknown workshop", "w9"});
}

TEST(AllocationFormat, rejects_compulsory_unknown_workshop) {
    expect_rejected(replace(kValid, R"("choices": []})", R"("choices": [], "must": ["nope"]})"),
                    {"p2", "nope"});
}

TEST(AllocationFormat, rejects_duplicate_workshop_id) {
    expect_rejected(replace(kValid, R"({"id": "w2")", R"({"id": "w1")"), {"duplicate workshop", "w1"});
}

TEST(AllocationFormat, rejects_duplicate_person_id) {
    expect_rejected(replace(kValid, R"({"id": "p2")", R"({"id": "p1")"), {"duplicate person", "p1"});
}

TEST(AllocationFormat, rejects_duplicate_slot) {
    expect_rejected(replace(kValid, R"(["s1", "s2"])", R"(["s1", "s1"])"), {"duplicate slot", "s1"});
}

TEST(AllocationFormat, rejects_session_in_unlisted_slot) {
    expect_rejected(replace(kValid, R"({"slot": "s2", "capacity": 2})", R"({"slot": "s7", "capacity": 2})"),
                    {"w2", "s7", "slot not listed"});
}

TEST(AllocationFormat, rejects_negative_capacity) {
    expect_rejected(replace(kValid, R"("capacity": 2)", R"("capacity": -3)"), {"w2", "negative capacity"});
}

TEST(AllocationFormat, rejects_the_same_choice_twice) {
    expect_rejected(replace(kValid, R"(["w2", "w1"])", R"(["w2", "w2"])"), {"p1", "w2", "twice"});
}

TEST(AllocationFormat, rejects_missing_people) {
    expect_rejected(R"({"slots": [], "workshops": []})", {"people"});
}

TEST_F(AllocateCommand, allocate_command_writes_the_spec_output_shape) {
    std::string input = write("in.json", kValid);
    ASSERT_EQ(run_allocate_command(input, path("out.json").string(), std::nullopt), 0);
    auto output = nlohmann::json::parse(read("out.json"));
    ASSERT_TRUE(output["assignments"].is_array());
    ASSERT_TRUE(output["unassigned"].is_array());
    const auto& stats = output["stats"];
    for (const char* key : {"objective", "lower_bound", "gap", "seconds", "people", "rank_counts", "unranked",
                            "people_with_none_of_their_choices", "unhappy"})
        EXPECT_TRUE(stats.contains(key)) << key;
    EXPECT_EQ(stats["objective"], stats["lower_bound"]);
    EXPECT_EQ(output["assignments"][0]["person"], "p1");
}

TEST_F(AllocateCommand, allocate_command_is_byte_for_byte_repeatable_apart_from_seconds) {
    std::string input = write("in.json", kValid);
    ASSERT_EQ(run_allocate_command(input, path("a.json").string(), std::nullopt), 0);
    ASSERT_EQ(run_allocate_command(input, path("b.json").string(), std::nullopt), 0);
    auto first = nlohmann::json::parse(read("a.json"));
    auto second = nlohmann::json::parse(read("b.json"));
    first["stats"].erase("seconds");
    second["stats"].erase("seconds");
    EXPECT_EQ(first.dump(), second.dump());
}

TEST_F(AllocateCommand, allocate_command_fails_with_a_message_for_malformed_json) {
    std::string input = write("in.json", "{ not json");
    ::testing::internal::CaptureStderr();
    EXPECT_NE(run_allocate_command(input, path("out.json").string(), std::nullopt), 0);
    EXPECT_NE(::testing::internal::GetCapturedStderr().find("not valid JSON"), std::string::npos);
}

TEST_F(AllocateCommand, allocate_command_fails_naming_an_unknown_workshop) {
    std::string input = write("in.json", replace(kValid, R"(["w2", "w1"])", R"(["w2", "ghost"])"));
    ::testing::internal::CaptureStderr();
    EXPECT_NE(run_allocate_command(input, path("out.json").string(), std::nullopt), 0);
    EXPECT_NE(::testing::internal::GetCapturedStderr().find("ghost"), std::string::npos);
}

TEST_F(AllocateCommand, allocate_command_fails_naming_the_person_whose_compulsory_workshop_is_infeasible) {
    std::string input = write(
        "in.json",
        replace(
            kValid, R"({"id": "p2", "choices": []})",
            R"({"id": "p2", "choices": [], "must": ["w2"]}, {"id": "p3", "must": ["w2"]}, {"id": "p4", "must": ["w2"]})"));
    ::testing::internal::CaptureStderr();
    EXPECT_NE(run_allocate_command(input, path("out.json").string(), std::nullopt), 0);
    std::string message = ::testing::internal::GetCapturedStderr();
    EXPECT_NE(message.find("p4"), std::string::npos) << message;
    EXPECT_NE(message.find("w2"), std::string::npos) << message;
}

TEST_F(AllocateCommand, allocate_command_fails_for_a_missing_input_file) {
    ::testing::internal::CaptureStderr();
    EXPECT_EQ(run_allocate_command(path("absent.json").string(), path("out.json").string(), std::nullopt), 1);
    EXPECT_NE(::testing::internal::GetCapturedStderr().find("absent.json"), std::string::npos);
}

} // namespace
} // namespace trellis::allocation
