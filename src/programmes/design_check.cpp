#include "programmes/design_check.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "calendar/school_year.h"

namespace trellis::programmes {

namespace {

std::string weeks_text(double weeks) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", weeks);
    return text;
}

std::string quoted_titles(const std::vector<const Activity*>& activities) {
    std::string text;
    for (const Activity* activity : activities)
        text += (text.empty() ? "“" : ", “") + activity->title + "”";
    return text;
}

std::vector<GroupCoverage> coverage_of(const std::vector<Activity>& activities) {
    std::vector<GroupCoverage> coverage;
    for (const MechanismGroup group : all_mechanism_groups()) {
        GroupCoverage line{group, {}, 0};
        for (const Mechanism& mechanism : all_mechanisms()) {
            if (mechanism.group != group)
                continue;
            ++line.of;
            const bool used = std::any_of(activities.begin(), activities.end(), [&](const Activity& a) {
                return std::find(a.mechanisms.begin(), a.mechanisms.end(), mechanism.code) !=
                       a.mechanisms.end();
            });
            if (used)
                line.used.push_back(mechanism.label);
        }
        coverage.push_back(line);
    }
    return coverage;
}

bool group_used(const std::vector<GroupCoverage>& coverage, MechanismGroup group) {
    for (const GroupCoverage& line : coverage)
        if (line.group == group)
            return !line.used.empty();
    return false;
}

CheckLine mechanisms_line(const std::string& base, const std::vector<GroupCoverage>& coverage) {
    const bool techniques = group_used(coverage, MechanismGroup::DevelopTechniques);
    const bool embed = group_used(coverage, MechanismGroup::EmbedPractice);
    CheckLine line{"Mechanisms that change practice", techniques && embed, "", "", "", ""};
    line.why = "A session alone rarely changes practice: people need to develop a technique and then "
               "embed it in their own classroom or role.";
    if (line.met) {
        line.finding = "Activities develop techniques and embed practice.";
        return line;
    }
    line.finding = !techniques && !embed ? "Nothing yet develops techniques or embeds practice."
                   : !techniques         ? "Nothing yet develops techniques (modelling, rehearsal, feedback)."
                                 : "Nothing yet embeds practice (prompts, action planning, repetition).";
    line.fix_label = "Add a practice task and a follow-up";
    line.fix_href = base + "/activities/new?kind=practice";
    return line;
}

CheckLine pupil_outcomes_line(const std::string& base, const Programme& programme) {
    CheckLine line{"Focus on improving pupil outcomes", !programme.pupil_outcome.empty(), "", "", "", ""};
    line.why = "Professional development should aim at a difference for pupils that can be seen.";
    line.finding =
        line.met ? "Aims at: " + programme.pupil_outcome : "The programme names no outcome for pupils.";
    if (!line.met) {
        line.fix_label = "Name the pupil outcome";
        line.fix_href = base + "/edit#pupil_outcome";
    }
    return line;
}

CheckLine evidence_line(const std::string& base, const std::vector<Activity>& activities) {
    std::vector<const Activity*> live, without;
    for (const Activity& activity : activities)
        if (activity.kind == ActivityKind::Live) {
            live.push_back(&activity);
            if (activity.evidence.empty())
                without.push_back(&activity);
        }
    CheckLine line{
        "Underpinned by robust evidence and expertise", !live.empty() && without.empty(), "", "", "", ""};
    line.why = "Sessions should draw on the best evidence or an expert, and say which, so people can trust "
               "and follow it up.";
    if (live.empty()) {
        line.finding = "There is no live session yet to bring in evidence or an expert.";
        line.fix_label = "Add a live session";
        line.fix_href = base + "/activities/new?kind=live";
    } else if (!without.empty()) {
        line.finding = "Not naming their evidence or expert: " + quoted_titles(without) + ".";
        line.fix_label = "Name the evidence";
        line.fix_href = base + "/activities/" + std::to_string(without.front()->id) + "/edit#evidence";
    } else {
        line.finding = "Every live session names its evidence or expert.";
    }
    return line;
}

CheckLine collaboration_line(const std::string& base, const std::vector<Activity>& activities) {
    const bool collaborates = std::any_of(activities.begin(), activities.end(), [](const Activity& a) {
        return a.kind == ActivityKind::Collaboration;
    });
    CheckLine line{"Includes collaboration and expert challenge", collaborates, "", "", "", ""};
    line.why =
        "Working with colleagues, and being challenged by someone who knows more, keeps learning going "
        "between sessions.";
    line.finding = collaborates ? "Collaboration time is planned." : "No collaboration time is planned.";
    if (!collaborates) {
        line.fix_label = "Add collaboration time";
        line.fix_href = base + "/activities/new?kind=collaboration";
    }
    return line;
}

CheckLine sustained_line(const std::string& base, const std::vector<Activity>& activities) {
    const int terms = terms_touched(activities);
    const LongestGap gap = longest_gap(activities);
    CheckLine line{"Sustained over time", terms >= 2 && gap.school_weeks <= kLongestGapWeeks, "", "", "", ""};
    line.why = "Change takes repeated contact: the programme should run across at least two terms with no "
               "more than six school weeks (holidays not counted) between one contact and the next.";
    line.finding = "Runs across " + std::to_string(terms) + (terms == 1 ? " term" : " terms");
    if (gap.before)
        line.finding += "; the longest gap is " + weeks_text(gap.school_weeks) + " school weeks, between “" +
                        gap.before->title + "” and “" + gap.after->title + "”";
    line.finding += ".";
    if (!line.met) {
        line.fix_label = terms < 2 ? "Plan an activity in another term" : "Add a follow-up in the gap";
        line.fix_href = base + "/activities/new?kind=follow_up";
    }
    return line;
}

CheckLine leadership_line(const std::string& base, const Programme& programme) {
    const bool linked = !programme.priority_ids.empty(), sponsored = programme.sponsor_id != 0;
    CheckLine line{"Prioritised by leadership", linked && sponsored, "", "", "", ""};
    line.why = "Programmes tied to the school's priorities, with a senior leader who answers for them, get "
               "the time and follow-through they need.";
    line.finding = linked && sponsored ? "Serves a priority, sponsored by " + programme.sponsor_name + "."
                   : linked            ? "Serves a priority but has no senior sponsor."
                   : sponsored         ? "Has a sponsor but serves no priority."
                                       : "Serves no priority and has no senior sponsor.";
    if (!line.met) {
        line.fix_label = "Choose a priority and sponsor";
        line.fix_href = base + "/edit#priorities";
    }
    return line;
}

// Activities with a valid contact day, in date order.
std::vector<const Activity*> dated(const std::vector<Activity>& activities) {
    std::vector<const Activity*> result;
    for (const Activity& activity : activities)
        if (calendar::parse_day(activity.contact_day()))
            result.push_back(&activity);
    std::stable_sort(result.begin(), result.end(), [](const Activity* a, const Activity* b) {
        return a->contact_day() < b->contact_day();
    });
    return result;
}

} // namespace

