#pragma once

// Words and the text around them, in one place so every page counts and trims the same way.

#include <string>
#include <string_view>

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

// ASCII letters in lower case, for comparing email addresses and searches.
inline std::string lowered(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return text;
}

} // namespace trellis::text
