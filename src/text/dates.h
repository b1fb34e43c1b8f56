#pragma once

// Moments as people read them, in one place so every page and certificate prints dates alike.

#include <ctime>
#include <string>

namespace trellis::text {

// A moment in seconds since 1970, in UTC, written with strftime's `format`.
inline std::string utc(long long seconds, const char* format) {
    const std::time_t time = static_cast<std::time_t>(seconds);
    std::tm parts{};
    gmtime_r(&time, &parts);
    char text[64];
    std::strftime(text, sizeof text, format, &parts);
    return text;
}

// A moment as its day in words, e.g. "23 November 2026" (UTC).
inline std::string day_of(long long seconds) {
    const std::string day = utc(seconds, "%e %B %Y");
    return day[0] == ' ' ? day.substr(1) : day;
}

} // namespace trellis::text
