#include <gtest/gtest.h>

#include <sstream>

#include "../../support/ics_lines.h"
#include "calendar/ics.h"

using namespace trellis::calendar::ics;

namespace {

CalendarEntry entry() {
    return {"session-3-person-9@trellis",
            "2027-02-15",
            "09:30",
            "10:30",
            "Questioning that makes everyone think",
            "Library, Oakfield Academy",
            "Run by Amira Patel"};
}

} // namespace

TEST(Ics, escapes_backslash_semicolon_comma_and_newlines) {
    EXPECT_EQ(escape_text("a\\b;c,d\ne\r\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
    EXPECT_EQ(escape_text("plain: text"), "plain: text");
}

TEST(Ics, folds_long_lines_at_75_octets_with_a_leading_space) {
    const std::string line = "SUMMARY:" + std::string(200, 'x');
    const std::string folded = fold_line(line);
    std::size_t at = 0;
    std::string rebuilt;
    bool first = true;
    while (at < folded.size()) {
        const auto end = folded.find("\r\n", at);
        ASSERT_NE(end, std::string::npos);
        const std::string part = folded.substr(at, end - at);
        EXPECT_LE(part.size(), 75u);
        if (!first) {
            ASSERT_EQ(part[0], ' ');
        }
        rebuilt += first ? part : part.substr(1);
        first = false;
        at = end + 2;
    }
    EXPECT_EQ(rebuilt, line);
    EXPECT_EQ(fold_line("SHORT:1"), "SHORT:1\r\n");
}

TEST(Ics, never_folds_inside_a_utf8_character) {
    std::string line = "SUMMARY:";
    for (int i = 0; i < 60; ++i)
        line += "é"; // two octets each
    const std::string folded = fold_line(line);
    std::size_t at = 0;
    while (at < folded.size()) {
        const auto end = folded.find("\r\n", at);
        const std::string part = folded.substr(at, end - at);
        EXPECT_LE(part.size(), 75u);
        const std::size_t first_octet = part[0] == ' ' ? 1 : 0;
        EXPECT_NE(static_cast<unsigned char>(part[first_octet]) & 0xC0, 0x80) << "split inside a character";
        at = end + 2;
    }
}

TEST(Ics, every_line_ends_with_crlf) {
    const std::string text = calendar("My training day", {entry(), entry()}, 1800000000);
    EXPECT_EQ(text.substr(text.size() - 2), "\r\n");
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n')
            ASSERT_TRUE(i > 0 && text[i - 1] == '\r') << "bare LF at " << i;
}

TEST(Ics, writes_one_event_per_entry_with_london_times) {
    CalendarEntry second = entry();
    second.uid = "session-4-person-9@trellis";
    second.starts_at = "11:00";
    second.ends_at = "12:15";
    second.summary = "Support staff, together; in class";
    const auto lines = trellis::testing::unfolded_ics_lines(calendar("Day", {entry(), second}, 1800000000));
    auto count = [&](const std::string& wanted) { return std::count(lines.begin(), lines.end(), wanted); };
    EXPECT_EQ(count("BEGIN:VEVENT"), 2);
    EXPECT_EQ(count("END:VEVENT"), 2);
    EXPECT_EQ(count("DTSTART;TZID=Europe/London:20270215T093000"), 1);
    EXPECT_EQ(count("DTEND;TZID=Europe/London:20270215T121500"), 1);
    EXPECT_EQ(count("SUMMARY:Support staff\\, together\\; in class"), 1);
    EXPECT_EQ(count("LOCATION:Library\\, Oakfield Academy"), 2);
    EXPECT_EQ(count("UID:session-4-person-9@trellis"), 1);
    EXPECT_EQ(count("DTSTAMP:20270115T080000Z"), 2);
    EXPECT_EQ(count("TZID:Europe/London"), 1);
    EXPECT_EQ(lines.front(), "BEGIN:VCALENDAR");
    EXPECT_EQ(lines.back(), "END:VCALENDAR");
}

TEST(Ics, refuses_an_entry_with_a_malformed_time) {
    CalendarEntry broken = entry();
    broken.starts_at = "9.30";
    EXPECT_THROW(calendar("Day", {broken}, 0), std::invalid_argument);
}

TEST(Ics, an_invitation_names_its_method_organiser_attendee_and_sequence) {
    CalendarEntry moved = entry();
    moved.sequence = 2;
    const Invitation invitation{.entry = moved,
                                .method = Method::Request,
                                .organizer_name = "Oakfield Learning Trust",
                                .organizer_address = "trellis@oakfield.example",
                                .attendee_name = "Grace Okafor",
                                .attendee_address = "teacher@oakfield.example"};
    const auto lines =
        trellis::testing::unfolded_ics_lines(trellis::calendar::ics::invitation(invitation, 1800000000));
    auto has = [&](const std::string& wanted) { return std::count(lines.begin(), lines.end(), wanted) == 1; };
    EXPECT_TRUE(has("METHOD:REQUEST"));
    EXPECT_TRUE(has("ORGANIZER;CN=\"Oakfield Learning Trust\":mailto:trellis@oakfield.example"));
    EXPECT_TRUE(has("ATTENDEE;CN=\"Grace Okafor\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:"
                    "mailto:teacher@oakfield.example"));
    EXPECT_TRUE(has("SEQUENCE:2"));
    EXPECT_TRUE(has("STATUS:CONFIRMED"));
    EXPECT_TRUE(has("UID:session-3-person-9@trellis"));
    EXPECT_TRUE(has("DTSTAMP:20270115T080000Z"));
    EXPECT_TRUE(has("TZID:Europe/London"));
    EXPECT_TRUE(has("DTSTART;TZID=Europe/London:20270215T093000"));
}

TEST(Ics, a_cancellation_says_so_and_a_first_invitation_says_sequence_0) {
    Invitation first;
    first.entry = entry();
    first.attendee_name = "A \"quoted\" name";
    auto lines = trellis::testing::unfolded_ics_lines(trellis::calendar::ics::invitation(first, 0));
    EXPECT_EQ(std::count(lines.begin(), lines.end(), "SEQUENCE:0"), 1);
    EXPECT_EQ(std::count(lines.begin(), lines.end(), "METHOD:REQUEST"), 1);
    EXPECT_TRUE(std::any_of(lines.begin(), lines.end(), [](const std::string& line) {
        return line.rfind("ATTENDEE;CN=\"A quoted name\";", 0) == 0;
    }));
    Invitation cancel = first;
    cancel.method = Method::Cancel;
    cancel.entry.sequence = 1;
    lines = trellis::testing::unfolded_ics_lines(trellis::calendar::ics::invitation(cancel, 0));
    EXPECT_EQ(std::count(lines.begin(), lines.end(), "METHOD:CANCEL"), 1);
    EXPECT_EQ(std::count(lines.begin(), lines.end(), "STATUS:CANCELLED"), 1);
    EXPECT_EQ(std::count(lines.begin(), lines.end(), "SEQUENCE:1"), 1);
}
