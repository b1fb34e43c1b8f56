#pragma once

#include <string>
#include <vector>

#include "people/model.h"

// Who takes part in an event and what they chose (table workshop_choices of 0003_events.sql).
namespace trellis::events {

// A member of staff who takes part in an event: their group is in the event and their school
// (or the central team) takes part.
struct Participant {
    long long id = 0;
    std::string first_name;
    std::string last_name;
    std::string email;
    long long school_id = 0; // 0: the central team
    std::string school_name;
    people::StaffGroup group = people::StaffGroup::Teacher;
    std::string phase;

    std::string full_name() const { return first_name + " " + last_name; }
};

// One ranked choice: rank 1 is the person's first choice; ranks past choices_wanted are reserves.
struct Choice {
    long long person_id = 0;
    int rank = 0;
    long long offer_id = 0;
};

// How much a workshop is wanted, against the places it has.
struct Demand {
    long long offer_id = 0;
    std::string title;
    int first_choices = 0;
    int any_rank = 0; // chosen at any rank, reserves included
    int places = 0;   // the sum of its sessions' places
};

} // namespace trellis::events
