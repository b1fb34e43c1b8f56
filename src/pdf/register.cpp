// A presenter's paper register: the people placed in a session, with a column to sign.
#include <array>
#include <string>

#include "pdf/flow.h"
#include "pdf/pdf.h"
#include "pdf/text.h"

namespace trellis::pdf {

namespace {

constexpr double kCellPadding = 5;
constexpr double kMinimumRow = 26; // room to sign in
// Shares of the width: name, school, staff group, signature.
constexpr std::array<double, 4> kColumnShares{0.30, 0.27, 0.17, 0.26};

TextStyle cell_style() {
    return {font(kSans, 9.5), kInk, 1.15};
}
TextStyle head_style() {
    return {font(std::string(kSans) + " Bold", 9.5), kAccent, 1.15};
}

// One table row: the cells' text laid out in their columns, ruled underneath; the last column is
// left empty to sign in.
void table_row(Flow& flow, const std::array<std::string, 3>& cells, const TextStyle& style, bool heading) {
    std::array<LayoutPtr, 3> layouts;
    double height = heading ? 0 : kMinimumRow;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        layouts[i] = make_layout(flow.pango(), escape(cells[i]), style,
                                 flow.width() * kColumnShares[i] - 2 * kCellPadding);
        height = std::max(height, layout_height(layouts[i].get()) + 2 * kCellPadding);
    }
    const double width = flow.width();
    flow.figure(height, [&](cairo_t* cr, double x, double y) {
        double column_x = x;
        for (std::size_t i = 0; i < layouts.size(); ++i) {
            set_colour(cr, style.colour);
            cairo_move_to(cr, column_x + kCellPadding, y + kCellPadding);
            pango_cairo_show_layout(cr, layouts[i].get());
            column_x += width * kColumnShares[i];
        }
        set_colour(cr, heading ? kAccent : kRule);
        cairo_set_line_width(cr, heading ? 1.2 : 0.6);
        if (!heading) { // the signature box's left edge
            const double signature_x = x + width * (1 - kColumnShares[3]);
            cairo_move_to(cr, signature_x, y);
            cairo_line_to(cr, signature_x, y + height);
            cairo_stroke(cr);
        }
        cairo_move_to(cr, x, y + height);
        cairo_line_to(cr, x + width, y + height);
        cairo_stroke(cr);
    });
}

void column_heads(Flow& flow) {
    LayoutPtr signature = make_layout(flow.pango(), "Signature", head_style(), 200);
    const double signature_x = flow.width() * (1 - kColumnShares[3]) + kCellPadding;
    flow.keep(60);
    flow.figure(0, [&](cairo_t* cr, double x, double y) {
        set_colour(cr, kAccent);
        cairo_move_to(cr, x + signature_x, y + kCellPadding);
        pango_cairo_show_layout(cr, signature.get());
    });
    table_row(flow, {"Name", "School", "Staff group"}, head_style(), true);
}

void heading(Flow& flow, const RegisterSheet& sheet) {
    flow.text("Register", {font(std::string(kSans) + " Bold", 22), kInk, 1.1}, 0);
    flow.space(4);
    flow.text(escape(sheet.workshop_title), {font(std::string(kSans) + " Bold", 14), kAccent, 1.15}, 0);
    flow.space(4);
    std::string when = escape(sheet.event_title);
    for (const std::string* part : {&sheet.event_date, &sheet.slot_label, &sheet.room_name})
        if (!part->empty())
            when += "  \u00b7  " + escape(*part);
    flow.text(when, {font(kSans, 10), kMuted, 1.25}, 0);
    if (!sheet.presenter_name.empty())
        flow.text("Run by " + escape(sheet.presenter_name), {font(kSans, 10), kMuted, 1.25}, 0);
    flow.space(14);
}

} // namespace

std::string register_sheet(const RegisterSheet& sheet) {
    FlowSetup setup;
    setup.footer =
        "Register \u00b7 " + clean_text(sheet.workshop_title) + " \u00b7 " + clean_text(sheet.slot_label);
    return render_flow("Register: " + sheet.workshop_title, setup, [&](Flow& flow) {
        heading(flow, sheet);
        if (sheet.rows.empty()) {
            flow.text("Nobody is placed in this session.",
                      {font(std::string(kSans) + " Oblique", 10), kMuted}, 0);
            return;
        }
        column_heads(flow);
        for (const RegisterSheet::Row& row : sheet.rows)
            table_row(flow, {row.name, row.school, row.staff_group}, cell_style(), false);
        flow.space(12);
        flow.text(std::to_string(sheet.rows.size()) + " placed", {font(kSans, 9), kMuted}, 0);
    });
}

} // namespace trellis::pdf
