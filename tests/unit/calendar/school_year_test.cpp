#include <gtest/gtest.h>

#include <stdexcept>

#include "calendar/school_year.h"

using namespace trellis::calendar;

namespace {

std::string easter_of(int year) {
    return text_of(easter_sunday(year));
}

} // namespace

TEST(SchoolYear, parses_and_writes_a_day_unchanged) {
    const auto day = parse_day("2027-02-15");
    ASSERT_TRUE(day.has_value());
    EXPECT_EQ(text_of(*day), "2027-02-15");
    EXPECT_EQ(text_of(*parse_day("2024-02-29")), "2024-02-29");
}

TEST(SchoolYear, parse_day_rejects_anything_but_a_real_yyyy_mm_dd_date) {
    EXPECT_FALSE(parse_day("2026-02-30"));
    EXPECT_FALSE(parse_day("2027-02-29")); // not a leap year
    EXPECT_FALSE(parse_day("2026-13-01"));
    EXPECT_FALSE(parse_day("2026-00-10"));
    EXPECT_FALSE(parse_day("2026-2-3"));
    EXPECT_FALSE(parse_day("2026-02-3"));
    EXPECT_FALSE(parse_day(""));
    EXPECT_FALSE(parse_day("2026-02-03x"));
    EXPECT_FALSE(parse_day("2026-02-03 09:30"));
    EXPECT_FALSE(parse_day(" 2026-02-03"));
    EXPECT_FALSE(parse_day("2026/02/03"));
    EXPECT_FALSE(parse_day("2026-+2-03"));
}

TEST(SchoolYear, finds_easter_sunday_by_the_gregorian_rule) {
    EXPECT_EQ(easter_of(2024), "2024-03-31");
    EXPECT_EQ(easter_of(2025), "2025-04-20");
    EXPECT_EQ(easter_of(2026), "2026-04-05");
    EXPECT_EQ(easter_of(2027), "2027-03-28");
    EXPECT_EQ(easter_of(2000), "2000-04-23");
    EXPECT_EQ(easter_of(2008), "2008-03-23");
    EXPECT_EQ(easter_of(2011), "2011-04-24");
    EXPECT_EQ(easter_of(2019), "2019-04-21");
    // The earliest and latest possible dates, 22 March and 25 April.
    EXPECT_EQ(easter_of(1818), "1818-03-22");
    EXPECT_EQ(easter_of(2285), "2285-03-22");
    EXPECT_EQ(easter_of(1943), "1943-04-25");
    EXPECT_EQ(easter_of(2038), "2038-04-25");
}

TEST(SchoolYear, lays_out_the_six_half_terms_of_2026_27) {
    const SchoolYear year = school_year(2026);
    EXPECT_EQ(year.starts_in, 2026);
    EXPECT_EQ(year.label, "2026\u201327");
    ASSERT_EQ(year.half_terms.size(), 6u);
    auto expect = [&](std::size_t index, const char* name, const char* starts, const char* ends) {
        EXPECT_EQ(year.half_terms[index].name, name);
        EXPECT_EQ(year.half_terms[index].starts, starts) << name;
        EXPECT_EQ(year.half_terms[index].ends, ends) << name;
    };
    // 1 September 2026 is a Tuesday, so term starts that day. The last Monday of October is the 26th
    // (the 31st is a Saturday): half-term is 26-30 October, so Autumn 1 ends on Friday 23 October.
    expect(0, "Autumn 1", "2026-09-01", "2026-10-23");
    // 20 December 2026 is a Sunday, so the last Friday on or before it is the 18th.
    expect(1, "Autumn 2", "2026-11-02", "2026-12-18");
    // 18 December + 17 days is Monday 4 January. 1 February 2027 is a Monday, so the third Monday is
    // the 15th: half-term 15-19 February.
    expect(2, "Spring 1", "2027-01-04", "2027-02-12");
    // Easter Sunday is 28 March: the holiday runs from Monday 22 March to Friday 2 April, so Spring 2
    // ends on Friday 19 March.
    expect(3, "Spring 2", "2027-02-22", "2027-03-19");
    // Summer term starts on Easter Sunday + 8, Monday 5 April. 31 May 2027 is the last Monday of May:
    // half-term 31 May - 4 June.
    expect(4, "Summer 1", "2027-04-05", "2027-05-28");
    // 21 July 2027 is a Wednesday, a weekday, so term ends that day.
    expect(5, "Summer 2", "2027-06-07", "2027-07-21");
    // 1 May 2027 is a Saturday, so the first Monday of May is the 3rd.
    EXPECT_EQ(year.early_may_bank_holiday, "2027-05-03");
}

