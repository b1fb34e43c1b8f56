#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// PDF rendering for the online learning modules: printable Markdown documents, certificates of
// completion and action plans. Every function returns the bytes of a complete PDF file, is safe to
// call from many threads at once, and throws std::runtime_error when it cannot render; input that
// can never render (a certificate without a code, say) throws InvalidInput, a std::runtime_error.
// Text is UTF-8; invalid bytes print as U+FFFD and control characters as spaces, nothing is dropped.
namespace trellis::pdf {

// The input cannot make a document (a required field is empty, hours are negative, ...).
class InvalidInput : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A printable A4 document from CommonMark: headings (#..###), paragraphs with **bold**, *italic*, `code`,
// links (render the text, then the URL in brackets), bullet and numbered lists (nested), block quotes,
// code blocks, thematic breaks. Long text wraps and flows over as many pages as needed (never cut off);
// page numbers and `footer` at the foot of each page. `title` is printed as the document heading and
// set as the PDF's title metadata.
std::string markdown_document(std::string_view title, std::string_view markdown, std::string_view footer);
// People's words made safe to put in such a document: Markdown would read *, _, # and the like in
// them as formatting.
std::string markdown_plain(std::string_view text);

struct Certificate {
    std::string person_name;  // "Priya Shah"
    std::string module_title; // "Building trust: the ground for professional development"
    std::string trust_name;   // "Oakfield Learning Trust"
    std::string completed_on; // already formatted, e.g. "23 November 2026"
    double hours = 0;         // CPD hours, print as "1.5 hours" / "2 hours"
    std::string code;         // verification code, e.g. "TRL-7KQ2-M9XD-4F3A"
    std::string verify_url;   // absolute URL, e.g. "http://localhost:8080/verify/TRL-7KQ2-M9XD-4F3A"; encoded
                              // in the QR code and printed under it
};
// One landscape A4 page: a dignified certificate of completion: "Certificate of completion", the
// person's name large, "has completed the online module", the title, the trust, date, hours, code, QR.
// Throws InvalidInput when the name, module title, code or verify_url is empty, verify_url is not an
// http(s) URL, or hours are not a number from 0 to 100000. Hours of 0 are left off the certificate.
std::string certificate(const Certificate& certificate);

struct ActionPlan {
    std::string person_name;
    std::string module_title;
    std::string written_on;                                       // formatted date
    std::vector<std::pair<std::string, std::string>> reflections; // (prompt, the person's answer; may be
                                                                  // empty → print "Not answered yet")
    std::vector<std::string> steps;                               // the person's chosen next steps, in order
    std::string notes;                                            // free text, may be empty
};
// A4 portrait: heading "My action plan", module title, person, date; the reflections (prompt in bold,
// answer below); "My next steps" as a numbered list with a tick box and a "by when" line for each; notes.
// Flows over pages as needed. Empty notes print as ruled lines to write on.
std::string action_plan(const ActionPlan& plan);

// --- Training days: registers and room sheets ---

// A presenter's paper register for one session: who is placed there, with a column to sign.
struct RegisterSheet {
    std::string event_title; // "Spring training day"
    std::string event_date;  // already formatted, e.g. "15 February 2027"
    std::string workshop_title;
    std::string presenter_name;
    std::string slot_label; // "09:30–10:30"
    std::string room_name;
    struct Row {
        std::string name;
        std::string school;
        std::string staff_group; // "Support staff"
    };
    std::vector<Row> rows;
};
// A4 portrait: the workshop, when and where, who runs it, then a table of name, school, staff group
// and an empty signature column, one row per person, flowing over pages (the footer names the
// workshop on each). No rows prints "Nobody is placed in this session."
std::string register_sheet(const RegisterSheet& sheet);

// The site team's sheets: for each room, what happens in it slot by slot.
struct RoomSheets {
    std::string event_title;
    std::string event_date; // formatted
    std::string venue;
    struct Line {
        std::string slot_label;
        std::string workshop_title; // "" when the room is free in this slot
        std::string presenter_name;
        int placed = 0;
    };
    struct Room {
        std::string name;
        int capacity = 0;
        std::string notes;
        std::vector<Line> lines;
    };
    std::vector<Room> rooms;
};
// A4 portrait, one room to a page (so each can go on its door): the room's name and capacity, then
// each slot with the workshop, presenter and "n placed of capacity". Throws InvalidInput with no rooms.
std::string room_sheets(const RoomSheets& sheets);

// CPD hours as a certificate prints them: "1 hour", "1.5 hours", "2 hours", "0.25 hours" (rounded to
// hundredths). Throws InvalidInput for hours that are not a number from 0 to 100000.
std::string hours_text(double hours);

} // namespace trellis::pdf
