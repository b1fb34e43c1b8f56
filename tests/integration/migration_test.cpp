#include <future>
#include <vector>

#include <gtest/gtest.h>

#include "db/migrator.h"
#include "harness.h"

using namespace trellis::testing;

// Servers that start together against one database must apply each migration exactly once.
TEST(Migrations, servers_starting_at_once_migrate_once_and_all_succeed) {
    TestDatabase database;
    std::vector<std::future<int>> runs;
    for (int i = 0; i < 4; ++i)
        runs.push_back(
            std::async(std::launch::async, [&database] { return run_cli(database, {"migrate"}); }));
    for (auto& run : runs)
        EXPECT_EQ(run.get(), 0);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM schema_migrations"),
              count_of(database, "SELECT COUNT(DISTINCT version) FROM schema_migrations"));
    EXPECT_EQ(count_of(database, "SELECT MAX(version) FROM schema_migrations"),
              trellis::db::latest_migration_version());
    // Running again finds nothing to do.
    std::string output;
    EXPECT_EQ(run_cli(database, {"migrate"}, &output), 0);
    EXPECT_NE(output.find("Applied 0 migration(s)"), std::string::npos) << output;
}
