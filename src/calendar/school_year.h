#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

// The English school year (September to August: Autumn, Spring and Summer terms, each split by a
// one-week holiday into two half-terms), so programmes can be laid out across the six half-terms and
// gaps between contacts measured in school weeks. Trusts do not enter their own term dates yet, so
// every year follows one conventional pattern, computed from the rules in school_year.cpp.
//
// Dates are "YYYY-MM-DD" text. Functions taking a day as text throw std::invalid_argument when it is
// not one; those that need a school year throw std::out_of_range for years before 1583 (the Gregorian
// Easter rule starts there) or school years ending after 9999.
namespace trellis::calendar {

// One half-term: a stretch of school weeks between two holidays.
struct HalfTerm {
    std::string name;   // "Autumn 1", "Autumn 2", "Spring 1", "Spring 2", "Summer 1", "Summer 2"
    std::string starts; // YYYY-MM-DD, its first school day
    std::string ends;   // YYYY-MM-DD, its last school day
};

// The default term dates of one school year.
struct SchoolYear {
    int starts_in = 0;                  // 2026 for 2026–27
    std::string label;                  // "2026–27", with an en dash
    std::vector<HalfTerm> half_terms;   // six, in order
    std::string early_may_bank_holiday; // inside Summer 1 (or the day before it starts), not a school day
};

// The day written as strict "YYYY-MM-DD" (four, two and two digits) when it is a real date; otherwise
// nullopt.
std::optional<std::chrono::sys_days> parse_day(const std::string& text);

// The day as "YYYY-MM-DD" (for years 0000 to 9999).
std::string text_of(std::chrono::sys_days day);

// Easter Sunday of a year, by the anonymous Gregorian algorithm.
std::chrono::sys_days easter_sunday(int year);

// The default term dates of the school year starting in September of `starts_in`.
SchoolYear school_year(int starts_in);

// The year whose September starts the school year a day belongs to (2026 for any day of 2026–27),
// without building the year's dates.
int school_year_starting(const std::string& day);

// The school year a day belongs to: 1 September to 31 August belongs to the year starting that September.
SchoolYear school_year_containing(const std::string& day);

// Whether children are taught that day: a weekday inside a half-term that is not the early-May bank holiday.
bool is_school_day(const std::string& day);

// The half-term a day falls in ("Autumn 2"), weekends within it included, or nullopt in a holiday or a
// weekend between half-terms.
std::optional<std::string> half_term_of(const std::string& day);

// The column, 0 to 5, of the half-term whose span contains the day, so a dated activity has a place on a
// timeline even in a holiday. A span runs from the half-term's first day to the day before the next one
// starts; the first also takes the days from 1 September before term, the last runs to 31 August.
int timeline_column(const std::string& day);

// School weeks from one day to another: the school days strictly after `from` up to and including `to`,
// divided by 5, so holidays (summer included) count nothing. 0 when `to` is not after `from`.
double school_weeks_between(const std::string& from, const std::string& to);

} // namespace trellis::calendar
