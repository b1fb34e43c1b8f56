// Pages read several small things of one person in one statement (db::PersonBatch): each use of
// :trust and :person becomes a parameter of its own, bound by position, and each read's rows come
// back in its own list.
#include <gtest/gtest.h>

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "db/person_batch.h"

namespace trellis::db {
namespace {

TEST(PersonBatch, names_each_use_of_the_trust_and_the_person_apart_in_order) {
    const PersonBatch batch({"SELECT id, title, '', 0, 0, 0, 0, 0 FROM a WHERE trust_id = :trust AND "
                             "(owner = :person OR helper = :person)",
                             "SELECT id, '', '', 0, 0, 0, 0, 0 FROM b WHERE trust_id = :trust"});
    EXPECT_EQ(batch.person_parameters(), (std::vector<bool>{false, true, true, false}));
    for (int i = 0; i < 4; ++i)
        EXPECT_NE(batch.statement().find(":p" + std::to_string(i)), std::string::npos) << i;
    EXPECT_EQ(batch.statement().find(":trust"), std::string::npos);
    EXPECT_EQ(batch.statement().find(":person"), std::string::npos);
    EXPECT_EQ(batch.statement().rfind("SELECT 0, r0.* FROM (SELECT id, title", 0), 0u);
    EXPECT_NE(batch.statement().find("UNION ALL SELECT 1, r1.* FROM (SELECT id, '', ''"), std::string::npos);
}

TEST(PersonBatch, leaves_longer_names_that_begin_the_same_alone) {
    const PersonBatch batch(
        {"SELECT id, '', '', 0, 0, 0, 0, 0 FROM c WHERE trust_id = :trust AND x = :trusted"});
    EXPECT_EQ(batch.person_parameters(), (std::vector<bool>{false}));
    EXPECT_NE(batch.statement().find(":trusted"), std::string::npos);
}

TEST(PersonBatch, refuses_a_batch_of_nothing) {
    EXPECT_THROW(PersonBatch({}), std::invalid_argument);
}

// Run against SQLite in memory: the person's own rows of each read, in their own list, newest first;
// another person's and another trust's rows are not among them, and a read with no rows gives an
// empty list.
TEST(PersonBatch, gives_each_read_its_own_rows_of_the_person_newest_first) {
    soci::session sql(soci::sqlite3, ":memory:");
    sql << "CREATE TABLE notes (id INTEGER, trust_id INTEGER, person_id INTEGER, body TEXT, at INTEGER)";
    sql << "CREATE TABLE marks (id INTEGER, trust_id INTEGER, person_id INTEGER, score INTEGER)";
    sql << "INSERT INTO notes VALUES (1, 7, 3, 'older', 100), (2, 7, 3, 'newer', 200), "
           "(3, 7, 4, 'someone else', 300), (4, 8, 3, 'another trust', 400)";
    const PersonBatch batch({"SELECT id, body, '', at, 0, 0, 0, 0 FROM notes WHERE trust_id = :trust AND "
                             "person_id = :person",
                             "SELECT id, '', '', score, 0, 0, 0, 0 FROM marks WHERE trust_id = :trust AND "
                             "person_id = :person"});
    const auto rows = batch.read(sql, 7, 3);
    ASSERT_EQ(rows.size(), 2u);
    ASSERT_EQ(rows[0].size(), 2u);
    EXPECT_EQ(rows[0][0].text, "newer");
    EXPECT_EQ(rows[0][0].first, 200);
    EXPECT_EQ(rows[0][1].text, "older");
    EXPECT_TRUE(rows[1].empty());
}

} // namespace
} // namespace trellis::db
