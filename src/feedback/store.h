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
// A person's read (db::PersonBatch): the programme sessions they have given feedback on, each a row's id.
extern const char* const kActivitiesAnsweredRows;
// How many people have answered about it.
long long respondents(soci::session& sql, long long trust_id, About about);
// Removes the answers about something that is itself removed.
void forget(soci::session& sql, long long trust_id, About about);

} // namespace trellis::feedback::store
