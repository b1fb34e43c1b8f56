// What a server keeps per trust: read once per version of the trust's shared data, read again when
// the version moves on, never kept when the version is unknown, and never replaced by an older read.
#include <gtest/gtest.h>

#include <string>

#include "db/per_trust.h"

using trellis::db::PerTrust;

namespace {

// A read that counts how often it ran and returns what the database would hold now.
struct CountedRead {
    int runs = 0;
    std::string holding = "first";
    auto operator()() {
        return [this] {
            ++runs;
            return holding;
        };
    }
};

} // namespace

TEST(PerTrust, reads_once_per_version_and_again_when_the_version_moves_on) {
    PerTrust<std::string> kept;
    CountedRead read;
    EXPECT_EQ(*kept.at(1, 7, read()), "first");
    EXPECT_EQ(*kept.at(1, 7, read()), "first");
    EXPECT_EQ(read.runs, 1);

    read.holding = "second"; // changed, and the trust's version raised with it
    EXPECT_EQ(*kept.at(1, 8, read()), "second");
    EXPECT_EQ(read.runs, 2);
    // A request whose session read the older version is served the newer value: it is newer still.
    EXPECT_EQ(*kept.at(1, 7, read()), "second");
    EXPECT_EQ(read.runs, 2);
}

TEST(PerTrust, keeps_each_trust_apart) {
    PerTrust<std::string> kept;
    CountedRead oakfield, northfield;
    northfield.holding = "northfield";
    EXPECT_EQ(*kept.at(1, 3, oakfield()), "first");
    EXPECT_EQ(*kept.at(2, 3, northfield()), "northfield");
    EXPECT_EQ(*kept.at(1, 3, oakfield()), "first");
    EXPECT_EQ(oakfield.runs + northfield.runs, 2);
}

TEST(PerTrust, an_unknown_version_reads_every_time_and_keeps_nothing) {
    PerTrust<std::string> kept;
    CountedRead read;
    kept.at(1, -1, read());
    kept.at(1, -1, read());
    EXPECT_EQ(read.runs, 2);
    kept.at(1, 0, read());
    EXPECT_EQ(read.runs, 3); // nothing was kept by the unknown reads
}

TEST(PerTrust, a_read_at_an_older_version_does_not_replace_a_newer_value) {
    PerTrust<std::string> kept;
    CountedRead newer;
    newer.holding = "newer";
    // A request whose session saw version 8 reads slowly; meanwhile another, after a change, keeps
    // what it read at version 9.
    const auto slow = kept.at(1, 8, [&] {
        kept.at(1, 9, newer());
        return std::string("older");
    });
    EXPECT_EQ(*slow, "older"); // the slow request has what it read
    EXPECT_EQ(*kept.at(1, 9, newer()), "newer");
    EXPECT_EQ(newer.runs, 1); // and the newer value stayed kept
}

TEST(PerTrust, forgetting_reads_again_at_the_same_version) {
    PerTrust<std::string> kept;
    CountedRead read;
    kept.at(1, 4, read());
    read.holding = "changed by this server";
    kept.forget(1);
    EXPECT_EQ(*kept.at(1, 4, read()), "changed by this server");
    EXPECT_EQ(read.runs, 2);
}
