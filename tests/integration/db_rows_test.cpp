#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "db/id_set.h"
#include "db/rows.h"
#include "harness.h"

using namespace trellis;
using namespace trellis::testing;

namespace {

// The plans this connection keeps under its own names (PostgreSQL only).
long long kept_plans(soci::session& sql) {
    long long count = 0;
    sql << "SELECT COUNT(*) FROM pg_prepared_statements WHERE name LIKE 'trellis_plan_%'", soci::into(count);
    return count;
}

std::string school_named(soci::session& sql, long long trust_id, const std::string& name) {
    std::string found;
    if (!db::read_one(sql, "SELECT name FROM schools WHERE trust_id = :trust AND name = :name",
                      soci::use(trust_id), soci::use(name), soci::into(found)))
        return "(none)";
    return found;
}

} // namespace

// A read runs with the values of each call though its plan is kept from the first: on PostgreSQL the
// connection prepares it once and only executes it after, so a mistake there would hand back the
// first call's rows.
TEST(DatabaseRows, a_kept_plan_reads_with_each_calls_values_and_is_prepared_once) {
    TestDatabase database;
    ASSERT_EQ(run_cli(database, {"demo"}), 0);
    const long long trust_id = count_of(database, "SELECT MIN(id) FROM trusts");
    const auto names = texts_of(database, "SELECT name FROM schools ORDER BY name");
    ASSERT_GE(names.size(), 2u);
    auto session = database.open().lease(); // the test's one connection, held to the end
    soci::session& sql = *session;

    const long long plans_before = on_postgresql() ? kept_plans(sql) : 0;
    EXPECT_EQ(school_named(sql, trust_id, names[0]), names[0]);
    EXPECT_EQ(school_named(sql, trust_id, names[1]), names[1]);
    EXPECT_EQ(school_named(sql, trust_id, "No such school"), "(none)");
    EXPECT_EQ(school_named(sql, trust_id + 1000, names[0]), "(none)");
    if (on_postgresql()) {
        EXPECT_EQ(kept_plans(sql), plans_before + 1);
    }

    // Rows read row by row, twice with different values.
    for (const std::string& name : {names[0], names[1]}) {
        std::string found;
        auto rows = db::run_once(
            sql, "SELECT name FROM schools WHERE trust_id = :trust AND name >= :name ORDER BY name",
            soci::use(trust_id), soci::use(name), soci::into(found));
        std::vector<std::string> seen;
        while (rows.fetch())
            seen.push_back(found);
        ASSERT_FALSE(seen.empty());
        EXPECT_EQ(seen.front(), name);
    }
}

// A statement that fails leaves the connection able to run the next one, its kept plans still
// there, inside a transaction rolled back as well as outside one.
TEST(DatabaseRows, a_failed_statement_leaves_the_kept_plans_usable) {
    TestDatabase database;
    ASSERT_EQ(run_cli(database, {"demo"}), 0);
    const long long trust_id = count_of(database, "SELECT MIN(id) FROM trusts");
    const auto names = texts_of(database, "SELECT name FROM schools ORDER BY name");
    ASSERT_FALSE(names.empty());
    {
        auto session = database.open().lease();
        EXPECT_EQ(school_named(*session, trust_id, names[0]), names[0]);
        long long count = 0;
        EXPECT_THROW(db::read_one(*session, "SELECT COUNT(*) FROM no_such_table", soci::into(count)),
                     soci::soci_error);
        EXPECT_EQ(school_named(*session, trust_id, names[0]), names[0]);
    }
    {
        db::Transaction transaction(database.open());
        EXPECT_EQ(school_named(transaction.session(), trust_id, names[0]), names[0]);
        EXPECT_THROW(db::run_change(transaction.session(), "UPDATE no_such_table SET x = 1"),
                     soci::soci_error);
    } // rolled back
    auto session = database.open().lease();
    EXPECT_EQ(school_named(*session, trust_id, names[0]), names[0]);
}

