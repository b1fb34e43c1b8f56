#include <cmark.h>

#include <algorithm>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "pdf/flow.h"
#include "pdf/pdf.h"
#include "pdf/text.h"

namespace trellis::pdf {

namespace {

struct NodeFree {
    void operator()(cmark_node* node) const { cmark_node_free(node); }
};

constexpr double kListIndent = 20;
constexpr double kQuoteIndent = 14;
constexpr double kCodePadding = 7;
constexpr double kParagraphGap = 7;
// Deeply nested lists and quotes stop moving right here, so text always keeps room to wrap.
constexpr double kDeepestIndent = 180;

double deeper(double indent, double step) {
    return std::min(indent + step, kDeepestIndent);
}

TextStyle body_style() {
    return {font(kSans, 10), kInk, 1.25};
}

TextStyle heading_style(int level) {
    static const double sizes[] = {16, 13, 11.5, 10};
    const int index = std::clamp(level, 1, 4) - 1;
    return {font(std::string(kSans) + " Bold", sizes[index]), level <= 2 ? kAccent : kInk, 1.1};
}

std::string literal(cmark_node* node) {
    const char* text = cmark_node_get_literal(node);
    return text != nullptr ? text : "";
}

// The node's text without formatting, to compare a link's words with its address.
std::string plain_text(cmark_node* node) {
    std::string text = literal(node);
    for (cmark_node* child = cmark_node_first_child(node); child != nullptr; child = cmark_node_next(child))
        text += plain_text(child);
    return text;
}

std::string inline_markup(cmark_node* node);

std::string children_markup(cmark_node* node) {
    std::string markup;
    for (cmark_node* child = cmark_node_first_child(node); child != nullptr; child = cmark_node_next(child))
        markup += inline_markup(child);
    return markup;
}

// A link prints its words and then its address, so that a printed page still says where it leads.
// An address broken across lines gets no added hyphen, which a reader would type.
std::string link_markup(cmark_node* node, bool image) {
    const char* url_pointer = cmark_node_get_url(node);
    const std::string url = url_pointer != nullptr ? url_pointer : "";
    const std::string words = plain_text(node);
    const bool address_is_the_words = url == words || url == "mailto:" + words;
    const std::string words_markup =
        address_is_the_words ? "<span insert_hyphens=\"false\">" + children_markup(node) + "</span>"
                             : children_markup(node);
    std::string markup = image ? "<i>" + words_markup + "</i>" : "<u>" + words_markup + "</u>";
    if (!url.empty() && !address_is_the_words)
        markup += " <span foreground=\"#5c666f\" insert_hyphens=\"false\">(" +
                  std::string(image ? "image: " : "") + escape(url) + ")</span>";
    return markup;
}

std::string inline_markup(cmark_node* node) {
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_HTML_INLINE:
        return escape(literal(node));
    case CMARK_NODE_SOFTBREAK:
        return " ";
    case CMARK_NODE_LINEBREAK:
        return "\n";
    case CMARK_NODE_CODE:
        return std::string("<span font_family=\"") + kMono + "\" background=\"#eceff1\">" +
               escape(literal(node)) + "</span>";
    case CMARK_NODE_EMPH:
        return "<i>" + children_markup(node) + "</i>";
    case CMARK_NODE_STRONG:
        return "<b>" + children_markup(node) + "</b>";
    case CMARK_NODE_LINK:
        return link_markup(node, false);
    case CMARK_NODE_IMAGE:
        return link_markup(node, true);
    default:
        return children_markup(node);
    }
}

// Where a block sits: how far in from the margin, and whether it is inside a tight list or a quote.
struct Place {
    double indent = 0;
    bool tight = false;
    bool quoted = false;
};

class MarkdownWriter {
  public:
    explicit MarkdownWriter(Flow& flow) : m_flow(flow) {}

    void blocks(cmark_node* parent, const Place& place) {
        for (cmark_node* child = cmark_node_first_child(parent); child != nullptr;
             child = cmark_node_next(child))
            block(child, place);
    }

  private:
    double gap(const Place& place) const { return place.tight ? 3 : kParagraphGap; }

