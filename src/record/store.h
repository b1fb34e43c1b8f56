#pragma once

#include <vector>

#include <soci/soci.h>

#include "record/model.h"

// The SQL that reads a person's record from the tables of each area. Every query names the trust and
// the person.
namespace trellis::record::store {

// Everything the person has done that Trellis knows of, in no particular order.
std::vector<Entry> entries_of(soci::session& sql, long long trust_id, long long person_id);

} // namespace trellis::record::store
