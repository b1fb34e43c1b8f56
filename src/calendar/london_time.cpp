#include "calendar/london_time.h"

#include <cctype>
#include <chrono>
#include <cstdio>

#include "calendar/school_year.h"

namespace trellis::calendar {

namespace {

using namespace std::chrono;

sys_seconds summer_time_boundary(int year, month in_month) {
    const sys_days last_sunday{std::chrono::year{year} / in_month / Sunday[last]};
    return last_sunday + hours{1};
}

std::string moment_text(sys_seconds moment) {
    const sys_days day = floor<days>(moment);
    const hh_mm_ss time{moment - day};
    char clock[8];
    std::snprintf(clock, sizeof clock, "%02d:%02d", static_cast<int>(time.hours().count()),
                  static_cast<int>(time.minutes().count()));
    return text_of(day) + " " + clock;
}

} // namespace

std::string london_moment(long long utc_seconds) {
    const sys_seconds moment{seconds{utc_seconds}};
    const int year = static_cast<int>(year_month_day{floor<days>(moment)}.year());
    const bool summer =
        moment >= summer_time_boundary(year, March) && moment < summer_time_boundary(year, October);
    return moment_text(moment + hours{summer ? 1 : 0});
}

std::string shifted_moment(const std::string& day, const std::string& time, int minutes) {
    const auto parsed = parse_day(day);
    if (!parsed || time.size() != 5)
        return day + " " + time;
    const sys_seconds moment = sys_seconds{*parsed} + hours{std::stoi(time.substr(0, 2))} +
                               std::chrono::minutes{std::stoi(time.substr(3, 2)) + minutes};
    return moment_text(moment);
}

int minutes_between(const std::string& from, const std::string& to) {
    auto minute_of = [](const std::string& time) {
        const bool valid = time.size() == 5 && std::isdigit(static_cast<unsigned char>(time[0])) &&
                           std::isdigit(static_cast<unsigned char>(time[1])) && time[2] == ':' &&
                           std::isdigit(static_cast<unsigned char>(time[3])) &&
                           std::isdigit(static_cast<unsigned char>(time[4]));
        return valid ? std::stoi(time.substr(0, 2)) * 60 + std::stoi(time.substr(3, 2)) : -1;
    };
    const int start = minute_of(from), end = minute_of(to);
    return start >= 0 && end > start ? end - start : 0;
}

} // namespace trellis::calendar
