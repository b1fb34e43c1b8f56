#pragma once

// Words for numbers, in one place so every page counts the same way.

#include <string>
#include <string_view>

namespace trellis::text {

// A count with its noun, singular for exactly one: counted(1, "file", "files") is "1 file",
// counted(3, "file", "files") is "3 files", counted(0, "file", "files") is "0 files".
inline std::string counted(long long count, std::string_view one, std::string_view many) {
    return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

} // namespace trellis::text
