#pragma once

#include <string>
#include <string_view>

namespace trellis::learning::content {

// Renders CommonMark to HTML with cmark's safe defaults: raw HTML and unsafe link schemes
// (javascript:, data: other than images) are dropped, so author text cannot inject markup.
std::string render_markdown(std::string_view markdown);

// Renders a one-line field (a prompt, a question) as inline HTML without the <p> wrapper; text
// that cmark does not read as a single paragraph is escaped as plain text instead.
std::string render_inline_markdown(std::string_view text);

} // namespace trellis::learning::content