TEST(SchoolYear, starts_autumn_on_1_september_only_when_it_is_a_tuesday_or_wednesday) {
    EXPECT_EQ(school_year(2027).half_terms[0].starts, "2027-09-01"); // Wednesday
    EXPECT_EQ(school_year(2025).half_terms[0].starts, "2025-09-01"); // Monday
    EXPECT_EQ(school_year(2022).half_terms[0].starts, "2022-09-05"); // Thursday: the next Monday
    EXPECT_EQ(school_year(2024).half_terms[0].starts, "2024-09-02"); // Sunday: the next Monday
}

TEST(SchoolYear, ends_summer_on_the_friday_before_when_21_july_is_a_weekend) {
    EXPECT_EQ(school_year(2023).half_terms[5].ends, "2024-07-19"); // 21 July 2024 is a Sunday
    EXPECT_EQ(school_year(2028).half_terms[5].ends, "2029-07-20"); // 21 July 2029 is a Saturday
}

TEST(SchoolYear, starts_summer_a_day_late_when_easter_brings_it_back_on_the_bank_holiday) {
    // Easter 2011 was 24 April, so Easter + 8 is Monday 2 May, the first Monday of May.
    const SchoolYear year = school_year(2010);
    EXPECT_EQ(year.early_may_bank_holiday, "2011-05-02");
    EXPECT_EQ(year.half_terms[4].starts, "2011-05-03");
    EXPECT_FALSE(is_school_day("2011-05-02"));
    EXPECT_TRUE(is_school_day("2011-05-03"));
}

TEST(SchoolYear, gives_31_august_to_the_year_before_and_1_september_to_the_new_one) {
    EXPECT_EQ(school_year_containing("2027-08-31").starts_in, 2026);
    EXPECT_EQ(school_year_containing("2027-09-01").starts_in, 2027);
    EXPECT_EQ(school_year_containing("2027-01-01").label, "2026\u201327");
    EXPECT_EQ(school_year(2099).label, "2099\u201300");
}

TEST(SchoolYear, counts_only_term_time_weekdays_as_school_days) {
    EXPECT_TRUE(is_school_day("2026-09-01"));  // the first day of term
    EXPECT_FALSE(is_school_day("2026-09-05")); // a Saturday in term
    EXPECT_FALSE(is_school_day("2026-10-28")); // October half-term
    EXPECT_FALSE(is_school_day("2026-12-25")); // Christmas
    EXPECT_FALSE(is_school_day("2026-12-21")); // the Monday after term ends
    EXPECT_TRUE(is_school_day("2027-01-04"));  // spring term starts
    EXPECT_FALSE(is_school_day("2027-03-29")); // Easter Monday
    EXPECT_FALSE(is_school_day("2027-05-03")); // the early-May bank holiday
    EXPECT_TRUE(is_school_day("2027-05-04"));  // the day after it
    EXPECT_FALSE(is_school_day("2027-08-10")); // summer holiday
    EXPECT_TRUE(is_school_day("2027-07-21"));  // the last day of the year
}

TEST(SchoolYear, names_the_half_term_a_day_falls_in_or_none_in_a_holiday) {
    EXPECT_EQ(half_term_of("2026-11-05"), "Autumn 2");
    EXPECT_EQ(half_term_of("2026-11-07"), "Autumn 2");   // a Saturday inside the half-term
    EXPECT_EQ(half_term_of("2027-05-03"), "Summer 1");   // the bank holiday is inside Summer 1
    EXPECT_EQ(half_term_of("2026-10-24"), std::nullopt); // the Saturday starting half-term
    EXPECT_EQ(half_term_of("2026-10-28"), std::nullopt);
    EXPECT_EQ(half_term_of("2026-12-25"), std::nullopt);
    EXPECT_EQ(half_term_of("2027-08-31"), std::nullopt);
}

