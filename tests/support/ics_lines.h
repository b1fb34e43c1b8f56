#pragma once

// For tests that read calendar files back: the content lines of an iCalendar text with folding
// undone, as a calendar program would see them.

#include <string>
#include <vector>

namespace trellis::testing {

inline std::vector<std::string> unfolded_ics_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t at = 0;
    while (at < text.size()) {
        auto end = text.find("\r\n", at);
        if (end == std::string::npos)
            end = text.size();
        const std::string line = text.substr(at, end - at);
        if (!line.empty() && line[0] == ' ' && !lines.empty())
            lines.back() += line.substr(1);
        else
            lines.push_back(line);
        at = end + 2;
    }
    return lines;
}

} // namespace trellis::testing
