#include "calendar/school_year.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <stdexcept>

namespace trellis::calendar {

using std::chrono::days;
using std::chrono::December, std::chrono::February, std::chrono::July, std::chrono::March, std::chrono::May,
    std::chrono::October, std::chrono::September;
using std::chrono::Friday, std::chrono::Monday, std::chrono::Saturday, std::chrono::Sunday,
    std::chrono::Tuesday, std::chrono::Wednesday;
using std::chrono::sys_days;
using std::chrono::weekday;
using std::chrono::year_month_day;

namespace {

// The Gregorian Easter rule applies from 1583; the last year keeps every date four digits long.
constexpr int kFirstYear = 1583;
constexpr int kLastYear = 9999;

constexpr std::array<const char*, 6> kHalfTermNames = {"Autumn 1", "Autumn 2", "Spring 1",
                                                       "Spring 2", "Summer 1", "Summer 2"};

// A half-term from its first school day to its last.
struct Span {
    sys_days first;
    sys_days last;
};

// One school year's default dates, kept as days so they can be compared and counted.
struct TermDates {
    std::array<Span, 6> half_terms;
    sys_days early_may_bank_holiday;
};

void require_supported(int year) {
    if (year < kFirstYear || year > kLastYear)
        throw std::out_of_range("School year dates are only computed for years 1583 to 9999, not " +
                                std::to_string(year) + ".");
}

sys_days parse_or_throw(const std::string& text) {
    const auto day = parse_day(text);
    if (!day)
        throw std::invalid_argument("\"" + text + "\" is not a date written as YYYY-MM-DD.");
    return *day;
}

// The number written by `count` digits from `at`, or -1 when any of them is not a digit.
int digits_at(const std::string& text, std::size_t at, std::size_t count) {
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

sys_days on_or_after(sys_days day, weekday wanted) {
    return day + (wanted - weekday{day});
}

sys_days on_or_before(sys_days day, weekday wanted) {
    return day - (weekday{day} - wanted);
}

// The Monday starting the week-long holiday in the middle of a term.
Span half_term_holiday(sys_days monday) {
    return {monday, monday + days{4}};
}

// Schools commonly go back on 1 September when that leaves most of a week, and otherwise on the
// following Monday; trusts choose differently, so this is a simplification until they enter their dates.
sys_days autumn_term_starts(std::chrono::year year) {
    const sys_days first = year / September / 1;
    const weekday first_weekday{first};
    if (first_weekday == Tuesday || first_weekday == Wednesday)
        return first;
    return on_or_after(first, Monday);
}

bool is_weekend(sys_days day) {
    const weekday name{day};
    return name == Saturday || name == Sunday;
}

sys_days summer_term_ends(std::chrono::year year) {
    const sys_days july_21 = year / July / 21;
    return is_weekend(july_21) ? on_or_before(july_21, Friday) : july_21;
}

// The conventional pattern, until trusts enter their own dates: autumn term from early September to the
// last Friday on or before 22 December, with a week off from the last Monday of October; spring term
// from the first Monday on or after 2 January, with a week off from the third Monday of February, up to the
// two-week Easter holiday (Monday before Easter Sunday to the Friday after); summer term from then to
// 21 July (or the Friday before), with a week off from the last Monday of May and the early-May bank
// holiday.
TermDates term_dates(int starts_in) {
    require_supported(starts_in);
    require_supported(starts_in + 1);
    const std::chrono::year autumn{starts_in};
    const std::chrono::year spring{starts_in + 1};

    const Span october = half_term_holiday(autumn / October / Monday[std::chrono::last]);
    const sys_days autumn_ends = on_or_before(autumn / December / 22, Friday);
    const sys_days spring_starts = on_or_after(spring / std::chrono::January / 2, Monday);
    const Span february = half_term_holiday(spring / February / Monday[3]);
    const sys_days easter = easter_sunday(starts_in + 1);
    const Span easter_holiday{easter - days{6}, easter + days{5}};
    const sys_days bank_holiday = spring / May / Monday[1];
    const Span may = half_term_holiday(spring / May / Monday[std::chrono::last]);

    // A late Easter can bring the summer term back on the bank holiday itself; it then starts a day later.
    sys_days summer_starts = easter_holiday.last + days{3};
    if (summer_starts == bank_holiday)
        summer_starts += days{1};

    return {{{{autumn_term_starts(autumn), october.first - days{3}},
              {october.last + days{3}, autumn_ends},
              {spring_starts, february.first - days{3}},
              {february.last + days{3}, easter_holiday.first - days{3}},
              {summer_starts, may.first - days{3}},
              {may.last + days{3}, summer_term_ends(spring)}}},
            bank_holiday};
}

// The year whose September starts the school year the day belongs to.
int school_year_of(sys_days day) {
    const year_month_day date{day};
    const int year = static_cast<int>(date.year());
    return date.month() >= September ? year : year - 1;
}

bool is_school_day(const TermDates& dates, sys_days day) {
    if (is_weekend(day) || day == dates.early_may_bank_holiday)
        return false;
    return std::any_of(dates.half_terms.begin(), dates.half_terms.end(),
                       [&](const Span& span) { return span.first <= day && day <= span.last; });
}

int school_days_within(const TermDates& dates, sys_days first, sys_days last) {
    int count = 0;
    for (const Span& span : dates.half_terms)
        for (sys_days day = std::max(first, span.first); day <= std::min(last, span.last); day += days{1})
            if (is_school_day(dates, day))
                ++count;
    return count;
}

std::string label_of(int starts_in) {
    const int ends_in = (starts_in + 1) % 100;
    return std::to_string(starts_in) + "\u2013" + (ends_in < 10 ? "0" : "") + std::to_string(ends_in);
}

} // namespace

std::optional<sys_days> parse_day(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    const int year = digits_at(text, 0, 4);
    const int month = digits_at(text, 5, 2);
    const int day = digits_at(text, 8, 2);
    if (year < 0 || month < 0 || day < 0)
        return std::nullopt;
    const year_month_day date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                              std::chrono::day{static_cast<unsigned>(day)}};
    if (!date.ok())
        return std::nullopt;
    return sys_days{date};
}

std::string text_of(sys_days day) {
    const year_month_day date{day};
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text;
}

// The anonymous Gregorian algorithm (Meeus, Jones, Butcher): the Paschal full moon from the
// 19-year lunar cycle with the century corrections, then the Sunday after it.
sys_days easter_sunday(int year) {
    require_supported(year);
    const int lunar_cycle = year % 19;
    const int century = year / 100;
    const int year_in_century = year % 100;
    const int skipped_leap_days = century / 4;
    const int moon_correction = (century - (century + 8) / 25 + 1) / 3;
    const int full_moon_after_march_21 =
        (19 * lunar_cycle + century - skipped_leap_days - moon_correction + 15) % 30;
    const int leap_years_shift = 2 * (century % 4) + 2 * (year_in_century / 4) - year_in_century % 4;
    const int weekday_shift = (32 + leap_years_shift - full_moon_after_march_21) % 7;
    const int late_correction = (lunar_cycle + 11 * full_moon_after_march_21 + 22 * weekday_shift) / 451;
    const int days_from_march_22 = full_moon_after_march_21 + weekday_shift - 7 * late_correction;
    return sys_days{std::chrono::year{year} / March / 22} + days{days_from_march_22};
}

SchoolYear school_year(int starts_in) {
    const TermDates dates = term_dates(starts_in);
    SchoolYear result{starts_in, label_of(starts_in), {}, text_of(dates.early_may_bank_holiday)};
    for (std::size_t i = 0; i < dates.half_terms.size(); ++i)
        result.half_terms.push_back(
            {kHalfTermNames[i], text_of(dates.half_terms[i].first), text_of(dates.half_terms[i].last)});
    return result;
}

int school_year_starting(const std::string& day) {
    return school_year_of(parse_or_throw(day));
}

SchoolYear school_year_containing(const std::string& day) {
    return school_year(school_year_of(parse_or_throw(day)));
}

bool is_school_day(const std::string& text) {
    const sys_days day = parse_or_throw(text);
    return is_school_day(term_dates(school_year_of(day)), day);
}

std::optional<std::string> half_term_of(const std::string& text) {
    const sys_days day = parse_or_throw(text);
    const TermDates dates = term_dates(school_year_of(day));
    for (std::size_t i = 0; i < dates.half_terms.size(); ++i)
        if (dates.half_terms[i].first <= day && day <= dates.half_terms[i].last)
            return kHalfTermNames[i];
    return std::nullopt;
}

int timeline_column(const std::string& text) {
    const sys_days day = parse_or_throw(text);
    const TermDates dates = term_dates(school_year_of(day));
    int column = 0;
    while (column + 1 < static_cast<int>(dates.half_terms.size()) &&
           dates.half_terms[column + 1].first <= day)
        ++column;
    return column;
}

double school_weeks_between(const std::string& from, const std::string& to) {
    const sys_days first = parse_or_throw(from) + days{1};
    const sys_days last = parse_or_throw(to);
    if (last < first)
        return 0.0;
    int count = 0;
    for (int year = school_year_of(first); year <= school_year_of(last); ++year)
        count += school_days_within(term_dates(year), first, last);
    return count / 5.0;
}

} // namespace trellis::calendar
