#pragma once

#include <string>
#include <string_view>
#include <vector>

// An iCalendar (RFC 5545) writer for anything with a date and times (training days' timetables,
// and what comes after them): CRLF line endings, lines folded at 75
// octets, TEXT values escaped. Times are local times in Europe/London, which the file defines.
namespace trellis::calendar::ics {

// One entry in a calendar, e.g. a workshop someone attends or runs.
struct CalendarEntry {
    std::string uid;         // unique and stable across downloads, e.g. "session-12-person-7@trellis"
    std::string date;        // YYYY-MM-DD
    std::string starts_at;   // HH:MM, London time; empty for an entry that lasts all day
    std::string ends_at;     // HH:MM
    std::string summary;     // the workshop's title
    std::string location;    // "Library, Oakfield Academy"
    std::string description; // free text; newlines are kept
    long long sequence = 0;  // raised each time the entry moves, so calendars replace the old one
};

// A whole VCALENDAR with one VEVENT per entry; `stamp_seconds` (seconds since the epoch) becomes each
// DTSTAMP. Throws std::invalid_argument when an entry's date or times are not well formed.
std::string calendar(const std::string& name, const std::vector<CalendarEntry>& entries,
                     long long stamp_seconds);

// An invitation sent by email (RFC 5546, iTIP): a REQUEST adds or updates the entry in the
// attendee's calendar, a CANCEL removes it; the UID ties them, the higher SEQUENCE wins.
enum class Method { Request, Cancel };
const char* method_name(Method method);

struct Invitation {
    CalendarEntry entry;
    Method method = Method::Request;
    std::string organizer_name; // the trust
    std::string organizer_address;
    std::string attendee_name;
    std::string attendee_address;
};

// A VCALENDAR with METHOD:REQUEST or CANCEL, the Europe/London VTIMEZONE and one VEVENT with ORGANIZER,
// ATTENDEE, STATUS and SEQUENCE. Throws std::invalid_argument as `calendar` does.
std::string invitation(const Invitation& invitation, long long stamp_seconds);

// A TEXT value with backslash, semicolon, comma and newlines escaped (RFC 5545 3.3.11).
std::string escape_text(std::string_view text);

// One content line folded so no line exceeds 75 octets (never inside a UTF-8 character), each
// continuation starting with a space, every line ended by CRLF.
std::string fold_line(std::string_view line);

} // namespace trellis::calendar::ics
