#pragma once

#include <string>
#include <vector>

#include "people/model.h"

// Approved workshops and the sessions they run in, as the schedule, catalogue, choices and
// allocation see them (tables workshop_offers and workshop_sessions of 0003_events.sql).
namespace trellis::events {

// An approved offer with what staff need to know to choose it.
struct Workshop {
    long long id = 0;
    long long presenter_id = 0;
    std::string presenter_name;
    std::string presenter_school;
    std::string title;
    std::string summary;
    std::string outcomes;
    std::string phase; // a school phase, or "" for any
    std::string room_needs;
    std::vector<people::StaffGroup> audience; // empty: open to every group
    long long priority_id = 0;                // 0: none
    std::string priority_title;
    int max_group = 0;
    bool can_repeat = false;
};

// A workshop placed in a slot and a room. Its places are the smaller of the room's capacity and
// the workshop's largest group.
struct WorkshopSession {
    long long id = 0;
    long long offer_id = 0;
    long long slot_id = 0;
    long long room_id = 0;
    int capacity = 0;
};

// One cell of the schedule grid that the lead fills: this workshop in this slot and room.
struct Placement {
    long long slot_id = 0;
    long long room_id = 0;
    long long offer_id = 0;
};

// True when a person of this group may choose the workshop.
bool open_to(const Workshop& workshop, people::StaffGroup group);

} // namespace trellis::events
