#pragma once

#include <map>
#include <optional>
#include <set>
#include <vector>

#include <soci/soci.h>

#include "attendance/model.h"

// The only SQL for attendance_marks. Every function names the trust in its query.
namespace trellis::attendance::store {

struct StoredMark {
    bool present = false;
    bool caught_up = false;
    std::string how;
};

// The marks of a session, by person.
std::map<long long, StoredMark> marks_of(soci::session& sql, long long trust_id, SessionRef session);
// One person's mark at a session, or nullopt when they have none.
std::optional<StoredMark> mark_of(soci::session& sql, long long trust_id, SessionRef session,
                                  long long person_id);
// A person's read (db::PersonBatch): the programme sessions they were at, live or by catching up,
// each a row's id.
extern const char* const kActivitiesAttendedRows;
// Marks everyone on the register present or absent as given, replacing earlier marks of theirs.
void save_register(soci::session& sql, long long trust_id, SessionRef session, long long marked_by,
                   const std::vector<RegisterEntry>& entries);
// Marks one person present (never downgrading a mark already present); returns false when they were
// already marked present.
bool check_in(soci::session& sql, long long trust_id, SessionRef session, long long person_id, How how);
// Marks someone who missed a session as having caught up from its recording, with the line they
// wrote about what they took from it; kept apart from being there.
void catch_up(soci::session& sql, long long trust_id, SessionRef session, long long person_id,
              const std::string& note);

// Removes a session's marks, when the session itself goes.
void forget_session(soci::session& sql, long long trust_id, SessionRef session);

} // namespace trellis::attendance::store