int DesignCheck::unmet() const {
    return static_cast<int>(
        std::count_if(lines.begin(), lines.end(), [](const CheckLine& l) { return !l.met; }));
}

LongestGap longest_gap(const std::vector<Activity>& activities) {
    LongestGap gap;
    const auto in_order = dated(activities);
    for (std::size_t i = 1; i < in_order.size(); ++i) {
        const double weeks =
            calendar::school_weeks_between(in_order[i - 1]->contact_day(), in_order[i]->contact_day());
        if (!gap.before || weeks > gap.school_weeks)
            gap = {weeks, in_order[i - 1], in_order[i]};
    }
    return gap;
}

int terms_touched(const std::vector<Activity>& activities) {
    std::set<int> terms;
    for (const Activity* activity : dated(activities)) {
        const std::string& day = activity->contact_day();
        terms.insert(calendar::school_year_starting(day) * 3 + calendar::timeline_column(day) / 2);
    }
    return static_cast<int>(terms.size());
}

DesignCheck check_design(const Programme& programme, const std::vector<Activity>& activities) {
    const std::string base = "/programmes/" + std::to_string(programme.id);
    DesignCheck check;
    check.mechanisms = coverage_of(activities);
    check.lines = {mechanisms_line(base, check.mechanisms), pupil_outcomes_line(base, programme),
                   evidence_line(base, activities),         collaboration_line(base, activities),
                   sustained_line(base, activities),        leadership_line(base, programme)};
    return check;
}

} // namespace trellis::programmes