// A read made while the rows of the same query are still being read gets its own rows and leaves the
// first read where it was: on SQLite the connection's compiled statement is lent to one run at a
// time, and a second run of its query compiles its own.
TEST(DatabaseRows, a_read_inside_a_read_of_the_same_query_gets_its_own_rows) {
    TestDatabase database;
    ASSERT_EQ(run_cli(database, {"demo"}), 0);
    const long long trust_id = count_of(database, "SELECT MIN(id) FROM trusts");
    const auto names = texts_of(database, "SELECT name FROM schools ORDER BY name");
    ASSERT_GE(names.size(), 2u);
    auto session = database.open().lease();
    const std::string query =
        "SELECT name FROM schools WHERE trust_id = :trust AND name >= :name ORDER BY name";
    std::string outer_name;
    auto outer =
        db::run_once(*session, query, soci::use(trust_id), soci::use(names[0]), soci::into(outer_name));
    std::vector<std::string> seen;
    while (outer.fetch()) {
        seen.push_back(outer_name);
        std::string inner_name;
        auto inner = db::run_once(*session, query, soci::use(trust_id), soci::use(names.back()),
                                  soci::into(inner_name));
        ASSERT_TRUE(inner.fetch());
        EXPECT_EQ(inner_name, names.back());
        EXPECT_FALSE(inner.fetch());
    }
    EXPECT_EQ(seen, names);
    // Both runs over, the query runs again from the start.
    EXPECT_EQ(school_named(*session, trust_id, names[1]), names[1]);
}

// A change refused by a constraint gives back what it borrowed: the same change with good values
// then succeeds on the same connection.
TEST(DatabaseRows, a_change_refused_by_a_constraint_leaves_its_query_usable) {
    TestDatabase database;
    ASSERT_EQ(run_cli(database, {"demo"}), 0);
    const long long trust_id = count_of(database, "SELECT MIN(id) FROM trusts");
    const std::string taken = texts_of(database, "SELECT email FROM people ORDER BY id").front();
    auto session = database.open().lease();
    const std::string insert =
        "INSERT INTO people (trust_id, email, first_name, last_name, role, staff_group, phase, created_at, "
        "updated_at) VALUES (:trust, :email, 'New', 'Starter', 'staff', 'support', '', 0, 0)";
    EXPECT_THROW(db::run_change(*session, insert, soci::use(trust_id), soci::use(taken)), soci::soci_error);
    const std::string fresh = "new.starter@oakfield.example";
    EXPECT_EQ(db::run_change(*session, insert, soci::use(trust_id), soci::use(fresh)).get_affected_rows(), 1);
    long long people = 0;
    ASSERT_TRUE(db::read_one(*session, "SELECT COUNT(*) FROM people WHERE email = :email", soci::use(fresh),
                             soci::into(people)));
    EXPECT_EQ(people, 1);
}

// A read that is over holds no view of the database: after another connection commits a change,
// this connection can still start writing (on SQLite, a connection holding an older view could not)
// and its next read sees the change, though the query's statement is kept.
TEST(DatabaseRows, a_finished_read_leaves_the_connection_free_to_write_after_another_commits) {
    TestDatabase database;
    ASSERT_EQ(run_cli(database, {"demo"}), 0);
    const long long trust_id = count_of(database, "SELECT MIN(id) FROM trusts");
    const auto names = texts_of(database, "SELECT name FROM schools ORDER BY name");
    ASSERT_GE(names.size(), 2u);
    db::Database other(database.url(), 1);
    auto session = database.open().lease();
    const std::string first_school = "SELECT name FROM schools WHERE trust_id = :trust ORDER BY name";
    // Two rows match; the read stops after the first, before the statement has run to its end.
    std::string first;
    ASSERT_TRUE(db::read_one(*session, first_school, soci::use(trust_id), soci::into(first)));
    EXPECT_EQ(first, names[0]);
    {
        auto writer = other.lease();
        *writer << "UPDATE schools SET name = 'A renamed school' WHERE name = :name", soci::use(names[0]);
    }
    *session << (on_postgresql() ? "BEGIN" : "BEGIN IMMEDIATE");
    EXPECT_EQ(db::run_change(*session, "UPDATE schools SET name = :name WHERE name = :old",
                             soci::use(std::string("A school renamed twice")),
                             soci::use(std::string("A renamed school")))
                  .get_affected_rows(),
              1);
    *session << "COMMIT";
    ASSERT_TRUE(db::read_one(*session, first_school, soci::use(trust_id), soci::into(first)));
    EXPECT_EQ(first, "A school renamed twice");
}

namespace {
// A kept read of a school's name by id, as the session lookup is kept.
struct SchoolName {
    static constexpr const char* kQuery = "SELECT name FROM schools WHERE id = :id";
    long long id = 0;
    std::string name;
    void exchange(soci::statement& statement) {
        statement.exchange(soci::use(id));
        statement.exchange(soci::into(name));
    }
};
} // namespace

