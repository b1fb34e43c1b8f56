#pragma once

// Words and the text around them, in one place so every page counts and trims the same way.

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace trellis::text {

// A count with its noun, singular for exactly one: counted(1, "file", "files") is "1 file",
// counted(3, "file", "files") is "3 files", counted(0, "file", "files") is "0 files".
inline std::string counted(long long count, std::string_view one, std::string_view many) {
    return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

// Text as typed into a form or a file, without the spaces, tabs and line breaks around it.
inline std::string trimmed(std::string_view text) {
    constexpr std::string_view kSpace = " \t\r\n";
    const auto first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos)
        return "";
    return std::string(text.substr(first, text.find_last_not_of(kSpace) - first + 1));
}

// The non-blank lines of a text box, each trimmed, in order.
inline std::vector<std::string> lines_of(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find('\n', start), text.size());
        if (auto kept = trimmed(text.substr(start, end - start)); !kept.empty())
            lines.push_back(std::move(kept));
        start = end + 1;
    }
    return lines;
}

// ASCII letters in lower case, for comparing email addresses and searches.
inline std::string lowered(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return text;
}

// The non-empty items of a comma-separated list as stored, e.g. "primary,secondary".
inline std::vector<std::string> split_commas(std::string_view text) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find(',', start), text.size());
        if (end > start)
            items.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return items;
}

// Items joined with `separator` between them.
inline std::string joined(const std::vector<std::string>& items, std::string_view separator = ",") {
    std::string text;
    for (const std::string& item : items)
        text += (text.empty() ? "" : std::string(separator)) + item;
    return text;
}

} // namespace trellis::text
