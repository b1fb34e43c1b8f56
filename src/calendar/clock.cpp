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

Clock::Clock(const std::string& fixed_day) : Clock(fixed_day, real_seconds) {}

Clock::Clock(const std::string& fixed_day, long long (*real_seconds)()) : m_real_seconds(real_seconds) {
    if (fixed_day.empty())
        return;
    const auto wanted = parse_day(fixed_day);
    if (!wanted)
        throw std::invalid_argument("TRELLIS_TODAY must be a date written YYYY-MM-DD.");
    const auto real = parse_day(london_moment(real_seconds()).substr(0, 10));
    m_shift_days = (*wanted - *real).count();
}

std::string Clock::today() const {
    return now().substr(0, 10);
}

std::string Clock::now() const {
    const std::string real = london_moment(m_real_seconds());
    if (m_shift_days == 0)
        return real;
    return text_of(*parse_day(real.substr(0, 10)) + std::chrono::days(m_shift_days)) + real.substr(10);
}

long long Clock::seconds() const {
    return m_real_seconds() + m_shift_days * 24 * 60 * 60;
}

} // namespace trellis::calendar
