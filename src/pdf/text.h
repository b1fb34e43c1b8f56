#pragma once

// Internal to src/pdf: text cleaning, Pango markup and layouts, colours.

#include <cairo.h>
#include <glib-object.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string>
#include <string_view>

namespace trellis::pdf {

// Releases a GObject (a PangoLayout, a PangoContext) when its owner goes.
struct GObjectUnref {
    void operator()(void* object) const { g_object_unref(object); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectUnref>;
using ContextPtr = std::unique_ptr<PangoContext, GObjectUnref>;

// An sRGB colour with components from 0 to 1.
struct Colour {
    double red = 0;
    double green = 0;
    double blue = 0;
};

// The palette every document shares, so the three documents look like one family.
inline constexpr Colour kInk{0.11, 0.16, 0.20};
inline constexpr Colour kAccent{0.12, 0.37, 0.42};
inline constexpr Colour kMuted{0.36, 0.40, 0.44};
inline constexpr Colour kRule{0.78, 0.82, 0.84};
inline constexpr Colour kGold{0.69, 0.55, 0.34};
inline constexpr Colour kShade{0.95, 0.96, 0.96};

inline constexpr const char* kSans = "DejaVu Sans";
inline constexpr const char* kSerif = "DejaVu Serif";
inline constexpr const char* kMono = "DejaVu Sans Mono";

// Sets the colour for the next cairo drawing operation.
void set_colour(cairo_t* cr, Colour colour);

// The text made safe to lay out: invalid UTF-8 becomes U+FFFD, CR LF and CR become LF, and other
// control characters (which Pango's markup parser rejects) become spaces. Nothing is removed.
std::string clean_text(std::string_view text);

// The cleaned text escaped for Pango markup (<, &, quotes).
std::string escape(std::string_view text);

// Checks, once per process, that the DejaVu fonts are installed; throws std::runtime_error naming the
// Debian package when they are not, rather than rendering in whatever fallback font is found.
void require_fonts();

// A Pango font description for a family (with a style: "DejaVu Serif Bold") at a size in points,
// written the same whatever the process's locale.
std::string font(std::string_view family, double size);

// How a layout sets its text.
struct TextStyle {
    std::string font;        // a Pango font description: "DejaVu Sans Bold 10"
    Colour colour = kInk;    // applied when drawn, as the layout's foreground
    double line_spacing = 0; // a factor of the font's height (1.3), or 0 for the font's own
    PangoAlignment alignment = PANGO_ALIGN_LEFT;
};

// Lays out Pango markup in the given width (points), wrapping between words and, for a word longer
// than the width, inside it, so no text runs off the page. Throws std::runtime_error if the markup
// does not parse, which would be a bug in the caller's escaping.
LayoutPtr make_layout(PangoContext* context, const std::string& markup, const TextStyle& style, double width);

// The layout's logical width and height in points.
double layout_width(PangoLayout* layout);
double layout_height(PangoLayout* layout);

} // namespace trellis::pdf
