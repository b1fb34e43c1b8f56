// xAPI statements: the id is the fact's, the same each time and shaped as a UUID; the JSON names the
// person, verb, activity and time.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "xapi/statements.h"

using namespace trellis::xapi;

namespace {

Fact attended() {
    return {.doing = Doing::AttendedWorkshop,
            .trust_id = 1,
            .person_id = 7,
            .key = "present workshop 12 7",
            .person_name = "Grace Okafor",
            .person_email = "teacher@oakfield.example",
            .path = "/events/3/sessions/12",
            .title = "Questioning, Spring training day",
            .at = 1804233600};
}

} // namespace

TEST(XapiStatements, the_id_is_a_uuid_drawn_from_the_fact_alone) {
    const std::string id = statement_id(attended());
    EXPECT_TRUE(std::regex_match(
        id, std::regex("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")))
        << id;
    EXPECT_EQ(statement_id(attended()), id);
    Fact other = attended();
    other.key = "present workshop 12 8";
    EXPECT_NE(statement_id(other), id);
    other = attended();
    other.trust_id = 2;
    EXPECT_NE(statement_id(other), id);
}

TEST(XapiStatements, a_statement_names_the_person_verb_activity_and_time) {
    const auto json = nlohmann::json::parse(statement(attended(), "https://trellis.example"));
    EXPECT_EQ(json["id"], statement_id(attended()));
    EXPECT_EQ(json["actor"]["mbox"], "mailto:teacher@oakfield.example");
    EXPECT_EQ(json["actor"]["name"], "Grace Okafor");
    EXPECT_EQ(json["verb"]["id"], "http://adlnet.gov/expapi/verbs/attended");
    EXPECT_EQ(json["object"]["id"], "https://trellis.example/events/3/sessions/12");
    EXPECT_EQ(json["object"]["definition"]["name"]["en-GB"], "Questioning, Spring training day");
    EXPECT_EQ(json["object"]["definition"]["type"], "http://adlnet.gov/expapi/activities/meeting");
    EXPECT_EQ(json["timestamp"], "2027-03-05T08:00:00Z");
    Fact module = attended();
    module.doing = Doing::CompletedModule;
    EXPECT_EQ(nlohmann::json::parse(statement(module, ""))["verb"]["id"],
              "http://adlnet.gov/expapi/verbs/completed");
}
