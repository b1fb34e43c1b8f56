// Learning records against a learning record store stand-in on loopback that checks every statement
// with npm's xapi-validation: each fact Trellis holds (modules completed, workshops and programme
// sessions attended or caught up, named surveys answered) reaches the store as one valid statement,
// never twice, also when a second server looks at the same facts.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <set>
#include <thread>

#include "harness.h"

using namespace trellis::testing;

class LearningRecords : public ::testing::Test {
  protected:
    void SetUp() override { ASSERT_EQ(run_cli(database, {"demo", "--training-day"}), 0); }
    std::unique_ptr<TestServer> start(const LearningRecordStore& store) {
        return std::make_unique<TestServer>(database, store.environment());
    }
    // Waits until the outbox has statements and none waiting; returns how many were sent.
    long long all_sent() {
        for (int tries = 0; tries < 1200; ++tries) {
            const long long waiting =
                count_of(database, "SELECT COUNT(*) FROM xapi_outbox WHERE status IN ('queued', 'sending')");
            const long long sent =
                count_of(database, "SELECT COUNT(*) FROM xapi_outbox WHERE status = 'sent'");
            if (waiting == 0 && sent > 0)
                return sent;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        return -1;
    }
    TestDatabase database;
};

TEST_F(LearningRecords, every_fact_reaches_the_store_once_as_a_valid_statement) {
    LearningRecordStore store;
    auto server = start(store);
    const long long sent = all_sent();
    ASSERT_GT(sent, 0);
    auto held = nlohmann::json::parse(store.statements());
    EXPECT_TRUE(held["refused"].empty()) << held["refused"].dump().substr(0, 2000);
    EXPECT_EQ(static_cast<long long>(held["kept"].size()), sent);
    EXPECT_EQ(held["puts"].get<long long>(), sent) << "each statement is sent once";
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM xapi_outbox WHERE status = 'failed'"), 0);

    // One statement per fact of each kind, as the demo holds them.
    const auto statements_with = [&](const std::string& verb, const std::string& path) {
        long long count = 0;
        for (const auto& statement : held["kept"])
            if (statement["verb"]["id"] == verb &&
                statement["object"]["id"].get<std::string>().find(path) != std::string::npos)
                ++count;
        return count;
    };
    const std::string completed = "http://adlnet.gov/expapi/verbs/completed";
    const std::string attended = "http://adlnet.gov/expapi/verbs/attended";
    EXPECT_EQ(statements_with(completed, "/modules/"),
              count_of(database, "SELECT COUNT(*) FROM module_progress WHERE completed_at > 0"));
    EXPECT_EQ(statements_with(attended, "/events/"),
              count_of(database, "SELECT COUNT(*) FROM attendance_marks WHERE session_kind = 'workshop' AND "
                                 "status = 'present'"));
    EXPECT_EQ(statements_with(attended, "/programmes/"),
              count_of(database, "SELECT COUNT(*) FROM attendance_marks WHERE session_kind = 'activity' AND "
                                 "status = 'present'"));
    EXPECT_EQ(statements_with("http://adlnet.gov/expapi/verbs/experienced", "/programmes/"),
              count_of(database, "SELECT COUNT(*) FROM attendance_marks WHERE session_kind = 'activity' AND "
                                 "status = 'caught_up'"));
    // Answers to an anonymous survey are never linked to a person, so they are never told of.
    EXPECT_EQ(statements_with(completed, "/surveys/"),
              count_of(database,
                       "SELECT COUNT(*) FROM survey_responses r JOIN surveys s ON s.id = r.survey_id "
                       "WHERE s.anonymous = 0 AND r.person_id IS NOT NULL"));
    EXPECT_GT(statements_with(attended, "/events/"), 0);

    // A statement names the person by email, the page on this Trellis, and when.
    const auto& first = held["kept"][0];
    EXPECT_EQ(first["actor"]["objectType"], "Agent");
    EXPECT_EQ(first["actor"]["mbox"].get<std::string>().rfind("mailto:", 0), 0u);
    EXPECT_EQ(first["object"]["id"].get<std::string>().rfind("https://trellis.oakfield.example/", 0), 0u);
    EXPECT_EQ(first["context"]["platform"], "Trellis");

    // A new fact later: one more statement, for Grace's module.
    const long long grace =
        count_of(database, "SELECT id FROM people WHERE email = '" + std::string(kDemoTeacher) + "'");
    *database.open().lease() << "INSERT INTO module_progress (trust_id, person_id, module_slug, started_at, "
                                "updated_at, completed_at) "
                                "SELECT trust_id, id, 'a-module-just-finished', 1, 1, " +
                                    std::to_string(std::time(nullptr)) +
                                    " FROM people WHERE id = " + std::to_string(grace);
    for (int tries = 0; tries < 300 && all_sent() == sent; ++tries)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    held = nlohmann::json::parse(store.statements());
    ASSERT_EQ(static_cast<long long>(held["kept"].size()), sent + 1);
    EXPECT_EQ(held["kept"].back()["actor"]["mbox"], "mailto:" + std::string(kDemoTeacher));
    EXPECT_EQ(held["kept"].back()["object"]["id"],
              "https://trellis.oakfield.example/modules/a-module-just-finished");

    // A second server sharing the database, looking at the same facts from the start, sends nothing again.
    *database.open().lease() << "UPDATE xapi_progress SET facts_until = 0";
    auto second = start(store);
    std::this_thread::sleep_for(std::chrono::seconds(2));
    held = nlohmann::json::parse(store.statements());
    EXPECT_EQ(static_cast<long long>(held["kept"].size()), sent + 1);
    EXPECT_EQ(held["puts"].get<long long>(), sent + 1);
}
