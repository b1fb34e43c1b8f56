// The home page reads a person's notices and each area's standing in one statement: each use of
// :trust and :person becomes a parameter of its own, bound by position.
#include <gtest/gtest.h>

#include "notifications/store.h"

namespace trellis::notifications::store {
namespace {

TEST(SourcedRead, names_each_use_of_the_trust_and_the_person_apart_in_order) {
    const SourcedRead read = sourced_read({"SELECT id, title, '', 0, 0 FROM a WHERE trust_id = :trust AND "
                                           "(owner = :person OR helper = :person)",
                                           "SELECT id, '', '', 0, 0 FROM b WHERE trust_id = :trust"});
    EXPECT_EQ(read.sources, 2u);
    // The notices first (trust, person), then the first query's three uses, then the second's one.
    EXPECT_EQ(read.is_person, (std::vector<bool>{false, true, false, true, true, false}));
    for (int i = 0; i < 6; ++i)
        EXPECT_NE(read.query.find(":p" + std::to_string(i)), std::string::npos) << i;
    EXPECT_EQ(read.query.find(":trust"), std::string::npos);
    EXPECT_EQ(read.query.find(":person"), std::string::npos);
    EXPECT_NE(read.query.find("UNION ALL SELECT 1, s1.* FROM (SELECT id, title"), std::string::npos);
    EXPECT_NE(read.query.find("UNION ALL SELECT 2, s2.* FROM (SELECT id, '', ''"), std::string::npos);
}

TEST(SourcedRead, leaves_longer_names_that_begin_the_same_alone) {
    const SourcedRead read =
        sourced_read({"SELECT id, '', '', 0, 0 FROM c WHERE trust_id = :trust AND x = :trusted"});
    EXPECT_EQ(read.is_person, (std::vector<bool>{false, true, false}));
    EXPECT_NE(read.query.find(":trusted"), std::string::npos);
}

} // namespace
} // namespace trellis::notifications::store
