#include "pdf/flow.h"

#include <algorithm>
#include <stdexcept>

namespace trellis::pdf {

namespace {

constexpr double kBarWidth = 2.5;
constexpr double kFooterGap = 24;

} // namespace

Flow::Flow(PdfFile& file, FlowSetup setup, int total_pages)
    : m_file(file), m_setup(std::move(setup)), m_total_pages(total_pages), m_y(m_setup.margin_top) {}

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

    cairo_t* cr = m_file.cr();
    for (std::size_t index = 0; index < lines.size(); ++index) {
        const Line& line = lines[index];
        const double height = line.bottom - line.top;
        const double advance = index + 1 < lines.size() ? lines[index + 1].top - line.top : height;
        if (!m_page_empty && m_y + height > bottom())
            new_page();
        const double baseline = m_y + line.baseline - line.top;
        if (drawing()) {
            draw_decorations(m_y, m_y + advance, shade);
            cairo_move_to(cr, left() + indent, baseline);
            pango_cairo_show_layout_line(cr, line.line);
            if (m_marker) {
                cairo_save(cr);
                m_marker(cr, baseline);
                cairo_restore(cr);
            }
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
    if (drawing())
        draw_decorations(m_y, end, shade);
    m_y = m_y + points;
}

void Flow::keep(double points) {
    if (!m_page_empty && m_y + points > bottom())
        new_page();
}

void Flow::figure(double height, const std::function<void(cairo_t* cr, double x, double y)>& draw) {
    keep(height);
    if (drawing()) {
        cairo_save(m_file.cr());
        draw(m_file.cr(), left(), m_y);
        cairo_restore(m_file.cr());
    }
    m_y += height;
    m_page_empty = false;
}

int Flow::finish() {
    if (drawing()) {
        draw_footer();
        m_file.show_page();
    }
    return m_page;
}

void Flow::new_page() {
    if (drawing()) {
        draw_footer();
        m_file.show_page();
    }
    ++m_page;
    m_y = m_setup.margin_top;
    m_page_empty = true;
}

void Flow::draw_footer() {
    cairo_t* cr = m_file.cr();
    const double top = bottom() + kFooterGap;
    set_colour(cr, kRule);
    cairo_set_line_width(cr, 0.6);
    cairo_move_to(cr, left(), top);
    cairo_line_to(cr, left() + width(), top);
    cairo_stroke(cr);

    const TextStyle style{font(kSans, 8), kMuted};
    const std::string number =
        "Page " + std::to_string(m_page) + " of " + std::to_string(std::max(m_total_pages, m_page));
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
    cairo_t* cr = m_file.cr();
    if (shade) {
        set_colour(cr, shade->colour);
        cairo_rectangle(cr, left() + shade->indent, top, width() - shade->indent, bottom - top);
        cairo_fill(cr);
    }
    set_colour(cr, kRule);
    for (double indent : m_bars) {
        cairo_rectangle(cr, left() + indent, top, kBarWidth, bottom - top);
        cairo_fill(cr);
    }
}

std::string render_flow(std::string_view title, const FlowSetup& setup,
                        const std::function<void(Flow& flow)>& content) {
    int pages = 0;
    {
        PdfFile measure(kA4Short, kA4Long);
        Flow flow(measure, setup, 0);
        content(flow);
        pages = flow.finish();
    }
    PdfFile file(kA4Short, kA4Long);
    file.set_title(title);
    Flow flow(file, setup, pages);
    content(flow);
    if (flow.finish() != pages)
        throw std::runtime_error("PDF pages came out differently when drawn than when measured");
    return file.finish();
}

} // namespace trellis::pdf
