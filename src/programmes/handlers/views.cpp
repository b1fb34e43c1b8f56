#include "programmes/handlers/views.h"

#include "calendar/london_time.h"
#include "calendar/school_year.h"
#include "http/form_options.h"
#include "programmes/mechanisms.h"
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

mstch::array timeline_items(const std::vector<Activity>& activities, int starts_in, int column) {
    mstch::array items;
    for (const Activity& activity : activities) {
        if (!calendar::parse_day(activity.starts_on) ||
            calendar::school_year_containing(activity.starts_on).starts_in != starts_in ||
            calendar::timeline_column(activity.starts_on) != column)
            continue;
        items.push_back(mstch::map{{"id", std::to_string(activity.id)},
                                   {"title", activity.title},
                                   {"kind", text_of(activity.kind)},
                                   {"kind_label", label_of(activity.kind)},
                                   {"day", short_day(activity.starts_on)}});
    }
    return items;
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
    const int first = calendar::school_year_containing(programme.starts_on).starts_in;
    const int last = calendar::school_year_containing(programme.ends_on).starts_in;
    for (int starts_in = first; starts_in <= last && starts_in < first + 3; ++starts_in) {
        const calendar::SchoolYear year = calendar::school_year(starts_in);
        mstch::array columns;
        for (int column = 0; column < 6; ++column) {
            const auto& half_term = year.half_terms[column];
            columns.push_back(
                mstch::map{{"name", half_term.name},
                           {"span", short_day(half_term.starts) + " – " + short_day(half_term.ends)},
                           {"items", timeline_items(activities, starts_in, column)}});
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

mstch::map activity_view(const Activity& activity, bool lead, bool taking_part, const std::string& now) {
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
        {"online", online},
        {"delivery", activity.kind == ActivityKind::Live ? label_of(activity.delivery) : ""},
        {"evidence", activity.evidence},
        {"prompt", activity.prompt},
        {"module_slug", activity.module_slug}};
    if (online && (lead || (taking_part && link_open)))
        view["meeting_url"] = activity.meeting_url;
    else if (online && taking_part)
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
