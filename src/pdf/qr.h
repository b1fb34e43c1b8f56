#pragma once

// Internal to src/pdf: QR codes drawn as vector squares.

#include <cairo.h>

#include <string_view>

namespace trellis::pdf {

// Draws `text` as a QR code (error correction level M) filling the square of side `size` at (x, y),
// in the current colour; the caller leaves a white margin around it. Throws std::runtime_error if the
// text is too long for a QR code.
void draw_qr_code(cairo_t* cr, std::string_view text, double x, double y, double size);

} // namespace trellis::pdf
