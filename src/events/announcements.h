#pragma once

#include <string>
#include <vector>

#include "accounts/model.h"
#include "events/model.h"
#include "notifications/model.h"

// What training days owe a person on their home page: a call for offers open to them, choices to
// make, a timetable out, feedback to give or to read. The notifications service asks for these.
namespace trellis::events {

// The query that reads the person's standing on the trust's training days for their notices (a
// notifications::OwedSource's query): the days published or in feedback where they are placed or run
// a workshop, and the days open for choices where they have chosen.
std::string standing_for_notices();

// Every notice training days owe the person now, whether or not they have had it, `today` being
// YYYY-MM-DD: among them a reminder when choices close within two days, for those who take part and
// have not chosen yet. `events` are the trust's (EventService::events); `standing` what
// standing_for_notices() read for the person.
std::vector<notifications::Owed> owed_notices(const accounts::Actor& actor, const std::string& today,
                                              const std::vector<Event>& events,
                                              const std::vector<notifications::OwedRow>& standing);

} // namespace trellis::events
