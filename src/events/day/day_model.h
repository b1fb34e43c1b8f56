#pragma once

#include <optional>
#include <string>
#include <vector>

#include "attendance/model.h"
#include "events/model.h"
#include "feedback/model.h"
#include "people/model.h"

// On the day and after it: sessions as people meet them, registers, feedback and notices, as plain
// data (schema: 0003_events.sql).
namespace trellis::events {

// A workshop placed in a slot and a room, with who runs it and how many people are placed there.
struct SessionView {
    long long id = 0;
    long long offer_id = 0;
    std::string title;
    std::string summary;
    long long presenter_id = 0;
    std::string presenter_name;
    Slot slot;
    Room room;
    int placed = 0;
};

// One line of a person's timetable: a slot and what they do in it (attend, run, or nothing).
struct TimetableLine {
    Slot slot;
    std::optional<SessionView> session;
    bool presenting = false; // the person runs this session
};

struct Timetable {
    Event event;
    std::vector<TimetableLine> lines;
    bool any_workshop() const {
        for (const auto& line : lines)
            if (line.session)
                return true;
        return false;
    }
};

// What happens in one room through the day, for the site team.
struct RoomSheetLine {
    Slot slot;
    std::optional<SessionView> session; // nullopt: the room is free in this slot
};
struct RoomSheet {
    Room room;
    std::vector<RoomSheetLine> lines;
};

// A person placed in a session, and whether they were marked present (one shape for every register).
using attendance::RegisterEntry;

struct Register {
    Event event;
    SessionView session;
    std::vector<RegisterEntry> entries;
    bool taken = false; // saved at least once
};

struct FeedbackResults {
    Event event;
    bool everything = false; // the lead's view: the day, schools, staff groups
    std::vector<feedback::RatingSummary> workshops;
    feedback::RatingSummary day;
    std::vector<feedback::RatingSummary> by_school; // workshop ratings by the respondent's school
    std::vector<feedback::RatingSummary> by_staff_group;
};

} // namespace trellis::events