// A kept statement reads with each run's values and sees what other connections committed between
// its runs: on SQLite it runs the connection's compiled statement, reset once its rows are read.
TEST(DatabaseRows, a_kept_read_sees_each_runs_values_and_changes_committed_between_runs) {
    TestDatabase database;
    ASSERT_EQ(run_cli(database, {"demo"}), 0);
    const long long first = count_of(database, "SELECT MIN(id) FROM schools");
    const long long last = count_of(database, "SELECT MAX(id) FROM schools");
    ASSERT_NE(first, last);
    db::Database other(database.url(), 1);
    auto session = database.open().lease();
    auto& read = db::kept<SchoolName>(*session);
    const auto name_of = [&](long long id) {
        read.fields.id = id;
        read.run();
        std::string found = read.fetch() ? read.fields.name : "(none)";
        while (read.fetch()) {
        }
        return found;
    };
    const std::string last_name = name_of(last);
    EXPECT_NE(name_of(first), last_name);
    EXPECT_EQ(name_of(last), last_name);
    EXPECT_EQ(name_of(last + 1000), "(none)");
    {
        auto writer = other.lease();
        *writer << "UPDATE schools SET name = 'Renamed between runs' WHERE id = :id", soci::use(first);
    }
    EXPECT_EQ(name_of(first), "Renamed between runs");
}

// A server on SQLite gives the query planner the tables' statistics as it starts: without them it
// walked every group membership of a trust to find one person's groups.
TEST(DatabaseRows, a_server_on_sqlite_gathers_the_planners_statistics_as_it_starts) {
    if (on_postgresql())
        GTEST_SKIP() << "PostgreSQL's autovacuum gathers its own";
    TestDatabase database;
    ASSERT_EQ(run_cli(database, {"demo"}), 0);
    TestServer server(database);
    EXPECT_GT(count_of(database, "SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'people'"), 0);
}

// A list of ids bound as one value picks exactly those rows on both engines, however many there are
// (none, one, several), and the statement's text stays the same for each.
TEST(DatabaseRows, an_id_set_picks_exactly_the_ids_bound_and_keeps_one_statement) {
    TestDatabase database;
    ASSERT_EQ(run_cli(database, {"demo"}), 0);
    const auto ids = texts_of(database, "SELECT CAST(id AS TEXT) FROM people ORDER BY id LIMIT 4");
    ASSERT_EQ(ids.size(), 4u);
    auto session = database.open().lease();
    soci::session& sql = *session;
    const std::string query =
        "SELECT COUNT(*), COALESCE(SUM(id), 0) FROM people WHERE " + db::id_set_condition(sql, "id", "ids");
    const auto count_and_sum = [&](const std::vector<long long>& wanted) {
        long long count = 0, sum = 0;
        const std::string value = db::id_set_value(wanted);
        db::read_one(sql, query, soci::into(count), soci::into(sum), soci::use(value));
        return std::pair{count, sum};
    };
    const long long first = std::stoll(ids[0]), third = std::stoll(ids[2]), fourth = std::stoll(ids[3]);
    EXPECT_EQ(count_and_sum({}), (std::pair<long long, long long>{0, 0}));
    EXPECT_EQ(count_and_sum({third}), (std::pair<long long, long long>{1, third}));
    EXPECT_EQ(count_and_sum({first, fourth, third}),
              (std::pair<long long, long long>{3, first + third + fourth}));
    EXPECT_EQ(count_and_sum({first, 999999999}), (std::pair<long long, long long>{1, first}));
    EXPECT_EQ(db::id_set_value({3, 1, 2}), "[3,1,2]");
    // Four lists of different lengths ran as one statement: PostgreSQL kept a single plan for them.
    if (on_postgresql()) {
        long long plans = 0;
        sql << "SELECT COUNT(*) FROM pg_prepared_statements WHERE name LIKE 'trellis_plan_%' AND statement "
               "LIKE '%json_array_elements_text%'",
            soci::into(plans);
        EXPECT_EQ(plans, 1);
    }
}

// A lease waits for a connection to come free, and when none does within the pool's wait it fails
// with an error rather than hanging the request for good.
TEST(DatabaseRows, a_lease_waits_for_a_free_connection_and_gives_up_with_an_error) {
    using namespace std::chrono;
    TestDatabase database;
    db::Database pool(database.url(), 1, milliseconds(300));
    {
        auto held = pool.lease();
        const auto started = steady_clock::now();
        EXPECT_THROW(pool.lease(), std::runtime_error);
        EXPECT_GE(steady_clock::now() - started, milliseconds(250));
    }
    std::atomic<bool> leased = false;
    std::thread holder([&pool, &leased] {
        auto held = pool.lease();
        leased = true;
        std::this_thread::sleep_for(milliseconds(100));
    });
    while (!leased)
        std::this_thread::yield();
    auto taken = pool.lease(); // given back by the holder within the wait
    int one = 0;
    *taken << "SELECT 1", soci::into(one);
    EXPECT_EQ(one, 1);
    holder.join();
}
