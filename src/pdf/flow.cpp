#include "pdf/flow.h"

#include <algorithm>
#include <stdexcept>

namespace trellis::pdf {

namespace {

constexpr double kBarWidth = 2.5;
constexpr double kFooterGap = 24;

} // namespace

Flow::Flow(PdfFile& file, FlowSetup setup)
    : m_file(file), m_setup(std::move(setup)), m_y(m_setup.margin_top) {
    start_recording();
}

Flow::~Flow() {
    if (m_page_cr)
        cairo_destroy(m_page_cr);
    if (m_page_surface)
        cairo_surface_destroy(m_page_surface);
    for (cairo_surface_t* page : m_recorded)
        cairo_surface_destroy(page);
}

void Flow::start_recording() {
    const cairo_rectangle_t page{0, 0, m_file.width(), m_file.height()};
    m_page_surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &page);
    m_page_cr = cairo_create(m_page_surface);
}

void Flow::end_recording() {
    cairo_destroy(m_page_cr);
    m_page_cr = nullptr;
    m_recorded.push_back(m_page_surface);
    m_page_surface = nullptr;
}

LayoutPtr Flow::layout(const std::string& markup, const TextStyle& style, double indent, double inset) const {
    return make_layout(pango(), markup, style, width() - indent - inset);
}

void Flow::lines(PangoLayout* layout, double indent, std::optional<Shade> shade) {
    // A line's y range leaves out the layout's extra line spacing, so a line advances by the distance
    // to the top of the next one.
    struct Line {
        PangoLayoutLine* line;
        double top;
        double bottom;
        double baseline;
    };
    std::vector<Line> lines;
    PangoLayoutIter* iter = pango_layout_get_iter(layout);
    do {
        int top = 0;
        int bottom = 0;
        pango_layout_iter_get_line_yrange(iter, &top, &bottom);
        lines.push_back({pango_layout_iter_get_line_readonly(iter), static_cast<double>(top) / PANGO_SCALE,
                         static_cast<double>(bottom) / PANGO_SCALE,
                         static_cast<double>(pango_layout_iter_get_baseline(iter)) / PANGO_SCALE});
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);

    for (std::size_t index = 0; index < lines.size(); ++index) {
        const Line& line = lines[index];
        const double height = line.bottom - line.top;
        const double advance = index + 1 < lines.size() ? lines[index + 1].top - line.top : height;
        if (!m_page_empty && m_y + height > bottom())
            new_page();
        const double baseline = m_y + line.baseline - line.top;
        draw_decorations(m_y, m_y + advance, shade);
        cairo_move_to(cr(), left() + indent, baseline);
        pango_cairo_show_layout_line(cr(), line.line);
        if (m_marker) {
            cairo_save(cr());
            m_marker(cr(), baseline);
            cairo_restore(cr());
        }
        m_marker = nullptr;
        m_y += advance;
        m_page_empty = false;
    }
}

void Flow::text(const std::string& markup, const TextStyle& style, double indent) {
    LayoutPtr laid_out = layout(markup, style, indent);
    lines(laid_out.get(), indent);
}

void Flow::space(double points, std::optional<Shade> shade) {
    if (m_page_empty)
        return;
    const double end = std::min(m_y + points, bottom());
    draw_decorations(m_y, end, shade);
    m_y = m_y + points;
}

void Flow::keep(double points) {
    if (!m_page_empty && m_y + points > bottom())
        new_page();
}

void Flow::figure(double height, const std::function<void(cairo_t* cr, double x, double y)>& draw) {
    keep(height);
    cairo_save(cr());
    draw(cr(), left(), m_y);
    cairo_restore(cr());
    m_y += height;
    m_page_empty = false;
}

int Flow::finish() {
    end_recording();
    const int total = static_cast<int>(m_recorded.size());
    cairo_t* file = m_file.cr();
    for (int page = 1; page <= total; ++page) {
        cairo_save(file);
        cairo_set_source_surface(file, m_recorded[static_cast<std::size_t>(page - 1)], 0, 0);
        cairo_paint(file);
        cairo_restore(file);
        draw_footer(page, total);
        m_file.show_page();
    }
    return total;
}

void Flow::new_page() {
    end_recording();
    start_recording();
    m_y = m_setup.margin_top;
    m_page_empty = true;
}

void Flow::draw_footer(int page_number, int total_pages) {
    cairo_t* cr = m_file.cr();
    const double top = bottom() + kFooterGap;
    set_colour(cr, kRule);
    cairo_set_line_width(cr, 0.6);
    cairo_move_to(cr, left(), top);
    cairo_line_to(cr, left() + width(), top);
    cairo_stroke(cr);

    const TextStyle style{font(kSans, 8), kMuted};
    const std::string number = "Page " + std::to_string(page_number) + " of " + std::to_string(total_pages);
    LayoutPtr page = make_layout(pango(), escape(number), style, width());
    const double number_width = layout_width(page.get());
    cairo_move_to(cr, left() + width() - number_width, top + 6);
    pango_cairo_show_layout(cr, page.get());

    // A footer is one line of context (a module's name); a very long one ends in an ellipsis rather
    // than pushing into the page number or off the paper.
    LayoutPtr footer = make_layout(pango(), escape(m_setup.footer), style, width() - number_width - 24);
    pango_layout_set_height(footer.get(), -2);
    pango_layout_set_ellipsize(footer.get(), PANGO_ELLIPSIZE_END);
    cairo_move_to(cr, left(), top + 6);
    pango_cairo_show_layout(cr, footer.get());
}

void Flow::draw_decorations(double top, double bottom, const std::optional<Shade>& shade) {
    if (shade) {
        set_colour(cr(), shade->colour);
        cairo_rectangle(cr(), left() + shade->indent, top, width() - shade->indent, bottom - top);
        cairo_fill(cr());
    }
    set_colour(cr(), kRule);
    for (double indent : m_bars) {
        cairo_rectangle(cr(), left() + indent, top, kBarWidth, bottom - top);
        cairo_fill(cr());
    }
}

std::string render_flow(std::string_view title, const FlowSetup& setup,
                        const std::function<void(Flow& flow)>& content) {
    PdfFile file(kA4Short, kA4Long);
    file.set_title(title);
    Flow flow(file, setup);
    content(flow);
    flow.finish();
    return file.finish();
}

} // namespace trellis::pdf
