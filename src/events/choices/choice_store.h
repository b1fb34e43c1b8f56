#pragma once

#include <string>
#include <vector>

#include <soci/soci.h>

#include "events/choices/choice_model.h"
#include "events/model.h"

// The only SQL for staff's choices and who takes part. Every function
// names the trust.
namespace trellis::events::store {

// Everyone who takes part in the event, by surname.
std::vector<Participant> participants(soci::session& sql, const Event& event);
// How many take part, counted by the database.
long long count_participants(soci::session& sql, const Event& event);
// One participant, if the person takes part.
std::vector<Participant> participant(soci::session& sql, const Event& event, long long person_id);
// Every choice made for the event, by person then rank.
std::vector<Choice> choices_of_event(soci::session& sql, long long trust_id, long long event_id);
// One person's choices, by rank.
std::vector<Choice> choices_of_person(soci::session& sql, long long trust_id, long long event_id,
                                      long long person_id);
// Replaces the person's choices with these offers, the first as rank 1.
void replace_choices(soci::session& sql, long long trust_id, long long event_id, long long person_id,
                     const std::vector<long long>& offer_ids);

} // namespace trellis::events::store
