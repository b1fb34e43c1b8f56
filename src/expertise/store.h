#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "expertise/model.h"

// The only SQL for the expertise directory, and for reading what Trellis knows of a person's work
// from where it is kept. Every function names the trust in its query.
namespace trellis::expertise::store {

// Everyone in the trust with an entry who has not left, by surname, with their topics; no work.
std::vector<Expert> listed(soci::session& sql, long long trust_id);
// The person's own entry with its topics; nullopt when they have none.
std::optional<Expert> entry_of(soci::session& sql, long long trust_id, long long person_id);
// Writes the person's entry and its topics in place of any they had.
void save_entry(soci::session& sql, long long trust_id, long long person_id, const std::string& offer,
                bool show_work, const std::vector<std::string>& tags,
                const std::vector<long long>& priority_ids);
void remove_entry(soci::session& sql, long long trust_id, long long person_id);

// What the programme, training-day and mentoring records say of people's work, by person: of one
// person (person_id), or of everyone listed who shows it (person_id 0). `smallest` is the fewest
// ratings an average may be shown from; `today` decides which programmes have ended.
std::map<long long, std::vector<Work>> work_of(soci::session& sql, long long trust_id, long long person_id,
                                               int smallest, const std::string& today);

long long insert_request(soci::session& sql, long long trust_id, long long expert_id, long long asker_id,
                         const std::string& about);
// The asker's request to this expert not yet answered, if any.
std::optional<long long> open_request(soci::session& sql, long long trust_id, long long expert_id,
                                      long long asker_id);
// Requests to the expert, open ones first, then the latest answered; at most 50.
std::vector<Request> requests_to(soci::session& sql, long long trust_id, long long expert_id);
std::optional<Request> find_request(soci::session& sql, long long trust_id, long long request_id);
void mark_answered(soci::session& sql, long long trust_id, long long request_id);

} // namespace trellis::expertise::store
