// Two Trellis servers on one PostgreSQL behind nginx, configured by deploy/nginx-trellis.conf: a
// person signed in through nginx is served by both, and a staff import and an allocation started on
// one server finish on the other after the first is killed with SIGKILL while it runs them.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <sstream>
#include <thread>

#include "harness.h"

using namespace trellis::testing;

namespace {

// Waits until `ready` holds, checking every `every_ms` for at most `seconds`.
template <typename Ready> bool eventually(Ready ready, double seconds = 60, int every_ms = 50) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(long(seconds * 1000));
    while (std::chrono::steady_clock::now() < deadline) {
        if (ready())
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(every_ms));
    }
    return ready();
}

// A staff file of `count` new teachers at Oakfield Academy.
std::string staff_file(int count) {
    std::ostringstream file;
    file << "Email;First_Name;Last_Name;School;Staff_Group;Job_Title;Phase;Subjects\n";
    for (int i = 0; i < count; ++i)
        file << "colleague." << i << "@oakfield.example;Colleague;Number " << i
             << ";Oakfield Academy;teacher;Teacher;;\n";
    return file.str();
}

// A training day for everyone in the trust (over 20,000 people once the import is in), ready to
// allocate: three slots, 61 workshops repeating in each with rooms 5% bigger than needed, everyone
// ranking five. Written straight into PostgreSQL, as a day that size takes weeks of real choosing.
// Returns the event's id.
long long seed_big_training_day(TestDatabase& database) {
    auto session = database.open().lease();
    auto run = [&](const std::string& sql) { *session << sql; };
    long long trust = 0, lead = 0, people = 0;
    *session << "SELECT trust_id, id FROM people WHERE email = 'pdlead@oakfield.example'", soci::into(trust),
        soci::into(lead);
    *session << "SELECT COUNT(*) FROM people WHERE trust_id = " + std::to_string(trust), soci::into(people);
    const std::string t = std::to_string(trust), l = std::to_string(lead);
    long long event = 0;
    *session << "INSERT INTO events (trust_id, title, event_date, stage, choices_wanted, reserves_wanted, "
                "created_by, created_at, updated_at) VALUES (" +
                    t + ", 'Whole-trust day', '2027-03-05', 'allocating', 3, 2, " + l +
                    ", 0, 0) RETURNING id",
        soci::into(event);
    const std::string e = std::to_string(event);
    const int workshops = 61; // prime: each person's five choices below are then always different
    const long long capacity = people * 105 / 100 / workshops + 1;
    run("INSERT INTO event_schools (event_id, trust_id, school_id) SELECT " + e + ", " + t +
        ", id FROM schools WHERE trust_id = " + t);
    run("INSERT INTO event_slots (event_id, trust_id, position, starts_at, ends_at) SELECT " + e + ", " + t +
        ", n, LPAD((8 + n) || ':00', 5, '0'), LPAD((8 + n) || ':50', 5, '0') FROM generate_series(1, 3) n");
    run("INSERT INTO event_rooms (event_id, trust_id, name, capacity) SELECT " + e + ", " + t +
        ", 'Room ' || n, " + std::to_string(capacity) + " FROM generate_series(1, " +
        std::to_string(workshops) + ") n");
    run("INSERT INTO workshop_offers (event_id, trust_id, presenter_id, title, summary, audience, max_group, "
        "can_repeat, status, created_at, updated_at) SELECT " +
        e + ", " + t + ", " + l + ", 'Workshop ' || n, 'A workshop', '', " + std::to_string(capacity) +
        ", 1, 'approved', 0, 0 FROM generate_series(1, " + std::to_string(workshops) + ") n");
    run("INSERT INTO workshop_sessions (event_id, trust_id, offer_id, slot_id, room_id) "
        "SELECT o.event_id, o.trust_id, o.id, s.id, r.id FROM workshop_offers o "
        "JOIN event_rooms r ON r.event_id = o.event_id AND r.name = 'Room ' || SUBSTRING(o.title FROM 10) "
        "CROSS JOIN event_slots s WHERE s.event_id = o.event_id AND o.event_id = " +
        e);
    run("INSERT INTO workshop_choices (event_id, trust_id, person_id, choice_rank, offer_id, updated_at) "
        "SELECT " +
        e + ", " + t +
        ", p.id, k, o.id, 0 FROM people p CROSS JOIN generate_series(1, 5) k "
        "JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS n FROM workshop_offers WHERE event_id = " +
        e + ") o ON o.n = (p.id * 7 + k * (13 + p.id / 11 % 40)) % " + std::to_string(workshops) +
        " WHERE p.trust_id = " + t + " AND p.id <> " + l);
    return event;
}

} // namespace

