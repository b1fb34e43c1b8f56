#include <gtest/gtest.h>

#include "programmes/design_check.h"

using namespace trellis::programmes;

namespace {

Activity activity(ActivityKind kind, const std::string& title, const std::string& starts_on,
                  const std::string& due_on = "", const std::string& mechanisms = "") {
    Activity made;
    made.kind = kind;
    made.title = title;
    made.starts_on = starts_on;
    made.due_on = due_on;
    std::size_t start = 0;
    while (start < mechanisms.size()) {
        const auto end = std::min(mechanisms.find(',', start), mechanisms.size());
        made.mechanisms.push_back(mechanisms.substr(start, end - start));
        start = end + 1;
    }
    return made;
}

const CheckLine& line_titled(const DesignCheck& check, const std::string& title) {
    for (const CheckLine& line : check.lines)
        if (line.title == title)
            return line;
    throw std::runtime_error("no line " + title);
}

} // namespace

TEST(DesignCheck, a_session_alone_is_flagged_until_practice_is_developed_and_embedded) {
    Programme programme;
    programme.id = 7;
    std::vector<Activity> activities{
        activity(ActivityKind::Live, "Launch", "2026-09-17", "", "credible-source")};
    DesignCheck check = check_design(programme, activities);
    const CheckLine& alone = line_titled(check, "Mechanisms that change practice");
    EXPECT_FALSE(alone.met);
    EXPECT_EQ(alone.fix_href, "/programmes/7/activities/new?kind=practice");

    activities.push_back(activity(ActivityKind::Practice, "Try it", "2026-09-21", "2026-10-02", "rehearse"));
    EXPECT_FALSE(line_titled(check_design(programme, activities), "Mechanisms that change practice").met);
    activities.push_back(
        activity(ActivityKind::FollowUp, "What stuck", "2026-11-02", "2026-11-06", "repetition"));
    check = check_design(programme, activities);
    EXPECT_TRUE(line_titled(check, "Mechanisms that change practice").met);
    EXPECT_EQ(check.mechanisms[2].used.size(), 1u); // develop techniques: rehearse
}

TEST(DesignCheck, the_longest_gap_is_counted_in_school_weeks_across_terms) {
    const std::vector<Activity> activities{
        activity(ActivityKind::Live, "Autumn", "2026-12-17"),
        activity(ActivityKind::Practice, "Spring", "2027-01-04", "2027-01-14"),
        activity(ActivityKind::FollowUp, "Summer", "2027-04-05", "2027-05-14"),
    };
    EXPECT_EQ(terms_touched(activities), 3);
    const LongestGap gap = longest_gap(activities);
    ASSERT_NE(gap.before, nullptr);
    EXPECT_EQ(gap.before->title, "Spring");
    EXPECT_EQ(gap.after->title, "Summer");
    // 15 Jan to 12 Feb (21 school days), 22 Feb to 19 Mar (20), 5 Apr to 14 May less the bank holiday (29).
    EXPECT_DOUBLE_EQ(gap.school_weeks, 70 / 5.0);
}

TEST(DesignCheck, leadership_needs_both_a_priority_and_a_sponsor) {
    Programme programme;
    programme.priority_ids = {3};
    EXPECT_FALSE(line_titled(check_design(programme, {}), "Prioritised by leadership").met);
    programme.sponsor_id = 9;
    programme.sponsor_name = "Asha Patel";
    const DesignCheck check = check_design(programme, {});
    const CheckLine& line = line_titled(check, "Prioritised by leadership");
    EXPECT_TRUE(line.met);
    EXPECT_EQ(line.finding, "Serves a priority, sponsored by Asha Patel.");
}
