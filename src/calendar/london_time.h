#pragma once

#include <string>

// The time on school clocks: UK civil time, GMT in winter and BST (GMT+1) from 01:00 GMT on the last
// Sunday of March to 01:00 GMT on the last Sunday of October. Activities store local days and times,
// so "is it on now" compares against this.
namespace trellis::calendar {

// The local moment of a UTC time (seconds since 1970) as "YYYY-MM-DD HH:MM".
std::string london_moment(long long utc_seconds);

// A local "YYYY-MM-DD" and "HH:MM" shifted by `minutes` (negative for earlier), as "YYYY-MM-DD HH:MM".
std::string shifted_moment(const std::string& day, const std::string& time, int minutes);

// Minutes between two "HH:MM" times on the same day; 0 when either is missing or they are reversed.
int minutes_between(const std::string& from, const std::string& to);

} // namespace trellis::calendar
