#include <string>

#include <gtest/gtest.h>

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
    if (on_postgresql())
        EXPECT_EQ(kept_plans(sql), plans_before + 1);

    // Rows read row by row, twice with different values.
    for (const std::string& name : {names[0], names[1]}) {
        std::string found;
        soci::statement rows = db::run_once(
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