TEST(SchoolYear, places_every_day_of_the_year_in_a_timeline_column) {
    EXPECT_EQ(timeline_column("2025-09-01"), 0); // 1 September 2025 is a Monday, the first day of term
    EXPECT_EQ(timeline_column("2024-09-01"), 0); // a Sunday before term starts on the 2nd
    EXPECT_EQ(timeline_column("2026-10-28"), 0); // October half-term goes with the half-term before it
    EXPECT_EQ(timeline_column("2026-11-02"), 1);
    EXPECT_EQ(timeline_column("2026-12-25"), 1);
    EXPECT_EQ(timeline_column("2027-01-03"), 1); // the Sunday before spring term
    EXPECT_EQ(timeline_column("2027-01-04"), 2);
    EXPECT_EQ(timeline_column("2027-02-22"), 3);
    EXPECT_EQ(timeline_column("2027-04-01"), 3); // the Easter holiday
    EXPECT_EQ(timeline_column("2027-04-05"), 4);
    EXPECT_EQ(timeline_column("2027-06-07"), 5);
    EXPECT_EQ(timeline_column("2027-08-31"), 5);
    EXPECT_EQ(timeline_column("2027-09-01"), 0);
}

TEST(SchoolYear, school_weeks_skip_the_october_half_term) {
    // Thursday 15 October to Thursday 5 November 2026 is three calendar weeks; the school days after the
    // 15th are Friday 16th, 19-23 October and 2-5 November: 1 + 5 + 4 = 10.
    EXPECT_DOUBLE_EQ(school_weeks_between("2026-10-15", "2026-11-05"), 2.0);
}

TEST(SchoolYear, school_weeks_skip_christmas) {
    // Thursday 10 December 2026 to Thursday 7 January 2027: Friday 11th, 14-18 December and 4-7 January.
    EXPECT_DOUBLE_EQ(school_weeks_between("2026-12-10", "2027-01-07"), 2.0);
}

TEST(SchoolYear, school_weeks_skip_the_bank_holiday) {
    // Thursday 29 April to Thursday 6 May 2027: Friday 30th, then 4-6 May without Monday 3 May.
    EXPECT_DOUBLE_EQ(school_weeks_between("2027-04-29", "2027-05-06"), 0.8);
}

TEST(SchoolYear, school_weeks_cross_the_summer_into_the_next_school_year) {
    // Thursday 15 July 2027: Friday 16th and 19-21 July end 2026-27; 2027-28 starts on Wednesday
    // 1 September, so 1-3 and 6-9 September follow: 4 + 7 = 11 school days.
    EXPECT_DOUBLE_EQ(school_weeks_between("2027-07-15", "2027-09-09"), 2.2);
}

TEST(SchoolYear, school_weeks_count_nothing_when_the_second_day_is_not_later) {
    EXPECT_DOUBLE_EQ(school_weeks_between("2026-11-05", "2026-11-05"), 0.0);
    EXPECT_DOUBLE_EQ(school_weeks_between("2026-11-05", "2026-10-15"), 0.0);
}

TEST(SchoolYear, school_weeks_over_a_whole_year_count_every_school_day_once) {
    // 2026-27 by half-term: Autumn 1 is 4 days then 7 weeks (39), Autumn 2 7 weeks (35), Spring 1 6 weeks
    // (30), Spring 2 4 weeks (20), Summer 1 8 weeks less the bank holiday (39), Summer 2 6 weeks and
    // Monday to Wednesday (33): 196 school days.
    EXPECT_DOUBLE_EQ(school_weeks_between("2026-08-31", "2027-08-31"), 196 / 5.0);
}

TEST(SchoolYear, refuses_malformed_days_and_years_outside_the_gregorian_rule) {
    EXPECT_THROW(is_school_day("2026-2-3"), std::invalid_argument);
    EXPECT_THROW(half_term_of(""), std::invalid_argument);
    EXPECT_THROW(timeline_column("2026-02-30"), std::invalid_argument);
    EXPECT_THROW(school_weeks_between("2026-10-15", "soon"), std::invalid_argument);
    EXPECT_THROW(school_year(1500), std::out_of_range);
    EXPECT_THROW(school_year(9999), std::out_of_range);
    EXPECT_THROW(is_school_day("0001-01-01"), std::out_of_range);
}

// A 20 December on a Wednesday (2023) still gives a full autumn term and a spring term after New Year.
TEST(SchoolYear, keeps_a_full_autumn_term_when_20_december_is_midweek) {
    const SchoolYear year = school_year(2023);
    EXPECT_EQ(year.half_terms[1].ends, "2023-12-22");   // Friday 22 December
    EXPECT_EQ(year.half_terms[2].starts, "2024-01-08"); // the Monday on or after 2 January
}
