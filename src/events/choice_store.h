#pragma once

#include <string>
#include <vector>

#include <soci/soci.h>

#include "events/choice_model.h"
#include "events/model.h"

// The only SQL for staff's choices, who takes part, and the notices they are sent. Every function
// names the trust.
namespace trellis::events::store {

// Everyone who takes part in the event, by surname.
std::vector<Participant> participants(soci::session& sql, const Event& event);
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
// Puts the same notice on each person's home page.
void insert_notices(soci::session& sql, long long trust_id, const std::vector<long long>& person_ids,
                    const std::string& text, const std::string& link);

} // namespace trellis::events::store
