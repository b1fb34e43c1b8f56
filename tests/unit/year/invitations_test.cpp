// What invitations to send, given what was sent before: new, moved, cancelled, past, unchanged.
#include <gtest/gtest.h>

#include "year/invitations.h"

using namespace trellis::year;
using trellis::calendar::ics::Method;

namespace {

Invited session(const std::string& uid, const std::string& day, const std::string& room = "Hall") {
    return {{.uid = uid,
             .date = day,
             .starts_at = "09:00",
             .ends_at = "10:00",
             .summary = "Questioning",
             .location = room,
             .description = ""},
            "/programmes/1#activity-2"};
}

SentInvitation sent(const Invited& invited, long long sequence, bool cancelled = false) {
    SentInvitation before{invited.entry, invited.link, cancelled};
    before.entry.sequence = sequence;
    return before;
}

} // namespace

TEST(Invitations, a_new_entry_is_a_request_at_sequence_0) {
    const auto changes = plan_invitations({}, {session("a", "2027-03-01")}, "2027-02-01");
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_EQ(changes[0].method, Method::Request);
    EXPECT_TRUE(changes[0].first_sent);
    EXPECT_EQ(changes[0].invitation.entry.sequence, 0);
}

TEST(Invitations, nothing_is_sent_again_for_an_unchanged_entry) {
    const Invited a = session("a", "2027-03-01");
    EXPECT_TRUE(plan_invitations({sent(a, 3)}, {a}, "2027-02-01").empty());
}

TEST(Invitations, a_change_of_room_time_or_title_sends_the_next_sequence) {
    const Invited before = session("a", "2027-03-01");
    for (auto change :
         {+[](Invited& x) { x.entry.location = "Library"; }, +[](Invited& x) { x.entry.starts_at = "09:30"; },
          +[](Invited& x) { x.entry.date = "2027-03-02"; },
          +[](Invited& x) { x.entry.summary = "Another workshop"; }}) {
        Invited after = before;
        change(after);
        const auto changes = plan_invitations({sent(before, 1)}, {after}, "2027-02-01");
        ASSERT_EQ(changes.size(), 1u);
        EXPECT_EQ(changes[0].method, Method::Request);
        EXPECT_FALSE(changes[0].first_sent);
        EXPECT_EQ(changes[0].invitation.entry.sequence, 2);
    }
}

TEST(Invitations, a_place_taken_away_is_cancelled_once_with_the_next_sequence) {
    const Invited a = session("a", "2027-03-01");
    auto changes = plan_invitations({sent(a, 0)}, {}, "2027-02-01");
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_EQ(changes[0].method, Method::Cancel);
    EXPECT_EQ(changes[0].invitation.entry.sequence, 1);
    EXPECT_EQ(changes[0].invitation.entry.uid, "a");
    EXPECT_TRUE(plan_invitations({sent(a, 1, /*cancelled=*/true)}, {}, "2027-02-01").empty());
    // Given back, it is invited again above the cancellation.
    changes = plan_invitations({sent(a, 1, true)}, {a}, "2027-02-01");
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_EQ(changes[0].method, Method::Request);
    EXPECT_EQ(changes[0].invitation.entry.sequence, 2);
}

TEST(Invitations, the_past_is_left_alone) {
    const Invited past = session("a", "2027-01-10");
    EXPECT_TRUE(plan_invitations({}, {past}, "2027-02-01").empty());
    EXPECT_TRUE(plan_invitations({sent(past, 0)}, {}, "2027-02-01").empty());
}
