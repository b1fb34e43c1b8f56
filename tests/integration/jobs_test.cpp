// Background work as rows of the jobs table: queued by one server, run by whichever takes it, shown
// on every server, taken over when the server running it dies, given up when it keeps dying.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "harness.h"

using namespace trellis::testing;

namespace {

const std::string kStaffHeader = "Email;First_Name;Last_Name;School;Staff_Group;Job_Title;Phase;Subjects\n";

// Waits until `ready` holds, checking every 50 ms for at most `seconds`.
template <typename Ready> bool eventually(Ready ready, double seconds = 30) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(long(seconds * 1000));
    while (std::chrono::steady_clock::now() < deadline) {
        if (ready())
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return ready();
}

} // namespace

class Jobs : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo", "--training-day"}), 0);
        event_id = count_of(database, "SELECT id FROM events WHERE stage = 'choices'");
        *database.open().lease() << "UPDATE events SET stage = 'allocating' WHERE id = " +
                                        std::to_string(event_id);
    }

    std::string event_path() const { return "/events/" + std::to_string(event_id); }

    // Starts an allocation as the lead's browser does; returns its run's page.
    std::string start_allocation(Browser& lead) {
        lead.get(event_path() + "/allocation");
        auto started = lead.post(event_path() + "/allocation", {});
        EXPECT_EQ(started->status, 303) << started->body;
        return started->get_header_value("Location");
    }

    // The job row of a run, as "status attempts".
    std::string job_of_run(long long run_id) {
        const auto rows = texts_of(database, "SELECT status || ' ' || attempts FROM jobs WHERE kind = "
                                             "'allocation' AND subject_id = " +
                                                 std::to_string(run_id));
        return rows.empty() ? "" : rows.front();
    }

    TestDatabase database;
    long long event_id = 0;
};

// A server started with --no-jobs queues work and shows it waiting; a server with jobs on runs it, and
// the first server shows the outcome read from the job's row. `trellis worker` does the same alone.
TEST_F(Jobs, work_queued_on_one_server_is_run_by_another_and_shown_on_both) {
    TestServer web(database, {}, {"--no-jobs"});
    Browser lead(web);
    ASSERT_EQ(lead.sign_in(kDemoTrustLead, kDemoPassword)->status, 303);
    const std::string run = start_allocation(lead);
    const long long run_id = trailing_id(run);
    // Nobody runs jobs yet: the run waits, and says so.
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    EXPECT_EQ(job_of_run(run_id), "queued 0");
    const auto waiting = lead.get(run);
    ASSERT_EQ(waiting->status, 200);
    EXPECT_TRUE(contains(waiting->body, "Waiting to start")) << waiting->body;
    EXPECT_TRUE(contains(lead.get(run + "/progress")->body, "\"running\""));
    // Leaving and coming back to the allocation page goes back to the waiting run.
    EXPECT_EQ(lead.get(event_path() + "/allocation")->get_header_value("Location"), run);

    {
        TestServer runner(database);
        ASSERT_TRUE(eventually([&] { return contains(lead.get(run + "/progress")->body, "\"done\""); }))
            << lead.get(run + "/progress")->body;
    }
    EXPECT_EQ(job_of_run(run_id), "sent 1");
    auto result = lead.get(event_path() + "/allocation");
    ASSERT_EQ(result->status, 200);
    EXPECT_TRUE(contains(result->body, "this is the best possible allocation"))
        << result->body.substr(0, 3000);

    // A staff import committed on the web server is done by `trellis worker`.
    lead.get("/people/import");
    auto uploaded =
        lead.upload("/people/import", "staff.csv",
                    kStaffHeader + "new.one@oakfield.example;New;One;Oakfield Academy;support;TA;;\n"
                                   "new.two@oakfield.example;New;Two;Oakfield Academy;teacher;;;\n");
    ASSERT_EQ(uploaded->status, 303);
    const std::string import_page = uploaded->get_header_value("Location");
    lead.get(import_page);
    ASSERT_EQ(lead.post(import_page + "/commit", {})->status, 303);
    EXPECT_TRUE(contains(lead.get(import_page)->body, "Importing staff"));
    TestWorker worker(database);
    ASSERT_TRUE(eventually([&] {
        return contains(lead.get(import_page + "/progress")->body, "\"state\":\"done\"");
    })) << lead.get(import_page + "/progress")->body;
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM people WHERE email LIKE 'new.%@oakfield.example'"), 2)
        << lead.get(import_page)->body
        << texts_of(database, "SELECT status || ' ' || last_error FROM jobs WHERE kind = 'staff_import'")
               .at(0);
    EXPECT_EQ(count_of(database, "SELECT done_count FROM jobs WHERE kind = 'staff_import'"), 2)
        << texts_of(database,
                    "SELECT status || ' ' || claimed_by || ' ' || done_count || ' ' || total_count || ' ' || "
                    "attempts FROM jobs WHERE kind = 'staff_import'")
               .at(0);
}

// A job whose server stopped renewing its claim is taken over and finished, once; a job whose servers
// died three times is given up, and the lead reads why.
TEST_F(Jobs, a_job_whose_server_died_is_taken_over_and_given_up_after_three_deaths) {
    auto web = std::make_unique<TestServer>(database, std::map<std::string, std::string>{},
                                            std::vector<std::string>{"--no-jobs"});
    Browser lead(*web);
    ASSERT_EQ(lead.sign_in(kDemoTrustLead, kDemoPassword)->status, 303);
    const long long run_id = trailing_id(start_allocation(lead));
    // As a server that claimed the job and died would leave it.
    const std::string old_claim = std::to_string(trellis::db::now_seconds() - 600);
    *database.open().lease()
        << "UPDATE jobs SET status = 'sending', attempts = 1, claimed_by = 'pid 1 gone', "
           "claimed_at = " +
               old_claim + " WHERE subject_id = " + std::to_string(run_id);

    const std::map<std::string, std::string> quick_takeover{{"TRELLIS_JOB_CLAIM_SECONDS", "2"}};
    {
        TestServer other(database, quick_takeover);
        ASSERT_TRUE(eventually([&] { return job_of_run(run_id) == "sent 2"; })) << job_of_run(run_id);
    }
    EXPECT_EQ(texts_of(database, "SELECT status FROM allocation_runs WHERE id = " + std::to_string(run_id)),
              std::vector<std::string>{"done"});
    EXPECT_GT(
        count_of(database, "SELECT COUNT(*) FROM placements WHERE event_id = " + std::to_string(event_id)),
        400);

    // Three servers have died running the next one: the fourth gives it up.
    const long long doomed = trailing_id(start_allocation(lead));
    *database.open().lease()
        << "UPDATE jobs SET status = 'sending', attempts = 3, claimed_by = 'pid 1 gone', "
           "claimed_at = " +
               old_claim + " WHERE subject_id = " + std::to_string(doomed);
    {
        TestServer other(database, quick_takeover);
        ASSERT_TRUE(eventually([&] { return job_of_run(doomed) == "failed 4"; })) << job_of_run(doomed);
    }
    auto page = lead.get(event_path() + "/allocation");
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(contains(page->body, "stopped 3 times before it finished. Start it again.")) << page->body;
    EXPECT_EQ(texts_of(database, "SELECT status FROM allocation_runs WHERE id = " + std::to_string(doomed)),
              std::vector<std::string>{"failed"});
    // Starting it again works.
    {
        TestServer other(database);
        const std::string again = start_allocation(lead);
        ASSERT_TRUE(eventually([&] { return contains(lead.get(again + "/progress")->body, "\"done\""); }));
    }
}
