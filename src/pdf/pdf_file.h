#pragma once

// Internal to src/pdf: a cairo PDF surface that collects its bytes in memory.

#include <cairo.h>
#include <pango/pangocairo.h>

#include <string>
#include <string_view>

#include "pdf/text.h"

namespace trellis::pdf {

// Sizes in points (1/72 inch).
inline constexpr double kA4Short = 595.276;
inline constexpr double kA4Long = 841.890;

// One PDF being drawn: its cairo context, a Pango context set up for points, and the bytes written
// so far. Each call to a rendering function makes its own, so threads share nothing.
class PdfFile {
  public:
    PdfFile(double width, double height);
    ~PdfFile();
    PdfFile(const PdfFile&) = delete;
    PdfFile& operator=(const PdfFile&) = delete;

    cairo_t* cr() const { return m_cr; }
    PangoContext* pango() const { return m_pango.get(); }
    double width() const { return m_width; }
    double height() const { return m_height; }

    // Sets the document's title in its metadata, which viewers show in their title bar.
    void set_title(std::string_view title);
    // Ends the current page and starts a blank one.
    void show_page();
    // Finishes the file and hands over its bytes; throws std::runtime_error if cairo failed.
    std::string finish();

  private:
    static cairo_status_t write(void* closure, const unsigned char* data, unsigned int length);

    double m_width;
    double m_height;
    std::string m_bytes;
    bool m_write_failed = false;
    cairo_surface_t* m_surface = nullptr;
    cairo_t* m_cr = nullptr;
    ContextPtr m_pango;
};

} // namespace trellis::pdf
