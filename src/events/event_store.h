#pragma once

#include <optional>
#include <vector>

#include <soci/soci.h>

#include "events/model.h"

// The only SQL for events and what they are laid out in: slots, rooms, priorities, schools and
// reviewers. Every function takes the trust id and names it in its query.
namespace trellis::events::store {

// Inserts the event with its schools and returns its id.
long long insert_event(soci::session& sql, const Event& event);
// Replaces the event's own fields and its schools (not its stage).
void update_event(soci::session& sql, const Event& event);
void set_stage(soci::session& sql, long long trust_id, long long event_id, Stage stage);
std::optional<Event> find_event(soci::session& sql, long long trust_id, long long event_id);
// The trust's events, soonest first.
std::vector<Event> events_of(soci::session& sql, long long trust_id);
// The same, each laid out in its slots, rooms and priorities (four reads for the whole trust).
std::vector<EventLayout> layouts_of(soci::session& sql, long long trust_id);

// Replace the event's slots, rooms or priorities with these, keeping the ids of rows whose id is
// given (so sessions placed in them stay) and deleting the rest.
void replace_slots(soci::session& sql, long long trust_id, long long event_id, std::vector<Slot>& slots);
void replace_rooms(soci::session& sql, long long trust_id, long long event_id, std::vector<Room>& rooms);
void replace_priorities(soci::session& sql, long long trust_id, long long event_id,
                        std::vector<Priority>& priorities);
std::vector<Slot> slots_of(soci::session& sql, long long trust_id, long long event_id);
std::vector<Room> rooms_of(soci::session& sql, long long trust_id, long long event_id);
std::vector<Priority> priorities_of(soci::session& sql, long long trust_id, long long event_id);

// The counts behind the lead's life-cycle panel, except who takes part (see choice_store); with
// `only`, just those that stage's progress is told in (the rest left 0).
DayCounts day_counts(soci::session& sql, long long trust_id, long long event_id,
                     std::optional<Stage> only = std::nullopt);

std::vector<long long> reviewers_of(soci::session& sql, long long trust_id, long long event_id);
void set_reviewers(soci::session& sql, long long trust_id, long long event_id,
                   const std::vector<long long>& person_ids);
bool is_reviewer(soci::session& sql, long long trust_id, long long event_id, long long person_id);

} // namespace trellis::events::store
