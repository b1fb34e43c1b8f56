#include "calendar/ics.h"

#include <ctime>
#include <regex>
#include <stdexcept>

#include "text/dates.h"

namespace trellis::calendar::ics {

namespace {

constexpr std::size_t kMaxOctets = 75;

// London's rules since 1996: summer time from the last Sunday of March to the last Sunday of October.
constexpr const char* kLondon = "BEGIN:VTIMEZONE\r\n"
                                "TZID:Europe/London\r\n"
                                "BEGIN:DAYLIGHT\r\n"
                                "TZOFFSETFROM:+0000\r\n"
                                "TZOFFSETTO:+0100\r\n"
                                "TZNAME:BST\r\n"
                                "DTSTART:19700329T010000\r\n"
                                "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
                                "END:DAYLIGHT\r\n"
                                "BEGIN:STANDARD\r\n"
                                "TZOFFSETFROM:+0100\r\n"
                                "TZOFFSETTO:+0000\r\n"
                                "TZNAME:GMT\r\n"
                                "DTSTART:19701025T020000\r\n"
                                "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
                                "END:STANDARD\r\n"
                                "END:VTIMEZONE\r\n";

// "2027-02-15" and "09:30" as the local DATE-TIME "20270215T093000".
std::string local_time(const std::string& date, const std::string& time) {
    static const std::regex date_pattern(R"(\d{4}-\d{2}-\d{2})");
    static const std::regex time_pattern(R"(\d{2}:\d{2})");
    if (!std::regex_match(date, date_pattern) || !std::regex_match(time, time_pattern))
        throw std::invalid_argument(
            "A calendar entry needs a date such as 2027-02-15 and times such as 09:30.");
    return date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2) + "T" + time.substr(0, 2) +
           time.substr(3, 2) + "00";
}

std::string utc_stamp(long long seconds) {
    return text::utc(seconds, "%Y%m%dT%H%M%SZ");
}

bool continues_character(unsigned char octet) {
    return (octet & 0xC0) == 0x80;
}

} // namespace

std::string escape_text(std::string_view text) {
    std::string escaped;
    escaped.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\' || c == ';' || c == ',') {
            escaped += '\\';
            escaped += c;
        } else if (c == '\r') {
            escaped += "\\n";
            if (i + 1 < text.size() && text[i + 1] == '\n')
                ++i; // CRLF is one line break
        } else if (c == '\n') {
            escaped += "\\n";
        } else if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
            escaped += ' '; // other control characters are not allowed in TEXT
        } else {
            escaped += c;
        }
    }
    return escaped;
}

std::string fold_line(std::string_view line) {
    std::string folded;
    std::size_t start = 0;
    std::size_t room = kMaxOctets; // the first line has 75 octets; continuations lose one to the space
    while (line.size() - start > room) {
        std::size_t cut = start + room;
        while (cut > start && continues_character(static_cast<unsigned char>(line[cut])))
            --cut;
        folded.append(line.substr(start, cut - start));
        folded += "\r\n ";
        start = cut;
        room = kMaxOctets - 1;
    }
    folded.append(line.substr(start));
    folded += "\r\n";
    return folded;
}

namespace {

std::string header(const std::string& method) {
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Trellis//Professional development//EN\r\n"
           "CALSCALE:GREGORIAN\r\nMETHOD:" +
           method + "\r\n";
}

// One VEVENT; `extra` holds whole content lines (ORGANIZER, ATTENDEE, STATUS) already folded. An
// invitation always says its SEQUENCE, since calendars compare it to tell a newer version.
std::string event(const CalendarEntry& entry, const std::string& stamp, const std::string& extra,
                  bool always_sequence) {
    std::string text = "BEGIN:VEVENT\r\n";
    text += fold_line("UID:" + escape_text(entry.uid));
    text += "DTSTAMP:" + stamp + "\r\n";
    if (entry.sequence > 0 || always_sequence)
        text += "SEQUENCE:" + std::to_string(entry.sequence) + "\r\n";
    if (entry.starts_at.empty()) {
        text += "DTSTART;VALUE=DATE:" + local_time(entry.date, "00:00").substr(0, 8) + "\r\n";
    } else {
        text += "DTSTART;TZID=Europe/London:" + local_time(entry.date, entry.starts_at) + "\r\n";
        text += "DTEND;TZID=Europe/London:" + local_time(entry.date, entry.ends_at) + "\r\n";
    }
    text += fold_line("SUMMARY:" + escape_text(entry.summary));
    if (!entry.location.empty())
        text += fold_line("LOCATION:" + escape_text(entry.location));
    if (!entry.description.empty())
        text += fold_line("DESCRIPTION:" + escape_text(entry.description));
    text += extra;
    text += "END:VEVENT\r\n";
    return text;
}

// A CN parameter value: quoted, and without the characters a quoted value may not hold.
std::string common_name(std::string name) {
    std::erase_if(name, [](char c) { return c == '"' || c == '\r' || c == '\n'; });
    return "\"" + name + "\"";
}

} // namespace

std::string calendar(const std::string& name, const std::vector<CalendarEntry>& entries,
                     long long stamp_seconds) {
    std::string text = header("PUBLISH");
    text += fold_line("X-WR-CALNAME:" + escape_text(name));
    text += kLondon;
    const std::string stamp = utc_stamp(stamp_seconds);
    for (const CalendarEntry& entry : entries)
        text += event(entry, stamp, "", false);
    text += "END:VCALENDAR\r\n";
    return text;
}

std::string invitation(const Invitation& invitation, long long stamp_seconds) {
    const bool cancel = invitation.method == Method::Cancel;
    std::string people = fold_line("ORGANIZER;CN=" + common_name(invitation.organizer_name) +
                                   ":mailto:" + invitation.organizer_address);
    people += fold_line(
        "ATTENDEE;CN=" + common_name(invitation.attendee_name) +
        ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:" + invitation.attendee_address);
    people += cancel ? "STATUS:CANCELLED\r\n" : "STATUS:CONFIRMED\r\n";
    std::string text = header(method_name(invitation.method)) + kLondon;
    text += event(invitation.entry, utc_stamp(stamp_seconds), people, true);
    text += "END:VCALENDAR\r\n";
    return text;
}

const char* method_name(Method method) {
    return method == Method::Cancel ? "CANCEL" : "REQUEST";
}

} // namespace trellis::calendar::ics
