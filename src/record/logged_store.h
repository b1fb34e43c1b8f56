#pragma once

#include <optional>
#include <vector>

#include <soci/soci.h>

#include "record/model.h"
#include "record/record_row.h"

// The only SQL for what people log in their own record (record_entries). Every query names the
// trust and the person, so nobody reads or changes another's entry.
namespace trellis::record::logged_store {

long long insert(soci::session& sql, long long trust_id, long long person_id, const Entry& entry);
// Returns false when the person has no such entry.
bool update(soci::session& sql, long long trust_id, long long person_id, const Entry& entry);
bool remove(soci::session& sql, long long trust_id, long long person_id, long long entry_id);
std::optional<Entry> find(soci::session& sql, long long trust_id, long long person_id, long long entry_id);

// The person's logged entries as a part of the one read of their record (store::entries_of): a
// SELECT's columns (RecordRow's) and FROM, naming :trust and :person, and the entry each of its
// rows is.
extern const char* const kRecordPart;
Entry from_record_row(const RecordRow& row);

} // namespace trellis::record::logged_store
