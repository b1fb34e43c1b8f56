// The site team's room sheets: one page per room, what happens in it slot by slot, to pin on its door.
#include <string>

#include "pdf/flow.h"
#include "pdf/pdf.h"
#include "pdf/text.h"

namespace trellis::pdf {

namespace {

constexpr double kTimeColumn = 110;

void room_heading(Flow& flow, const RoomSheets& sheets, const RoomSheets::Room& room) {
    flow.text(escape(room.name), {font(std::string(kSans) + " Bold", 26), kInk, 1.1}, 0);
    flow.space(4);
    std::string about = "Seats " + std::to_string(room.capacity);
    if (!room.notes.empty())
        about += "  \u00b7  " + escape(room.notes);
    flow.text(about, {font(kSans, 11), kAccent, 1.25}, 0);
    std::string when = escape(sheets.event_title);
    for (const std::string* part : {&sheets.event_date, &sheets.venue})
        if (!part->empty())
            when += "  \u00b7  " + escape(*part);
    flow.text(when, {font(kSans, 10), kMuted, 1.25}, 0);
    flow.space(18);
}

// A slot: its time in the left column, the workshop and who runs it beside it, ruled underneath.
void slot_line(Flow& flow, const RoomSheets::Room& room, const RoomSheets::Line& line) {
    LayoutPtr time = make_layout(flow.pango(), escape(line.slot_label),
                                 {font(std::string(kSans) + " Bold", 12), kInk, 1.2}, kTimeColumn - 8);
    std::string markup;
    if (line.workshop_title.empty()) {
        markup = "<i>Free</i>";
    } else {
        markup = "<b>" + escape(line.workshop_title) + "</b>\n";
        markup += "Run by " + escape(line.presenter_name) + "\n";
        markup += std::to_string(line.placed) + " placed of " + std::to_string(room.capacity) + " seats";
        if (line.placed > room.capacity)
            markup += " <b>(over capacity)</b>";
    }
    LayoutPtr what =
        make_layout(flow.pango(), markup, {font(kSans, 11), kInk, 1.3}, flow.width() - kTimeColumn);
    const double height = std::max(layout_height(time.get()), layout_height(what.get())) + 18;
    const double width = flow.width();
    flow.figure(height, [&](cairo_t* cr, double x, double y) {
        set_colour(cr, kInk);
        cairo_move_to(cr, x, y + 8);
        pango_cairo_show_layout(cr, time.get());
        cairo_move_to(cr, x + kTimeColumn, y + 8);
        pango_cairo_show_layout(cr, what.get());
        set_colour(cr, kRule);
        cairo_set_line_width(cr, 0.6);
        cairo_move_to(cr, x, y + height);
        cairo_line_to(cr, x + width, y + height);
        cairo_stroke(cr);
    });
}

} // namespace

std::string room_sheets(const RoomSheets& sheets) {
    if (sheets.rooms.empty())
        throw InvalidInput("room sheets need at least one room");
    FlowSetup setup;
    setup.footer = "Room sheets \u00b7 " + clean_text(sheets.event_title);
    return render_flow("Room sheets: " + sheets.event_title, setup, [&](Flow& flow) {
        bool first = true;
        for (const RoomSheets::Room& room : sheets.rooms) {
            if (!first)
                flow.keep(1e9); // a room to a page
            first = false;
            room_heading(flow, sheets, room);
            for (const RoomSheets::Line& line : room.lines)
                slot_line(flow, room, line);
        }
    });
}

} // namespace trellis::pdf