class Cluster : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!on_postgresql())
            GTEST_SKIP() << "several servers share one PostgreSQL";
        ASSERT_EQ(run_cli(database, {"demo"}), 0);
        for (auto& server : servers)
            server = std::make_unique<TestServer>(database, environment);
        nginx = std::make_unique<Nginx>(std::vector<int>{servers[0]->port(), servers[1]->port()});
    }

    // The job's status and the process holding it, once a server has claimed it.
    struct Holder {
        std::string status;
        int pid = 0;
    };
    Holder holder_of(const std::string& kind, long long subject) {
        const auto rows = texts_of(database, "SELECT status || ' ' || claimed_by FROM jobs WHERE kind = '" +
                                                 kind + "' AND subject_id = " + std::to_string(subject));
        if (rows.empty())
            return {};
        std::istringstream words(rows.front());
        Holder holder;
        std::string pid_word;
        words >> holder.status >> pid_word >> holder.pid; // "sending pid 1234 abcd"
        return holder;
    }

    // Waits for a server to claim the job, freezes that server (so it can finish nothing more), checks
    // the job is still its own and unfinished, and kills it. Returns the server left running.
    TestServer& kill_the_server_running(const std::string& kind, long long subject) {
        Holder holder;
        EXPECT_TRUE(eventually(
            [&] {
                holder = holder_of(kind, subject);
                return holder.status == "sending";
            },
            60, 5));
        const int killed = servers[0]->pid() == holder.pid ? 0 : 1;
        EXPECT_EQ(servers[killed]->pid(), holder.pid);
        servers[killed]->freeze();
        EXPECT_EQ(holder_of(kind, subject).status, "sending")
            << kind << " finished before it could be killed";
        servers[killed]->kill_hard();
        return *servers[1 - killed];
    }

    TestDatabase database;
    // A claim not renewed for 3 seconds is taken over (60 by default).
    std::map<std::string, std::string> environment{{"TRELLIS_JOB_CLAIM_SECONDS", "3"},
                                                   {"TRELLIS_TRUSTED_PROXIES", "127.0.0.1"}};
    std::unique_ptr<TestServer> servers[2];
    std::unique_ptr<Nginx> nginx;
};

