#pragma once

#include <string>
#include <string_view>

namespace trellis::text {

// The text escaped for HTML, in an element or a quoted attribute: &, <, >, " and '; with
// `with_slashes`, '/' as well, as the page templates have always escaped it.
inline std::string escape_html(std::string_view text, bool with_slashes = false) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        switch (c) {
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
        case '/':
            out += with_slashes ? "&#x2F;" : "/";
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace trellis::text
