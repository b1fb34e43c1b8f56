#pragma once

#include <string>
#include <vector>

#include "calendar/ics.h"

// Calendar invitations by email for what a person's year holds at a set time: workshop places on a
// published training day and programme sessions. Pure: what to send, given what was sent before.
namespace trellis::year {

// An entry a person should have in their calendar, and the page it comes from.
struct Invited {
    calendar::ics::CalendarEntry entry; // its sequence is ignored: the plan sets it
    std::string link;
};

// An invitation as it was last sent.
struct SentInvitation {
    calendar::ics::CalendarEntry entry;
    std::string link;
    bool cancelled = false;
};

struct InvitationChange {
    calendar::ics::Method method = calendar::ics::Method::Request;
    Invited invitation;      // the entry with the sequence to send
    bool first_sent = false; // no invitation with this UID went before
};

// What to send so the person's calendar matches `wanted`: a REQUEST for each new entry (sequence 0),
// a REQUEST with the next sequence for each whose day, times, place or title changed (or that was
// cancelled and is wanted again), and a CANCEL with the next sequence for each sent, not cancelled,
// not yet past and no longer wanted. Entries before `today` (YYYY-MM-DD) are left alone.
std::vector<InvitationChange> plan_invitations(const std::vector<SentInvitation>& sent,
                                               const std::vector<Invited>& wanted, const std::string& today);

} // namespace trellis::year
