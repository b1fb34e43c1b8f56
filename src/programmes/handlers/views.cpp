#include "programmes/handlers/views.h"
#include "programmes/handlers/programme_in_route.h"

#include <algorithm>
#include <array>

#include "calendar/london_time.h"
#include "calendar/school_year.h"
#include "http/form_options.h"
#include "programmes/mechanisms.h"
#include "programmes/sessions/session_attendance.h"
#include "text/dates.h"
#include "text/words.h"

namespace trellis::programmes::handlers::views {

namespace {

// "14 Jan" for a stored day.
std::string short_day(const std::string& day) {
    static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (day.size() != 10)
        return day;
    const int month = std::stoi(day.substr(5, 2));
    return std::to_string(std::stoi(day.substr(8, 2))) + " " + kMonths[month - 1];
}

mstch::array mechanism_labels(const Activity& activity) {
    mstch::array labels;
    for (const std::string& code : activity.mechanisms)
        if (const Mechanism* mechanism = find_mechanism(code))
            labels.push_back(
                mstch::map{{"label", std::string(mechanism->label)}, {"group", label_of(mechanism->group)}});
    return labels;
}

} // namespace

mstch::array timeline(const Programme& programme, const std::vector<Activity>& activities) {
    mstch::array years;
    if (!calendar::parse_day(programme.starts_on) || !calendar::parse_day(programme.ends_on))
        return years;
    const int first = calendar::school_year_starting(programme.starts_on);
    const int last = std::min(calendar::school_year_starting(programme.ends_on), first + 2);
    // Each activity placed once: placed[year - first][half-term column].
    std::vector<std::array<mstch::array, 6>> placed(static_cast<std::size_t>(last - first + 1));
    for (const Activity& activity : activities) {
        if (!calendar::parse_day(activity.starts_on) || activity.starts_on < "2000-01-01")
            continue;
        const int year = calendar::school_year_starting(activity.starts_on);
        if (year < first || year > last)
            continue;
        const auto column = static_cast<std::size_t>(calendar::timeline_column(activity.starts_on));
        placed[static_cast<std::size_t>(year - first)][column].push_back(
            mstch::map{{"id", std::to_string(activity.id)},
                       {"title", activity.title},
                       {"kind", text_of(activity.kind)},
                       {"kind_label", label_of(activity.kind)},
                       {"day", short_day(activity.starts_on)}});
    }
    for (int starts_in = first; starts_in <= last; ++starts_in) {
        const calendar::SchoolYear year = calendar::school_year(starts_in);
        auto& columns_placed = placed[static_cast<std::size_t>(starts_in - first)];
        mstch::array columns;
        for (std::size_t column = 0; column < 6; ++column) {
            const auto& half_term = year.half_terms[column];
            columns.push_back(
                mstch::map{{"name", half_term.name},
                           {"span", short_day(half_term.starts) + " – " + short_day(half_term.ends)},
                           {"items", std::move(columns_placed[column])}});
        }
        years.push_back(mstch::map{{"label", year.label}, {"columns", columns}});
    }
    return years;
}

std::string when_of(const Activity& activity) {
    if (activity.kind == ActivityKind::Live || activity.kind == ActivityKind::Collaboration)
        return text::long_date(activity.starts_on) + ", " + activity.starts_at + "–" + activity.ends_at;
    return "Opens " + text::long_date(activity.starts_on) + " · due " + text::long_date(activity.due_on);
}

namespace {

mstch::map link(const std::string& href, const std::string& label, const std::string& hidden,
                bool button = false) {
    return mstch::map{{"href", href}, {"label", label}, {"hidden", hidden}, {"button", button}};
}

// The card's links, in the order a person looks for them.
mstch::array card_links(const Activity& activity, const CardFacts& facts, const std::string& now) {
    const std::string path = activity_path(activity), about = ": " + activity.title;
    const bool live = activity.kind == ActivityKind::Live;
    mstch::array links;
    if (live && facts.taking_part && SessionAttendance::check_in_open(activity, now))
        links.push_back(link(path + "/check-in", "Check in", " to " + activity.title, true));
    if (live && (facts.lead || facts.has_recording))
        links.push_back(link(path + "/recording",
                             !facts.has_recording ? "Add the recording"
                             : facts.lead         ? "Recording (replace or check)"
                                                  : "Watch the recording",
                             about));
    if (live && facts.lead)
        links.push_back(link(path + "/register", "Register and check-in code", " for " + activity.title));
    if (activity.kind == ActivityKind::Collaboration && (facts.lead || facts.taking_part))
        links.push_back(
            link(path + "/groups", facts.lead ? "Groups and what they did" : "Your group", about));
    if (activity.kind == ActivityKind::Practice || activity.kind == ActivityKind::FollowUp)
        links.push_back(link(path + "/reflection",
                             facts.written ? "Your reflection (written)"
                             : facts.lead  ? "Who has reflected"
                                           : "Write your reflection",
                             about));
    if (!activity.module_slug.empty())
        links.push_back(link("/learning/" + activity.module_slug, "Open the module", about));
    if (live && facts.may_give_feedback)
        links.push_back(link(path + "/feedback",
                             facts.gave_feedback ? "Your feedback (given)" : "How was it? Give feedback",
                             about));
    else if (live && facts.lead && now >= calendar::shifted_moment(activity.starts_on, activity.starts_at, 0))
        links.push_back(link(path + "/feedback", "Feedback from those who came", about));
    if (facts.materials > 0)
        links.push_back(
            link(path + "/materials", "Materials (" + std::to_string(facts.materials) + ")", about));
    else if (facts.lead)
        links.push_back(link(path + "/materials", "Add slides or handouts", about));
    return links;
}

} // namespace

mstch::map activity_view(const Activity& activity, const CardFacts& facts, const std::string& now) {
    const bool online = activity.kind == ActivityKind::Live && activity.delivery != Delivery::InPerson;
    const bool in_person = activity.kind == ActivityKind::Live && activity.delivery != Delivery::Online;
    const bool link_open = now >= calendar::shifted_moment(activity.starts_on, activity.starts_at, -15) &&
                           now <= calendar::shifted_moment(activity.starts_on, activity.ends_at, 0);
    std::string where = activity.venue;
    if (!activity.room.empty())
        where += (where.empty() ? "" : ", ") + activity.room;
    mstch::map view{
        {"id", std::to_string(activity.id)},
        {"position", std::to_string(activity.position)},
        {"title", activity.title},
        {"kind", text_of(activity.kind)},
        {"kind_label", label_of(activity.kind)},
        {"details", activity.details},
        {"when", when_of(activity)},
        {"mechanisms", mechanism_labels(activity)},
        {"for_some", !activity.staff_groups.empty()},
        {"for", http::groups_and_phases_label(activity.staff_groups, {})},
        {"in_person", in_person},
        {"where", where},
        {"capacity", activity.capacity ? text::counted(activity.capacity, "place", "places") : ""},
        {"delivery", activity.kind == ActivityKind::Live ? label_of(activity.delivery) : ""},
        {"evidence", activity.evidence},
        {"prompt", activity.prompt},
        {"path", activity_path(activity)},
        {"links", card_links(activity, facts, now)}};
    if (online && (facts.lead || (facts.taking_part && link_open)))
        view["meeting_url"] = activity.meeting_url;
    else if (online && facts.taking_part)
        view["link_later"] = true;
    return view;
}

mstch::map design_check_view(const DesignCheck& check) {
    mstch::array groups, lines;
    for (const GroupCoverage& group : check.mechanisms) {
        groups.push_back(
            mstch::map{{"label", label_of(group.group)},
                       {"count", std::to_string(group.used.size()) + " of " + std::to_string(group.of)},
                       {"none", group.used.empty()},
                       {"used_text", text::joined(group.used, "; ")}});
    }
    for (const CheckLine& line : check.lines)
        lines.push_back(mstch::map{{"title", line.title},
                                   {"met", line.met},
                                   {"finding", line.finding},
                                   {"why", line.why},
                                   {"fix_label", line.fix_label},
                                   {"fix_href", line.fix_href}});
    const int unmet = check.unmet();
    return mstch::map{{"groups", groups},
                      {"lines", lines},
                      {"all_met", unmet == 0},
                      {"summary", std::to_string(static_cast<int>(check.lines.size()) - unmet) + " of " +
                                      std::to_string(check.lines.size()) + " met"}};
}

std::string audience_label(const Programme& programme) {
    std::string filters = http::groups_and_phases_label(programme.staff_groups, programme.phases);
    if (programme.school_id)
        filters += " at " + programme.school_name;
    switch (programme.audience) {
    case Audience::Everyone:
        return filters;
    case Audience::Cohort:
        return "A named cohort (" + filters + ")";
    case Audience::Open:
        return "Open to sign up, " + text::counted(programme.capacity, "place", "places") + " (" + filters +
               ")";
    }
    return filters;
}

} // namespace trellis::programmes::handlers::views
