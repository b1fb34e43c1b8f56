#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>
#include <vector>

#include "pdf/pdf.h"
#include "pdf/pdf_file.h"
#include "pdf/qr.h"
#include "pdf/text.h"

namespace trellis::pdf {

namespace {

// The page is landscape A4; everything sits inside a double border.
constexpr double kWidth = kA4Long;
constexpr double kHeight = kA4Short;
constexpr double kBorder = 24;
constexpr double kInnerBorder = 31;
constexpr double kTextWidth = 620;
constexpr double kBandTop = 428;
constexpr double kQrSize = 78;

bool blank(std::string_view text) {
    return clean_text(text).find_first_not_of(" \t\n") == std::string::npos;
}

void require(std::string_view value, const char* field) {
    if (blank(value))
        throw InvalidInput(std::string("a certificate needs ") + field);
}

void validate(const Certificate& certificate) {
    require(certificate.person_name, "the person's name");
    require(certificate.module_title, "the module's title");
    require(certificate.code, "a verification code");
    require(certificate.verify_url, "a verification address");
    const std::string_view url = certificate.verify_url;
    if (!url.starts_with("http://") && !url.starts_with("https://"))
        throw InvalidInput("a certificate's verification address must start with http:// or https://");
    hours_text(certificate.hours);
}

// One line of the centred block: its layout and the gap to leave above it.
struct Line {
    LayoutPtr layout;
    double gap_above;
};

// Lays out text at the largest size from `largest` down to `smallest` that fits in `lines` lines;
// at the smallest it wraps onto as many lines as it needs, so nothing is cut off.
LayoutPtr fit(PangoContext* context, const std::string& markup, const std::string& family, double largest,
              double smallest, int lines, Colour colour) {
    for (double size = largest;; size -= 1) {
        const bool last = size - 1 < smallest;
        TextStyle style{pdf::font(family, last ? smallest : size), colour, 1.1, PANGO_ALIGN_CENTER};
        LayoutPtr layout = make_layout(context, markup, style, kTextWidth);
        if (last || pango_layout_get_line_count(layout.get()) <= lines)
            return layout;
    }
}

// The centred block from "Certificate of completion" to the trust, at a scale (1 at most) that
// lets it fit above the band of details.
std::vector<Line> main_block(PangoContext* context, const Certificate& certificate, double scale) {
    auto sized = [scale](double points) { return points * scale; };
    const std::string serif(kSerif);
    const std::string sans(kSans);
    std::vector<Line> lines;
    lines.push_back({fit(context, "Certificate of completion", serif, sized(30), sized(30), 1, kAccent), 0});
    lines.push_back(
        {fit(context, "This is to certify that", sans, sized(11), sized(11), 1, kMuted), sized(40)});
    lines.push_back(
        {fit(context, escape(certificate.person_name), serif + " Bold", sized(34), sized(20), 1, kInk),
         sized(10)});
    lines.push_back(
        {fit(context, "has completed the online module", sans, sized(11), sized(11), 1, kMuted), sized(12)});
    lines.push_back({fit(context, escape(certificate.module_title), serif + " Bold Italic", sized(20),
                         sized(13), 3, kAccent),
                     sized(10)});
    if (!blank(certificate.trust_name))
        lines.push_back(
            {fit(context, "with " + escape(certificate.trust_name), sans, sized(12), sized(9), 2, kInk),
             sized(16)});
    return lines;
}

double block_height(const std::vector<Line>& lines) {
    double height = 0;
    for (const Line& line : lines)
        height += line.gap_above + layout_height(line.layout.get());
    return height;
}

void draw_borders(cairo_t* cr) {
    set_colour(cr, kAccent);
    cairo_set_line_width(cr, 2.4);
    cairo_rectangle(cr, kBorder, kBorder, kWidth - 2 * kBorder, kHeight - 2 * kBorder);
    cairo_stroke(cr);
    set_colour(cr, kGold);
    cairo_set_line_width(cr, 0.8);
    cairo_rectangle(cr, kInnerBorder, kInnerBorder, kWidth - 2 * kInnerBorder, kHeight - 2 * kInnerBorder);
    cairo_stroke(cr);
}

// A short gold rule with a diamond at its middle, under the heading.
void draw_ornament(cairo_t* cr, double y) {
    const double middle = kWidth / 2;
    set_colour(cr, kGold);
    cairo_set_line_width(cr, 0.8);
    cairo_move_to(cr, middle - 70, y);
    cairo_line_to(cr, middle - 8, y);
    cairo_move_to(cr, middle + 8, y);
    cairo_line_to(cr, middle + 70, y);
    cairo_stroke(cr);
    cairo_move_to(cr, middle, y - 4);
    cairo_line_to(cr, middle + 4, y);
    cairo_line_to(cr, middle, y + 4);
    cairo_line_to(cr, middle - 4, y);
    cairo_close_path(cr);
    cairo_fill(cr);
}

void draw_main_block(PdfFile& file, const Certificate& certificate) {
    const double top = 62;
    const double available = kBandTop - 26 - top;
    double scale = 1;
    std::vector<Line> lines = main_block(file.pango(), certificate, scale);
    while (block_height(lines) > available && scale > 0.3) {
        scale *= 0.9;
        lines = main_block(file.pango(), certificate, scale);
    }
    double y = top + std::max(0.0, (available - block_height(lines)) / 2);
    for (std::size_t index = 0; index < lines.size(); ++index) {
        y += lines[index].gap_above;
        cairo_move_to(file.cr(), (kWidth - kTextWidth) / 2, y);
        pango_cairo_show_layout(file.cr(), lines[index].layout.get());
        y += layout_height(lines[index].layout.get());
        if (index == 0)
            draw_ornament(file.cr(), y + 20 * scale);
    }
}

// A detail in the band at the foot: its value above a rule and its label below, like a signature line.
void draw_detail(PdfFile& file, double x, double width, const std::string& value_markup,
                 const std::string& value_font, const std::string& label) {
    cairo_t* cr = file.cr();
    const double rule = kBandTop + 44;
    LayoutPtr value =
        make_layout(file.pango(), value_markup, {value_font, kInk, 1.05, PANGO_ALIGN_CENTER}, width);
    cairo_move_to(cr, x, rule - 5 - layout_height(value.get()));
    pango_cairo_show_layout(cr, value.get());
    set_colour(cr, kGold);
    cairo_set_line_width(cr, 0.6);
    cairo_move_to(cr, x, rule);
    cairo_line_to(cr, x + width, rule);
    cairo_stroke(cr);
    LayoutPtr caption =
        make_layout(file.pango(), escape(label), {font(kSans, 7.5), kMuted, 0, PANGO_ALIGN_CENTER}, width);
    cairo_move_to(cr, x, rule + 5);
    pango_cairo_show_layout(cr, caption.get());
}

void draw_band(PdfFile& file, const Certificate& certificate) {
    const double left = 78;
    const double column = 150;
    const double spacing = 22;
    double x = left;
    if (!blank(certificate.completed_on)) {
        draw_detail(file, x, column, escape(certificate.completed_on), font(kSerif, 11.5), "Date completed");
        x += column + spacing;
    }
    if (certificate.hours > 0) {
        draw_detail(file, x, column, escape(hours_text(certificate.hours)), font(kSerif, 11.5), "CPD hours");
        x += column + spacing;
    }
    draw_detail(file, x, column + 20, escape(certificate.code), font(kMono, 10.5), "Certificate code");

    cairo_t* cr = file.cr();
    const double qr_centre = kWidth - 78 - 100;
    const double qr_top = kBandTop - 22;
    set_colour(cr, kInk);
    draw_qr_code(cr, certificate.verify_url, qr_centre - kQrSize / 2, qr_top, kQrSize);
    // An address broken across lines gets no added hyphen, which a reader would type.
    LayoutPtr url = make_layout(
        file.pango(), "<span insert_hyphens=\"false\">" + escape(certificate.verify_url) + "</span>",
        {font(kMono, 7), kMuted, 0, PANGO_ALIGN_CENTER}, 200);
    cairo_move_to(cr, qr_centre - 100, qr_top + kQrSize + 5);
    pango_cairo_show_layout(cr, url.get());
}

} // namespace

std::string hours_text(double hours) {
    if (!std::isfinite(hours) || hours < 0 || hours > 100000)
        throw InvalidInput("CPD hours must be a number of hours from 0 to 100000");
    char digits[64];
    const auto result = std::to_chars(digits, digits + sizeof digits, hours, std::chars_format::fixed, 2);
    std::string text(digits, result.ptr);
    while (text.back() == '0')
        text.pop_back();
    if (text.back() == '.')
        text.pop_back();
    return text + (text == "1" ? " hour" : " hours");
}

std::string certificate(const Certificate& certificate) {
    validate(certificate);
    PdfFile file(kWidth, kHeight);
    file.set_title("Certificate of completion: " + certificate.module_title);
    draw_borders(file.cr());
    draw_main_block(file, certificate);
    draw_band(file, certificate);
    file.show_page();
    return file.finish();
}

} // namespace trellis::pdf
