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
    // The same, reading the real time from `real_seconds` (seconds since 1970), so tests can choose it.
    Clock(const std::string& fixed_day, long long (*real_seconds)());

    // "YYYY-MM-DD".
    std::string today() const;
    // "YYYY-MM-DD HH:MM".
    std::string now() const;
    // Seconds since 1970, moved as the day is.
    long long seconds() const;

  private:
    // Whole days between the real London day when the clock was made and the day it was set to. The
    // shift is added to the London day, not to the instant: across a change between GMT and summer
    // time, an instant moved by whole days lands an hour off, and near midnight on another day.
    long long m_shift_days = 0;
    long long (*m_real_seconds)();
};

} // namespace trellis::calendar
