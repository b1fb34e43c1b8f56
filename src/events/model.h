#pragma once

#include <optional>
#include <string>
#include <vector>

#include "people/model.h"
#include "text/dates.h"
#include "text/words.h"

// Training days: what a trust's event is made of, as plain data (schema: 0003_events.sql).
namespace trellis::events {

// Where an event is in its cycle. The trust PD lead moves it on; each stage opens what it names.
enum class Stage {
    Draft,      // only leads see it while they prepare the brief, slots and rooms
    Offers,     // the call for offers is open; reviewers review as offers arrive
    Scheduling, // offers are closed; approved workshops are placed in slots and rooms
    Choices,    // staff rank their choices
    Allocating, // choices are closed; the lead allocates and adjusts by hand
    Published,  // timetables, registers and room sheets are out
    Feedback,   // the survey is open to those who attended
};

std::optional<Stage> stage_from_text(const std::string& text);
std::string text_of(Stage stage);
// A label for people, e.g. "Choices open".
std::string label_of(Stage stage);
// Every stage in order, for the lead's stage control.
const std::vector<Stage>& all_stages();

struct Event {
    long long id = 0;
    long long trust_id = 0;
    std::string title;
    std::string event_date; // YYYY-MM-DD
    std::string venue;
    Stage stage = Stage::Draft;
    int choices_wanted = 3;
    int reserves_wanted = 2;
    std::string offers_close; // YYYY-MM-DD or ""
    std::string choices_open;
    std::string choices_close;
    std::vector<people::StaffGroup> staff_groups; // empty: every group
    std::vector<long long> school_ids;            // the schools taking part
    std::string brief_purpose;
    std::string brief_audiences;
    std::string brief_format;
    std::string brief_length;
    std::string brief_quality;
    long long created_by = 0;
};

struct Slot {
    long long id = 0;
    int position = 0;
    std::string starts_at; // HH:MM
    std::string ends_at;

    std::string label() const { return starts_at + "–" + ends_at; }
};

struct Room {
    long long id = 0;
    std::string name;
    int capacity = 0;
    std::string notes;
};

struct Priority {
    long long id = 0;
    int position = 0;
    std::string title;
};

// An event with everything it is laid out in.
struct EventLayout {
    Event event;
    std::vector<Slot> slots;
    std::vector<Room> rooms;
    std::vector<Priority> priorities;
};

// How far an event has got, counted for the lead's life-cycle panel.
struct DayCounts {
    long long offers_waiting = 0; // submitted, not yet decided
    long long offers_approved = 0;
    long long sessions = 0; // approved workshops placed in a slot and room
    long long taking_part = 0;
    long long chosen = 0;         // people who have ranked workshops
    long long placed = 0;         // people placed in at least one workshop
    long long registers_kept = 0; // sessions with a register taken
    long long feedback_given = 0; // people who gave feedback
};

// True when a person of this group and school takes part in the event.
bool takes_part(const Event& event, people::StaffGroup group, long long school_id);

using text::trimmed;

using text::long_date;

} // namespace trellis::events
