#include "year/invitations.h"

#include <map>

namespace trellis::year {

namespace {

bool same_appointment(const calendar::ics::CalendarEntry& a, const calendar::ics::CalendarEntry& b) {
    return a.date == b.date && a.starts_at == b.starts_at && a.ends_at == b.ends_at &&
           a.location == b.location && a.summary == b.summary;
}

} // namespace

std::vector<InvitationChange> plan_invitations(const std::vector<SentInvitation>& sent,
                                               const std::vector<Invited>& wanted, const std::string& today) {
    std::map<std::string, const SentInvitation*> sent_by_uid;
    for (const SentInvitation& invitation : sent)
        sent_by_uid[invitation.entry.uid] = &invitation;
    std::vector<InvitationChange> changes;
    std::map<std::string, bool> still_wanted;
    for (const Invited& invited : wanted) {
        still_wanted[invited.entry.uid] = true;
        if (invited.entry.date < today)
            continue;
        const auto found = sent_by_uid.find(invited.entry.uid);
        InvitationChange change{calendar::ics::Method::Request, invited, found == sent_by_uid.end()};
        if (change.first_sent) {
            change.invitation.entry.sequence = 0;
            changes.push_back(change);
            continue;
        }
        const SentInvitation& before = *found->second;
        if (!before.cancelled && same_appointment(before.entry, invited.entry))
            continue;
        change.invitation.entry.sequence = before.entry.sequence + 1;
        changes.push_back(change);
    }
    for (const SentInvitation& before : sent) {
        if (before.cancelled || before.entry.date < today || still_wanted.count(before.entry.uid))
            continue;
        InvitationChange change{calendar::ics::Method::Cancel, Invited{before.entry, before.link}, false};
        change.invitation.entry.sequence = before.entry.sequence + 1;
        changes.push_back(change);
    }
    return changes;
}

} // namespace trellis::year
