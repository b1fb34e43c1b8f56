#pragma once

#include <map>
#include <set>
#include <vector>

#include <soci/soci.h>

#include "db/person_batch.h"
#include "surveys/model.h"

// The only SQL for what people answer: drafts kept with their name until sent, who has sent, and the
// responses themselves (without a person for an anonymous survey). Every function names the trust.
namespace trellis::surveys::response_store {

Answers draft_of(soci::session& sql, long long trust_id, long long survey_id, long long person_id);
// Keeps one answer of a draft (an empty answer removes it).
void save_draft_answer(soci::session& sql, long long trust_id, long long survey_id, long long person_id,
                       const Answer& answer);
// Whether the survey has any answer, sent or in a draft: its questions are then fixed.
bool has_any_answer(soci::session& sql, long long trust_id, long long survey_id);

bool has_answered(soci::session& sql, long long trust_id, long long survey_id, long long person_id);
// Whether the person has sent a survey, and whether they have a draft of it.
struct PersonStanding {
    bool answered = false;
    bool drafted = false;
};
// The person's standing in every survey they have sent or started, by survey: as a read of a
// db::PersonBatch (for pages that read it beside others), what its rows hold, and read alone.
extern const char* const kStandingRows;
std::map<long long, PersonStanding> standings_from(const std::vector<db::BatchRow>& rows);
std::map<long long, PersonStanding> standings_of(soci::session& sql, long long trust_id, long long person_id);
// Ids of the people who have sent a response.
std::set<long long> answerers_of(soci::session& sql, long long trust_id, long long survey_id);
// How many responses each of the trust's surveys has, by survey id.
std::vector<std::pair<long long, long long>> response_counts(soci::session& sql, long long trust_id);

// Stores a sent response: the person as an answerer; the response under a random id with the
// person's id only when `named`; its answers; and removes the draft. Throws soci errors if the
// person has already answered (the primary key of survey_answerers).
// `match_code` is the hash of a code the person keeps, for matching an anonymous before and after.
void record_response(soci::session& sql, long long trust_id, long long survey_id, long long person_id,
                     bool named, const Respondent& respondent, const std::string& day, const Answers& answers,
                     const std::string& match_code = "");

// How many responses the survey has, and how many of them name a person: what changes whenever its
// responses do (a new one, or a named one erased with its person).
std::pair<long long, long long> response_version(soci::session& sql, long long trust_id, long long survey_id);

// Every sent response with its answers, for results.
std::vector<Response> responses_of(soci::session& sql, long long trust_id, long long survey_id);

} // namespace trellis::surveys::response_store
