#pragma once

#include <set>
#include <vector>

#include <soci/soci.h>

#include "feedback/model.h"

// The only SQL for feedback. Every function names the trust in its query.
namespace trellis::feedback::store {

// What the person has said so far about it.
std::vector<Answer> answers_of(soci::session& sql, long long trust_id, About about, long long person_id);
// Saves the answers, each replacing the person's earlier one on the same item.
void save_answers(soci::session& sql, long long trust_id, About about, long long person_id,
                  const std::vector<Answer>& answers);
// Every answer about it, with the respondent's school and staff group, oldest first.
std::vector<Response> responses_to(soci::session& sql, long long trust_id, About about);
// What of this kind the person has answered about, by id.
std::set<long long> answered_by(soci::session& sql, long long trust_id, AboutKind kind, long long person_id);
// How many people have answered about it.
long long respondents(soci::session& sql, long long trust_id, About about);
// Removes the answers about something that is itself removed.
void forget(soci::session& sql, long long trust_id, About about);

} // namespace trellis::feedback::store