TEST_F(Cluster, two_servers_behind_nginx_serve_one_sign_in_and_finish_work_when_one_is_killed) {
    Browser lead(nginx->port());
    ASSERT_EQ(lead.sign_in(kDemoTrustLead, kDemoPassword)->status, 303);
    for (int i = 0; i < 10; ++i) {
        auto home = lead.get("/");
        ASSERT_EQ(home->status, 200);
        EXPECT_TRUE(contains(home->body, "Sign out")) << "request " << i << " was not signed in";
    }
    const auto answered = nginx->answered_by();
    EXPECT_GT(std::count(answered.begin(), answered.end(), servers[0]->port()), 0);
    EXPECT_GT(std::count(answered.begin(), answered.end(), servers[1]->port()), 0);

    // A staff import of 20,000 people: the server committing it dies; the other commits it, once.
    const long long people_before = count_of(database, "SELECT COUNT(*) FROM people");
    const std::string imports_recorded = "SELECT COUNT(*) FROM audit_events WHERE action = 'staff_imported'";
    const long long recorded_before = count_of(database, imports_recorded);
    lead.get("/people/import");
    auto uploaded = lead.upload("/people/import", "staff.csv", staff_file(20000));
    ASSERT_EQ(uploaded->status, 303) << uploaded->body.substr(0, 2000);
    const std::string import_page = uploaded->get_header_value("Location");
    const long long import_id = trailing_id(import_page);
    lead.get(import_page);
    ASSERT_EQ(lead.post(import_page + "/commit", {})->status, 303);
    kill_the_server_running("staff_import", import_id);
    ASSERT_TRUE(eventually([&] {
        return contains(lead.get(import_page + "/progress")->body, "\"state\":\"done\"");
    })) << lead.get(import_page + "/progress")->body;
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM people"), people_before + 20000);
    EXPECT_EQ(count_of(database, "SELECT attempts FROM jobs WHERE kind = 'staff_import'"), 2);
    EXPECT_EQ(count_of(database, imports_recorded), recorded_before + 1);
    EXPECT_TRUE(contains(lead.get(import_page)->body, "Staff imported"))
        << lead.get(import_page)->body.substr(0, 3000);

    // An allocation of that many people: the server running it dies; the other finishes it, once.
    servers[0]->restart();
    servers[1]->restart();
    const long long event = seed_big_training_day(database);
    const std::string allocation = "/events/" + std::to_string(event) + "/allocation";
    lead.get(allocation);
    auto started = lead.post(allocation, {});
    ASSERT_EQ(started->status, 303) << started->body.substr(0, 2000);
    const std::string run = started->get_header_value("Location");
    const long long run_id = trailing_id(run);
    const auto clicked = std::chrono::steady_clock::now();
    kill_the_server_running("allocation", run_id);
    ASSERT_TRUE(
        eventually([&] { return !contains(lead.get(run + "/progress")->body, "\"running\""); }, 300, 250));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - clicked).count();
    EXPECT_TRUE(contains(lead.get(run + "/progress")->body, "\"done\"")) << lead.get(run + "/progress")->body;
    EXPECT_EQ(count_of(database, "SELECT attempts FROM jobs WHERE kind = 'allocation'"), 2);
    // Saved once: one row a person a slot, and the 20,000 imported have a place in each slot.
    const std::string of_event = " WHERE event_id = " + std::to_string(event);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM (SELECT person_id, slot_id FROM placements" +
                                     of_event + " GROUP BY person_id, slot_id HAVING COUNT(*) > 1) AS twice"),
              0);
    EXPECT_GE(
        count_of(database, "SELECT COUNT(*) FROM placements" + of_event + " AND session_id IS NOT NULL"),
        3 * 20000);
    auto result = lead.get(allocation);
    ASSERT_EQ(result->status, 200);
    EXPECT_TRUE(contains(result->body, "people taking part")) << result->body.substr(0, 3000);
    std::cout << "allocation of " << count_of(database, "SELECT COUNT(*) FROM people")
              << " people, taken over after a kill: " << seconds << " s from the click\n";
}

// Each server keeps only the connections its requests at work and its background work can use, so
// several fit in a PostgreSQL of the default 100 connections; TRELLIS_DATABASE_CONNECTIONS sets it.
TEST_F(Cluster, servers_keep_few_database_connections_and_are_told_how_many) {
    const std::string connected = "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
                                  "AND pid <> pg_backend_pid()";
    // Two for each request let through at once (two per core), the jobs' two threads and four more.
    const long long cores = std::max(1u, std::thread::hardware_concurrency());
    const long long per_server = 2 * std::max(2LL, 2 * cores) + 2 + 4;
    const long long both = count_of(database, connected);
    EXPECT_LE(both, 2 * per_server + 2) << "the two servers and the test's own";
    EXPECT_GE(both, 2 * per_server);
    TestServer third(database, {{"TRELLIS_DATABASE_CONNECTIONS", "5"}});
    EXPECT_EQ(count_of(database, connected), both + 5);
    Browser lead(third.port());
    ASSERT_EQ(lead.sign_in(kDemoTrustLead, kDemoPassword)->status, 303);
    EXPECT_EQ(lead.get("/")->status, 200);
}
