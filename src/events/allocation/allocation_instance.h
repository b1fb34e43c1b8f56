#pragma once

#include <string>
#include <vector>

#include "allocation/model.h"
#include "events/allocation/allocation_store.h"
#include "events/choices/choice_model.h"
#include "events/model.h"
#include "events/schedule/schedule_model.h"

// The bridge between an event and the pure allocation engine: an engine instance built from the
// event's sessions, audiences and choices, and the engine's answer turned back into placements.
namespace trellis::events {

// An engine instance with the event ids behind each of its positions.
struct EventInstance {
    allocation::Instance instance;
    std::vector<long long> slot_ids;      // by engine slot
    std::vector<long long> session_ids;   // by engine session
    std::vector<long long> person_ids;    // by engine person
    std::vector<std::string> slot_labels; // by engine slot, e.g. "09:30–10:30"
};

// An engine explanation in the event's own words: workshop titles and slot times for their ids.
std::string readable(const std::string& reason, const EventInstance& instance);

// Every participant becomes a person with their choices (reserves after them, workshops that no
// longer run dropped); every scheduled workshop becomes a workshop with its audience and sessions.
EventInstance instance_of(const EventLayout& layout, const std::vector<Workshop>& workshops,
                          const std::vector<WorkshopSession>& sessions,
                          const std::vector<Participant>& participants, const std::vector<Choice>& choices);

// One placement row per person per slot, from the engine's allocation.
std::vector<store::PlacementRow> placements_of(const EventInstance& instance,
                                               const allocation::Allocation& allocation);

} // namespace trellis::events
