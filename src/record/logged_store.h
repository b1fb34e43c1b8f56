#pragma once

#include <optional>
#include <vector>

#include <soci/soci.h>

#include "record/model.h"

// The only SQL for what people log in their own record (record_entries). Every query names the
// trust and the person, so nobody reads or changes another's entry.
namespace trellis::record::logged_store {

long long insert(soci::session& sql, long long trust_id, long long person_id, const Entry& entry);
// Returns false when the person has no such entry.
bool update(soci::session& sql, long long trust_id, long long person_id, const Entry& entry);
bool remove(soci::session& sql, long long trust_id, long long person_id, long long entry_id);
std::optional<Entry> find(soci::session& sql, long long trust_id, long long person_id, long long entry_id);
std::vector<Entry> of_person(soci::session& sql, long long trust_id, long long person_id);

} // namespace trellis::record::logged_store
