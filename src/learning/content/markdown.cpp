#include "learning/content/markdown.h"

#include <cmark.h>
#include <cstdlib>

namespace trellis::learning::content {

std::string render_markdown(std::string_view markdown) {
    // CMARK_OPT_UNSAFE is deliberately absent: it is what would let raw HTML through.
    char* html =
        cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8);
    if (html == nullptr)
        return escape_html(markdown);
    std::string result(html);
    std::free(html);
    return result;
}

std::string render_inline_markdown(std::string_view text) {
    const std::string html = render_markdown(text);
    const std::string_view open = "<p>";
    const std::string_view close = "</p>\n";
    const bool one_paragraph = html.size() >= open.size() + close.size() && html.starts_with(open) &&
                               html.ends_with(close) && html.find("<p>", open.size()) == std::string::npos;
    if (!one_paragraph)
        return escape_html(text);
    return html.substr(open.size(), html.size() - open.size() - close.size());
}

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char character : text) {
        switch (character) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += character;
        }
    }
    return out;
}

} // namespace trellis::learning::content
