#pragma once

// Moments as people read them, in one place so every page and certificate prints dates alike.

#include <ctime>
#include <iomanip>
#include <sstream>
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

// A stored date (YYYY-MM-DD) written with a strftime format; other text unchanged.
inline std::string formatted_date(const std::string& iso_date, const char* format) {
    std::tm day{};
    std::istringstream stream(iso_date);
    stream >> std::get_time(&day, "%Y-%m-%d");
    if (stream.fail())
        return iso_date;
    day.tm_hour = 12;
    timegm(&day); // fills in the weekday; unlike mktime, without reading the time zone each time
    char text[64];
    std::strftime(text, sizeof text, format, &day);
    std::string result = text;
    if (auto doubled = result.find("  "); doubled != std::string::npos)
        result.erase(doubled, 1); // %e pads single-digit days with a space
    if (!result.empty() && result[0] == ' ')
        result.erase(0, 1);
    return result;
}

// The stored date `days` days after a stored date (YYYY-MM-DD); other text unchanged.
inline std::string days_after(const std::string& iso_date, int days) {
    std::tm day{};
    std::istringstream stream(iso_date);
    stream >> std::get_time(&day, "%Y-%m-%d");
    if (stream.fail())
        return iso_date;
    day.tm_mday += days;
    day.tm_hour = 12;
    return utc(timegm(&day), "%Y-%m-%d"); // timegm carries the 32nd into the next month
}

// A stored date as people read it, e.g. "Friday 5 March 2027".
inline std::string long_date(const std::string& iso_date) {
    return formatted_date(iso_date, "%A %e %B %Y");
}

// The month a stored date falls in, e.g. "March 2027".
inline std::string month_of(const std::string& iso_date) {
    return formatted_date(iso_date, "%B %Y");
}

} // namespace trellis::text
