#pragma once

#include <vector>

#include "calendar/ics.h"
#include "events/day/day_model.h"

// A person's training day as calendar entries, one per workshop they attend or run: the same entries
// for the downloadable timetable and for the invitations sent by email.
namespace trellis::events {

// The room, and the venue when the day has one: "Library, Oakfield Academy".
std::string place_of(const SessionView& view, const Event& event);

// One entry per slot with a workshop. The UID names the slot, not the workshop, so moving someone to
// another workshop in the same slot updates their calendar rather than adding a second entry.
std::vector<calendar::ics::CalendarEntry> workshop_entries(const Timetable& timetable, long long person_id);

} // namespace trellis::events
