#pragma once

#include <string>
#include <vector>

#include <soci/soci.h>

#include "xapi/statements.h"

// The only SQL for learning records: the facts Trellis already holds that have no statement yet, and
// the xAPI outbox (claiming and marking are outbox::store's, on "xapi_outbox").
namespace trellis::xapi::store {

// Up to `limit` facts from `since` on (seconds since 1970) with no statement queued yet, of people
// whose data has not been erased: modules completed, workshops and programme sessions attended or
// caught up, named surveys answered (an anonymous survey's answerers are never told of).
std::vector<Fact> new_facts(soci::session& sql, long long since, int limit);
// Queues the statement for a fact; nothing when another server queued it first.
void queue(soci::session& sql, const Fact& fact, const std::string& statement, long long now);

long long facts_until(soci::session& sql);
void set_facts_until(soci::session& sql, long long until);

// A claimed statement to send.
struct Queued {
    std::vector<long long> ids;
    long long trust_id = 0;
    long long person_id = 0;
    std::string statement_id;
    std::string statement;
};
std::vector<Queued> queued(soci::session& sql, const std::vector<long long>& ids);

} // namespace trellis::xapi::store
