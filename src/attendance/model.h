#pragma once

#include <optional>
#include <string>

#include "people/model.h"

// Who was at a session, for every kind of session: training days' workshops and programmes' live
// sessions (schema: 0014_attendance.sql).
namespace trellis::attendance {

// Which table a session lives in, as stored in attendance_marks.session_kind.
enum class SessionKind { Workshop, Activity };
std::string text_of(SessionKind kind);

struct SessionRef {
    SessionKind kind = SessionKind::Workshop;
    long long id = 0;
};

// How a mark was made.
enum class How { Register, Code, Qr, Recording };
std::string text_of(How how);

// A person expected at a session, and whether they were there.
struct RegisterEntry {
    long long person_id = 0;
    std::string name;
    std::string school_name; // "Central team" for the trust's own staff
    people::StaffGroup staff_group = people::StaffGroup::Teacher;
    std::optional<bool> present; // nullopt until marked
    bool checked_in = false;     // marked present by a code or a QR scan rather than the register
    bool caught_up = false;      // missed it, then watched the recording (never counted as present)
};

} // namespace trellis::attendance