    TextStyle body(const Place& place) const {
        TextStyle style = body_style();
        if (place.quoted)
            style.colour = kMuted;
        return style;
    }

    void block(cmark_node* node, const Place& place) {
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_HEADING:
            heading(node, place);
            break;
        case CMARK_NODE_PARAGRAPH:
            m_flow.text(children_markup(node), body(place), place.indent);
            m_flow.space(gap(place));
            break;
        case CMARK_NODE_LIST:
            list(node, place);
            break;
        case CMARK_NODE_BLOCK_QUOTE:
            quote(node, place);
            break;
        case CMARK_NODE_CODE_BLOCK:
        case CMARK_NODE_HTML_BLOCK:
            code(node, place);
            break;
        case CMARK_NODE_THEMATIC_BREAK:
            m_flow.figure(18, [&](cairo_t* cr, double x, double y) {
                set_colour(cr, kRule);
                cairo_set_line_width(cr, 0.8);
                cairo_move_to(cr, x + place.indent, y + 8);
                cairo_line_to(cr, x + m_flow.width(), y + 8);
                cairo_stroke(cr);
            });
            break;
        default:
            blocks(node, place);
            break;
        }
    }

    void heading(cmark_node* node, const Place& place) {
        const int level = cmark_node_get_heading_level(node);
        m_flow.space(level <= 2 ? 10 : 6);
        LayoutPtr layout = m_flow.layout(children_markup(node), heading_style(level), place.indent);
        // A heading never sits alone at the foot of a page: keep room for two lines after it.
        m_flow.keep(layout_height(layout.get()) + 36);
        m_flow.lines(layout.get(), place.indent);
        m_flow.space(level <= 2 ? 6 : 4);
    }

    void list(cmark_node* node, const Place& place) {
        const bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
        int number = cmark_node_get_list_start(node);
        const int depth = m_list_depth++;
        const Place inside{deeper(place.indent, kListIndent), cmark_node_get_list_tight(node) != 0,
                           place.quoted};
        for (cmark_node* item = cmark_node_first_child(node); item != nullptr; item = cmark_node_next(item)) {
            static const char* const bullets[] = {"\u2022", "\u25e6", "\u25aa"};
            const std::string marker = ordered ? std::to_string(number++) + "." : bullets[depth % 3];
            set_marker(marker, place.indent, body(place));
            if (cmark_node_first_child(item) == nullptr)
                m_flow.text("", body(place), inside.indent);
            blocks(item, inside);
        }
        --m_list_depth;
        // A tight list ends with the gap of a paragraph; one inside another tight list, with its items' gap.
        if (inside.tight && !place.tight)
            m_flow.space(kParagraphGap - gap(inside));
    }

    // The marker sits right-aligned in the list's indent, on the baseline of the item's first line.
    // A list's bullets are laid out once and drawn for every item: a record of 500 entries is one list.
    void set_marker(const std::string& marker, double indent, const TextStyle& style) {
        const Colour& colour = style.colour;
        std::shared_ptr<PangoLayout>& layout =
            m_markers[marker + "\n" + style.font + "\n" + std::to_string(colour.red) +
                      std::to_string(colour.green) + std::to_string(colour.blue)];
        if (!layout)
            layout.reset(make_layout(m_flow.pango(), escape(marker), style, 100).release(), GObjectUnref());
        const double x = m_flow.left() + deeper(indent, kListIndent) - 6 - layout_width(layout.get());
        m_flow.set_marker([layout, x](cairo_t* cr, double baseline) {
            cairo_move_to(
                cr, x, baseline - static_cast<double>(pango_layout_get_baseline(layout.get())) / PANGO_SCALE);
            pango_cairo_show_layout(cr, layout.get());
        });
    }

    void quote(cmark_node* node, const Place& place) {
        m_flow.push_bar(place.indent);
        blocks(node, {deeper(place.indent, kQuoteIndent), false, true});
        m_flow.pop_bar();
        m_flow.space(kParagraphGap);
    }

