#pragma once

#include <string>
#include <vector>

#include <soci/soci.h>

#include "accounts/model.h"
#include "events/model.h"
#include "notifications/model.h"

// What training days owe a person on their home page: a call for offers open to them, choices to
// make, a timetable out, feedback to give or to read. The notifications service asks for these.
namespace trellis::events {

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

// Every notice training days owe the person now, whether or not they have had it, `today` being
// YYYY-MM-DD: among them a reminder when choices close within two days, for those who take part and
// have not chosen yet.
// `events` are the trust's (EventService::events).
std::vector<notifications::Owed> owed_notices(soci::session& sql, const accounts::Actor& actor,
                                              const std::string& today, const std::vector<Event>& events);

} // namespace trellis::events
