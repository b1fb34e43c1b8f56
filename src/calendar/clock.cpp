#include "calendar/clock.h"

#include <chrono>
#include <stdexcept>

#include "calendar/london_time.h"
#include "calendar/school_year.h"

namespace trellis::calendar {

namespace {

long long real_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

Clock::Clock(const std::string& fixed_day) {
    if (fixed_day.empty())
        return;
    const auto wanted = parse_day(fixed_day);
    if (!wanted)
        throw std::invalid_argument("TRELLIS_TODAY must be a date written YYYY-MM-DD.");
    const auto real = parse_day(london_moment(real_seconds()).substr(0, 10));
    m_shift_seconds = std::chrono::duration_cast<std::chrono::seconds>(*wanted - *real).count();
}

std::string Clock::today() const {
    return now().substr(0, 10);
}

std::string Clock::now() const {
    return london_moment(seconds());
}

long long Clock::seconds() const {
    return real_seconds() + m_shift_seconds;
}

} // namespace trellis::calendar
