#include "learning/content/markdown.h"

#include <cmark.h>
#include <cstdlib>

#include "text/html.h"

namespace trellis::learning::content {

using text::escape_html;

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

} // namespace trellis::learning::content
