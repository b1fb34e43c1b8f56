#pragma once

// Internal to src/pdf: text that flows down A4 portrait pages, breaking between lines, with a footer
// and "Page n of N" on every page.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pdf/pdf_file.h"
#include "pdf/text.h"

namespace trellis::pdf {

// The page's margins (points) and the text printed at the foot of every page.
struct FlowSetup {
    double margin_top = 62;
    double margin_bottom = 80;
    double margin_side = 62;
    std::string footer;
};

// A band of colour behind text, from `indent` to the right margin (a code block's background).
struct Shade {
    Colour colour = kShade;
    double indent = 0;
};

// Draws something in the left margin of the next line drawn, given that line's baseline (a list
// item's bullet or number).
using Marker = std::function<void(cairo_t* cr, double baseline)>;

// Writes down the pages of one PDF. Each page is drawn into a recording first; finish() copies them
// into the file with their footers, once the number of pages is known for "Page n of N". So the
// content is laid out once, where measuring it first would lay out every line twice.
class Flow {
  public:
    Flow(PdfFile& file, FlowSetup setup);
    ~Flow();
    Flow(const Flow&) = delete;
    Flow& operator=(const Flow&) = delete;

    PangoContext* pango() const { return m_file.pango(); }
    // The width between the margins, and the x of the left margin.
    double width() const { return m_file.width() - 2 * m_setup.margin_side; }
    double left() const { return m_setup.margin_side; }

    // Lays out markup for the width left after `indent` (and `inset` on the right).
    LayoutPtr layout(const std::string& markup, const TextStyle& style, double indent,
                     double inset = 0) const;
    // Draws a layout's lines at `indent` from the left margin, starting a new page between lines
    // when the next does not fit.
    void lines(PangoLayout* layout, double indent, std::optional<Shade> shade = {});
    // layout() then lines().
    void text(const std::string& markup, const TextStyle& style, double indent);
    // Moves down; nothing at the top of a page, where the gap would only push text down.
    void space(double points, std::optional<Shade> shade = {});
    // Starts a new page unless `points` of room remain (keeps a heading with what follows it).
    void keep(double points);
    // Reserves `height` on one page and draws there with the top-left corner of the space.
    void figure(double height, const std::function<void(cairo_t* cr, double x, double y)>& draw);
    // Sets the marker drawn beside the next line.
    void set_marker(Marker marker) { m_marker = std::move(marker); }
    // A vertical bar at `indent` beside every line and gap until pop_bar (a block quote).
    void push_bar(double indent) { m_bars.push_back(indent); }
    void pop_bar() { m_bars.pop_back(); }
    // Ends the last page and writes every page into the file; returns how many pages there are.
    int finish();

  private:
    double bottom() const { return m_file.height() - m_setup.margin_bottom; }
    // The page being drawn: a recording of it.
    cairo_t* cr() const { return m_page_cr; }
    void start_recording();
    void end_recording();
    void new_page();
    void draw_footer(int page, int total_pages);
    void draw_decorations(double top, double bottom, const std::optional<Shade>& shade);

    PdfFile& m_file;
    FlowSetup m_setup;
    std::vector<cairo_surface_t*> m_recorded; // the pages finished so far
    cairo_surface_t* m_page_surface = nullptr;
    cairo_t* m_page_cr = nullptr;
    double m_y;
    bool m_page_empty = true;
    Marker m_marker;
    std::vector<double> m_bars;
};

// Renders content down as many pages as it needs and returns the PDF's bytes with `title` in its
// metadata.
std::string render_flow(std::string_view title, const FlowSetup& setup,
                        const std::function<void(Flow& flow)>& content);

} // namespace trellis::pdf
