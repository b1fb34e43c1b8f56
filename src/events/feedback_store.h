#pragma once

#include <string>
#include <vector>

#include <soci/soci.h>

#include "events/day_model.h"

// The only SQL for feedback on an event. Every function names the trust in its query.
namespace trellis::events::feedback_store {

// The workshops (offer id, title) a person was marked present at, by title.
std::vector<std::pair<long long, std::string>> attended_workshops(soci::session& sql, long long trust_id,
                                                                  long long event_id, long long person_id);
// What the person has said so far, the day (offer 0) included.
std::vector<FeedbackAnswer> answers_of(soci::session& sql, long long trust_id, long long event_id,
                                       long long person_id);
// Saves the answer, replacing the person's earlier one on the same workshop.
void save_answer(soci::session& sql, long long trust_id, long long event_id, long long person_id,
                 const FeedbackAnswer& answer);
// Every response to the event, with the respondent's school and staff group.
std::vector<FeedbackResponse> responses_to(soci::session& sql, long long trust_id, long long event_id);

} // namespace trellis::events::feedback_store