    void code(cmark_node* node, const Place& place) {
        std::string text = literal(node);
        while (!text.empty() && text.back() == '\n')
            text.pop_back();
        const Shade shade{kShade, place.indent};
        const TextStyle style{font(kMono, 8.5), kInk, 1.15};
        LayoutPtr layout = m_flow.layout(escape(text), style, place.indent + kCodePadding, kCodePadding);
        m_flow.keep(kCodePadding + 24);
        m_flow.space(kCodePadding, shade);
        m_flow.lines(layout.get(), place.indent + kCodePadding, shade);
        m_flow.space(kCodePadding, shade);
        m_flow.space(gap(place));
    }

    Flow& m_flow;
    int m_list_depth = 0;
    std::unordered_map<std::string, std::shared_ptr<PangoLayout>> m_markers; // by marker and style
};

} // namespace

std::string markdown_plain(std::string_view text) {
    std::string kept;
    for (char character : text) {
        if (std::string_view("\\`*_[]<>#|").find(character) != std::string_view::npos)
            kept += '\\';
        kept += character;
    }
    return kept;
}

namespace {

// Documents already made, by everything they were made from. The same module resource is downloaded by
// everyone who takes the module, and an unchanged record by its owner again and again; drawing one of
// 500 entries costs far more than finding it here. Bounded in bytes: the least recently used go first,
// and a very large document is not kept at all.
class MadeDocuments {
  public:
    std::optional<std::string> find(const std::string& key) {
        std::lock_guard lock(m_mutex);
        const auto found = m_index.find(key);
        if (found == m_index.end())
            return std::nullopt;
        m_order.splice(m_order.begin(), m_order, found->second);
        return found->second->second;
    }
    void keep(const std::string& key, const std::string& bytes) {
        const std::size_t size = key.size() + bytes.size();
        if (size > kLargestKept)
            return;
        std::lock_guard lock(m_mutex);
        if (m_index.count(key))
            return;
        m_order.emplace_front(key, bytes);
        m_index[key] = m_order.begin();
        m_bytes += size;
        while (m_bytes > kMostKept) {
            const auto& oldest = m_order.back();
            m_bytes -= oldest.first.size() + oldest.second.size();
            m_index.erase(oldest.first);
            m_order.pop_back();
        }
    }

  private:
    static constexpr std::size_t kMostKept = 32 * 1024 * 1024;
    static constexpr std::size_t kLargestKept = 4 * 1024 * 1024;
    std::mutex m_mutex;
    std::list<std::pair<std::string, std::string>> m_order; // most recently used first
    std::unordered_map<std::string, std::list<std::pair<std::string, std::string>>::iterator> m_index;
    std::size_t m_bytes = 0;
};

MadeDocuments& made_documents() {
    static MadeDocuments documents;
    return documents;
}

std::string drawn_document(std::string_view title, std::string_view markdown, std::string_view footer) {
    std::unique_ptr<cmark_node, NodeFree> document(
        cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8));
    if (document == nullptr)
        throw std::runtime_error("cannot parse the Markdown for the PDF");
    FlowSetup setup;
    setup.footer = std::string(footer);
    return render_flow(title, setup, [&](Flow& flow) {
        if (!clean_text(title).empty()) {
            flow.text(escape(title), {font(std::string(kSans) + " Bold", 21), kInk, 1.1}, 0);
            flow.figure(20, [&](cairo_t* cr, double x, double y) {
                set_colour(cr, kAccent);
                cairo_set_line_width(cr, 1.5);
                cairo_move_to(cr, x, y + 8);
                cairo_line_to(cr, x + 56, y + 8);
                cairo_stroke(cr);
            });
        }
        MarkdownWriter(flow).blocks(document.get(), {});
    });
}

} // namespace

std::string markdown_document(std::string_view title, std::string_view markdown, std::string_view footer) {
    // Lengths first, so that no two different sets of parts make the same key.
    std::string key = std::to_string(title.size()) + ":" + std::to_string(footer.size()) + ":";
    key.append(title).append(footer).append(markdown);
    if (auto made = made_documents().find(key))
        return *made;
    std::string bytes = drawn_document(title, markdown, footer);
    made_documents().keep(key, bytes);
    return bytes;
}

} // namespace trellis::pdf
