#include "pdf/text.h"

#include <charconv>
#include <cstdio>
#include <mutex>
#include <stdexcept>

namespace trellis::pdf {

namespace {

struct GFree {
    void operator()(void* memory) const { g_free(memory); }
};
using GString = std::unique_ptr<gchar, GFree>;

std::string hex_colour(Colour colour) {
    auto channel = [](double value) { return static_cast<int>(value * 255.0 + 0.5); };
    char text[8];
    std::snprintf(text, sizeof text, "#%02x%02x%02x", channel(colour.red), channel(colour.green),
                  channel(colour.blue));
    return text;
}

bool has_family(PangoFontMap* font_map, std::string_view wanted) {
    PangoFontFamily** families = nullptr;
    int count = 0;
    pango_font_map_list_families(font_map, &families, &count);
    bool found = false;
    for (int i = 0; i < count && !found; ++i)
        found = wanted == pango_font_family_get_name(families[i]);
    g_free(families);
    return found;
}

void check_fonts() {
    // The default font map is per thread; listing it here also loads fontconfig's configuration once,
    // before many threads would race to do so.
    PangoFontMap* font_map = pango_cairo_font_map_get_default();
    for (const char* family : {kSans, kSerif, kMono}) {
        if (!has_family(font_map, family))
            throw std::runtime_error(std::string("PDF rendering needs the font \"") + family +
                                     "\"; install the Debian package fonts-dejavu-core");
    }
}

} // namespace

void set_colour(cairo_t* cr, Colour colour) {
    cairo_set_source_rgb(cr, colour.red, colour.green, colour.blue);
}

std::string font(std::string_view family, double size) {
    char digits[32];
    const auto result = std::to_chars(digits, digits + sizeof digits, size, std::chars_format::fixed, 2);
    return std::string(family) + " " + std::string(digits, result.ptr);
}

std::string clean_text(std::string_view text) {
    // A NUL would end the string for g_utf8_make_valid's caller; make it a space like other controls.
    std::string without_nul(text);
    for (char& byte : without_nul) {
        if (byte == '\0')
            byte = ' ';
    }
    GString valid(g_utf8_make_valid(without_nul.data(), static_cast<gssize>(without_nul.size())));
    std::string cleaned;
    cleaned.reserve(without_nul.size());
    for (const gchar* cursor = valid.get(); *cursor != '\0'; cursor = g_utf8_next_char(cursor)) {
        const gunichar character = g_utf8_get_char(cursor);
        if (character == '\r') {
            if (cursor[1] != '\n')
                cleaned += '\n';
        } else if (character == '\n' || character == '\t') {
            cleaned += static_cast<char>(character);
        } else if (character < 0x20 || character == 0x7f || (character >= 0x80 && character < 0xa0) ||
                   character == 0xfffe || character == 0xffff) {
            cleaned += ' ';
        } else {
            cleaned.append(cursor, static_cast<std::size_t>(g_utf8_next_char(cursor) - cursor));
        }
    }
    return cleaned;
}

std::string escape(std::string_view text) {
    const std::string cleaned = clean_text(text);
    GString escaped(g_markup_escape_text(cleaned.data(), static_cast<gssize>(cleaned.size())));
    return escaped.get();
}

void require_fonts() {
    static std::once_flag checked;
    std::call_once(checked, check_fonts);
}

LayoutPtr make_layout(PangoContext* context, const std::string& markup, const TextStyle& style,
                      double width) {
    const std::string coloured =
        "<span foreground=\"" + hex_colour(style.colour) + "\">" + markup + "</span>";
    PangoAttrList* attributes = nullptr;
    gchar* text = nullptr;
    GError* error = nullptr;
    if (!pango_parse_markup(coloured.c_str(), -1, 0, &attributes, &text, nullptr, &error)) {
        std::string message = "PDF text markup does not parse: ";
        message += error != nullptr ? error->message : "unknown error";
        g_clear_error(&error);
        throw std::runtime_error(message);
    }
    LayoutPtr layout(pango_layout_new(context));
    pango_layout_set_text(layout.get(), text, -1);
    pango_layout_set_attributes(layout.get(), attributes);
    pango_attr_list_unref(attributes);
    g_free(text);

    PangoFontDescription* font = pango_font_description_from_string(style.font.c_str());
    pango_layout_set_font_description(layout.get(), font);
    pango_font_description_free(font);
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout.get(), style.alignment);
    if (style.line_spacing > 0)
        pango_layout_set_line_spacing(layout.get(), static_cast<float>(style.line_spacing));
    return layout;
}

double layout_width(PangoLayout* layout) {
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    return static_cast<double>(logical.width) / PANGO_SCALE;
}

double layout_height(PangoLayout* layout) {
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    return static_cast<double>(logical.height) / PANGO_SCALE;
}

} // namespace trellis::pdf
