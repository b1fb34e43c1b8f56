#pragma once

#include <optional>
#include <set>
#include <string>

#include <soci/soci.h>

// The only SQL for activity_reflections: what people write for a practice task or a follow-up.
// Every function names the trust in its query.
namespace trellis::programmes::reflection_store {

struct Reflection {
    std::string body;
    long long written_at = 0;
};

std::optional<Reflection> reflection_of(soci::session& sql, long long trust_id, long long activity_id,
                                        long long person_id);
// Writes the person's reflection, replacing an earlier one; only an activity of the trust can be
// written on, whatever id arrives.
void save_reflection(soci::session& sql, long long trust_id, long long activity_id, long long person_id,
                     const std::string& body);
// Who has written on the activity (never what).
std::set<long long> writers_of(soci::session& sql, long long trust_id, long long activity_id);
// A person's read (db::PersonBatch): the activities they have written on, each a row's id.
extern const char* const kWrittenRows;

} // namespace trellis::programmes::reflection_store
