#pragma once

#include <string>
#include <vector>

#include <soci/soci.h>

#include "events/day_model.h"

// The only SQL for notices: messages on a person's home page in place of email. Every function
// names the trust in its query.
namespace trellis::events::notice_store {

// The person's notices not yet dismissed, newest first.
std::vector<Notice> active_notices(soci::session& sql, long long trust_id, long long person_id);
// Every link the person has had a notice for, dismissed or not.
std::vector<std::string> links_noticed(soci::session& sql, long long trust_id, long long person_id);
// Adds a notice unless the person already has one with the same link.
// Puts the same notice on each person's home page, in one statement.
void add_to_each(soci::session& sql, long long trust_id, const std::vector<long long>& person_ids,
                 const std::string& text, const std::string& link);
void add_once(soci::session& sql, long long trust_id, long long person_id, const std::string& text,
              const std::string& link);
// Marks the person's notices with this link dismissed.
void dismiss_link(soci::session& sql, long long trust_id, long long person_id, const std::string& link);
// Marks the notice dismissed; returns false when the person has no such notice.
bool dismiss(soci::session& sql, long long trust_id, long long person_id, long long notice_id);

// An event in a stage that has something to tell this person, and what they did there.
struct EventToAnnounce {
    long long event_id = 0;
    std::string title;
    std::string stage;
    bool attended = false;   // marked present at one of its workshops
    bool presenting = false; // runs one of its workshops
};
// The published events (stages published and feedback) where the person is placed in a workshop or
// runs one.
std::vector<EventToAnnounce> events_to_announce(soci::session& sql, long long trust_id, long long person_id);

} // namespace trellis::events::notice_store
