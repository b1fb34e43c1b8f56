#pragma once

#include <optional>
#include <vector>

#include <soci/soci.h>

#include "surveys/model.h"

// The only SQL for surveys and their questions. Every function names the trust in its query.
namespace trellis::surveys::store {

// The trust's surveys, newest first.
std::vector<Survey> surveys_of(soci::session& sql, long long trust_id);
std::optional<Survey> find_survey(soci::session& sql, long long trust_id, long long survey_id);
long long insert_survey(soci::session& sql, const Survey& survey);
void update_survey(soci::session& sql, const Survey& survey);
void delete_survey(soci::session& sql, long long trust_id, long long survey_id);

std::vector<Question> questions_of(soci::session& sql, long long trust_id, long long survey_id);
long long insert_question(soci::session& sql, long long trust_id, const Question& question);
// Changes what the question asks (not its place); false when the survey has no such question.
bool update_question(soci::session& sql, long long trust_id, const Question& question);
bool delete_question(soci::session& sql, long long trust_id, long long survey_id, long long question_id);
// Sets each question's position to its place in `ordered_ids`.
void reorder_questions(soci::session& sql, long long trust_id, long long survey_id,
                       const std::vector<long long>& ordered_ids);

} // namespace trellis::surveys::store
