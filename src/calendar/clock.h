#pragma once

#include <string>

// The day and time on school clocks (London), for everything that depends on the date: whether a
// survey is open, when a follow-up check-in opens, which school year a report covers. One clock in
// the running server, so a test (or a demonstration) can set the date: TRELLIS_TODAY=YYYY-MM-DD moves
// it by whole days, keeping the time of day.
namespace trellis::calendar {

class Clock {
  public:
    // `fixed_day` "" follows the real date; otherwise a "YYYY-MM-DD" the clock starts from (throws
    // std::invalid_argument when it is not a date).
    explicit Clock(const std::string& fixed_day = "");

    // "YYYY-MM-DD".
    std::string today() const;
    // "YYYY-MM-DD HH:MM".
    std::string now() const;
    // Seconds since 1970, moved as the day is.
    long long seconds() const;

  private:
    long long m_shift_seconds = 0;
};

} // namespace trellis::calendar
