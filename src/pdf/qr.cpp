#include "pdf/qr.h"

#include "text/html.h"

#include <qrencode.h>

#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>

namespace trellis::pdf {

namespace {

struct QrFree {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

std::unique_ptr<QRcode, QrFree> encode(std::string_view text) {
    // libqrencode is only thread-safe when built with pthread support; a lock costs little next to
    // drawing the page, and keeps the promise whatever the build.
    static std::mutex encoder;
    const std::string terminated(text);
    std::lock_guard lock(encoder);
    return std::unique_ptr<QRcode, QrFree>(
        QRcode_encodeString(terminated.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
}

} // namespace

void draw_qr_code(cairo_t* cr, std::string_view text, double x, double y, double size) {
    const auto code = encode(text);
    if (code == nullptr)
        throw std::runtime_error("cannot make a QR code of " + std::to_string(text.size()) +
                                 " bytes; the address is too long");
    const int modules = code->width;
    const double module = size / modules;
    // One path of all the dark squares, filled once, so that neighbouring squares meet without seams.
    for (int row = 0; row < modules; ++row) {
        for (int column = 0; column < modules; ++column) {
            if ((code->data[row * modules + column] & 1) != 0)
                cairo_rectangle(cr, x + column * module, y + row * module, module, module);
        }
    }
    cairo_fill(cr);
}

std::string qr_svg(std::string_view text, std::string_view label) {
    const auto code = encode(text);
    if (code == nullptr)
        throw std::runtime_error("cannot make a QR code of " + std::to_string(text.size()) + " bytes");
    const int modules = code->width, side = modules + 8;
    std::string path;
    for (int row = 0; row < modules; ++row)
        for (int column = 0; column < modules; ++column)
            if ((code->data[row * modules + column] & 1) != 0)
                path += "M" + std::to_string(column + 4) + " " + std::to_string(row + 4) + "h1v1h-1z";
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(side) + " " +
           std::to_string(side) + "\" width=\"240\" height=\"240\" role=\"img\" aria-label=\"" +
           text::escape_html(label) +
           "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path "
           "d=\"" +
           path + "\" fill=\"#000\"/></svg>";
}

} // namespace trellis::pdf
