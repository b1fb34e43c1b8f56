#pragma once

// Moments as people read them, in one place so every page and certificate prints dates alike.

#include <ctime>
#include <string>

namespace trellis::text {

// A moment in seconds since 1970 as its day in words, e.g. "23 November 2026" (UTC).
inline std::string day_of(long long seconds) {
    const std::time_t time = static_cast<std::time_t>(seconds);
    std::tm parts{};
    gmtime_r(&time, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%e %B %Y", &parts);
    return text[0] == ' ' ? text + 1 : text;
}

} // namespace trellis::text
