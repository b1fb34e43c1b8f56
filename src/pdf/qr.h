#pragma once

// QR codes drawn as vector squares: on PDF pages, and as inline SVG for web pages.

#include <cairo.h>

#include <string>
#include <string_view>

namespace trellis::pdf {

// Draws `text` as a QR code (error correction level M) filling the square of side `size` at (x, y),
// in the current colour; the caller leaves a white margin around it. Throws std::runtime_error if the
// text is too long for a QR code.
void draw_qr_code(cairo_t* cr, std::string_view text, double x, double y, double size);

// `text` as a QR code in an inline SVG element (with a quiet zone of four modules) labelled with
// `label` for screen readers. Throws std::runtime_error if the text is too long for a QR code.
std::string qr_svg(std::string_view text, std::string_view label);

} // namespace trellis::pdf
