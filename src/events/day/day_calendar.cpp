#include "events/day/day_calendar.h"

namespace trellis::events {

std::string place_of(const SessionView& view, const Event& event) {
    return event.venue.empty() ? view.room.name : view.room.name + ", " + event.venue;
}

std::vector<calendar::ics::CalendarEntry> workshop_entries(const Timetable& timetable, long long person_id) {
    const Event& event = timetable.event;
    std::vector<calendar::ics::CalendarEntry> entries;
    for (const TimetableLine& line : timetable.lines) {
        if (!line.session)
            continue;
        const SessionView& view = *line.session;
        std::string description =
            line.presenting ? "You are running this workshop." : "Run by " + view.presenter_name + ".";
        if (!view.summary.empty())
            description += "\n\n" + view.summary;
        entries.push_back({.uid = "event-" + std::to_string(event.id) + "-slot-" +
                                  std::to_string(line.slot.id) + "-person-" + std::to_string(person_id) +
                                  "@trellis",
                           .date = event.event_date,
                           .starts_at = line.slot.starts_at,
                           .ends_at = line.slot.ends_at,
                           .summary = view.title,
                           .location = place_of(view, event),
                           .description = description});
    }
    return entries;
}

} // namespace trellis::events
