#pragma once

// Values typed into forms, checked the same way on every page.

#include <charconv>
#include <optional>
#include <regex>
#include <stdexcept>
#include <string>

#include "text/words.h"

namespace trellis::text {

// A time of day as HH:MM on the 24-hour clock, e.g. "09:30".
inline bool is_time(const std::string& text) {
    static const std::regex pattern(R"(([01]\d|2[0-3]):[0-5]\d)");
    return std::regex_match(text, pattern);
}

// The whole number typed into `field`, from `low` to `high`; otherwise std::invalid_argument with a
// message naming the field.
inline int whole_number_in(const std::string& text, const std::string& field, int low, int high) {
    const std::string kept = trimmed(text);
    try {
        std::size_t used = 0;
        const int value = std::stoi(kept, &used);
        if (used == kept.size() && value >= low && value <= high)
            return value;
    } catch (const std::exception&) {
    }
    throw std::invalid_argument(field + " must be a whole number from " + std::to_string(low) + " to " +
                                std::to_string(high) + ".");
}

// A positive whole number written as text, such as an id from a URL or chosen from a list; nullopt
// for anything else.
inline std::optional<long long> positive_id(const std::string& text) {
    long long value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value <= 0)
        return std::nullopt;
    return value;
}

// A web address someone may follow from a page: http or https, nothing that could break out of an
// attribute, and at most `longest` characters.
inline bool is_web_address(const std::string& text, std::size_t longest = 1000) {
    return (text.rfind("https://", 0) == 0 || text.rfind("http://", 0) == 0) && text.size() > 10 &&
           text.size() <= longest && text.find_first_of(" \t\r\n\"<>") == std::string::npos;
}

} // namespace trellis::text
