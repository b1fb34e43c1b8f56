// Collaboration time: the groups that meet in it, made by hand or suggested by the lead, and what
// each group did, recorded by its members.
#include <map>
#include <set>
#include <stdexcept>

#include "groups/forming.h"
#include "http/response.h"
#include "programmes/handlers/handlers.h"
#include "programmes/handlers/programme_in_route.h"
#include "programmes/handlers/views.h"
#include "text/dates.h"
#include "text/form_values.h"
#include "text/words.h"

namespace trellis::programmes::handlers {

namespace {

std::optional<Activity> collaboration_in_route(http::RequestContext& context, const Programme& programme) {
    return activity_in_route(context, programme, {ActivityKind::Collaboration});
}

std::set<long long> ids_of(const std::vector<people::Person>& people) {
    std::set<long long> ids;
    for (const people::Person& person : people)
        ids.insert(person.id);
    return ids;
}

// For the lead: who each person is as the groups were formed (school and phase), and whom each is kept
// apart from, by id.
struct Reasons {
    std::map<long long, groups::Candidate> candidates;
    std::map<long long, std::vector<std::string>> kept_from;
};

// Why the member is in this group, for the lead; "" for anyone else, or someone no longer in the activity.
std::string why_here(const groups::Group& group, const groups::GroupMember& member, const Reasons& reasons) {
    const auto person = reasons.candidates.find(member.person_id);
    if (person == reasons.candidates.end())
        return "";
    std::vector<groups::Candidate> together;
    for (const groups::GroupMember& other : group.members)
        if (auto found = reasons.candidates.find(other.person_id); found != reasons.candidates.end())
            together.push_back(found->second);
    std::string why = groups::why_here(person->second, together) + ".";
    if (auto apart = reasons.kept_from.find(member.person_id); apart != reasons.kept_from.end())
        why += " Kept apart from " + text::joined(apart->second, ", ") + ".";
    return why;
}

mstch::map group_view(const groups::Group& group, long long viewer, const Reasons& reasons) {
    mstch::array members;
    for (const groups::GroupMember& member : group.members)
        members.push_back(mstch::map{{"name", member.name},
                                     {"school", member.school_name},
                                     {"why", why_here(group, member, reasons)}});
    const bool mine = group.has(viewer);
    return mstch::map{{"id", std::to_string(group.id)},
                      {"name", group.name},
                      {"how_made", group.how_made},
                      {"members", members},
                      {"size", std::to_string(group.members.size())},
                      {"what_we_did", group.what_we_did},
                      {"written_by", group.written_by},
                      {"written_on", group.written_at ? text::day_of(group.written_at) : ""},
                      {"mine", mine},
                      {"may_record", mine}};
}

// The lead's table for arranging groups by hand: everyone the time is for, with their group's
// position (0 for none).
mstch::array arrangement(const std::vector<people::Person>& people,
                         const std::vector<groups::Group>& groups) {
    mstch::array rows;
    for (const people::Person& person : people) {
        int position = 0;
        for (std::size_t index = 0; index < groups.size() && !position; ++index)
            if (groups[index].has(person.id))
                position = static_cast<int>(index) + 1;
        rows.push_back(
            mstch::map{{"id", std::to_string(person.id)},
                       {"name", person.full_name()},
                       {"school", person.school_name.empty() ? "Central team" : person.school_name},
                       {"phase", person.phase},
                       {"position", std::to_string(position)}});
    }
    return rows;
}

void show(http::RequestContext& context, const ProgrammeSummary& summary, const Activity& activity,
          const std::string& error, int status) {
    const accounts::Actor& actor = context.signed_in();
    const Programme& programme = summary.programme;
    const bool lead = ProgrammeService::may_keep(actor, programme);
    const auto groups = context.app.groups.groups_of(activity.trust_id, activity.id);
    Reasons reasons;
    std::vector<people::Person> people;
    std::vector<groups::KeptApart> apart;
    if (lead) {
        people = context.app.activities.people_for(programme, activity);
        for (const people::Person& person : people)
            reasons.candidates[person.id] = {person.id, person.school_id, person.phase};
        apart = context.app.groups.kept_apart(activity.trust_id, programme.id);
        for (const groups::KeptApart& pair : apart) {
            reasons.kept_from[pair.first_id].push_back(pair.second_name);
            reasons.kept_from[pair.second_id].push_back(pair.first_name);
        }
    }
    mstch::array shown;
    bool in_a_group = false;
    for (const groups::Group& group : groups) {
        in_a_group |= group.has(actor.person_id);
        if (lead || group.has(actor.person_id))
            shown.push_back(group_view(group, actor.person_id, reasons));
    }
    const std::string path = activity_path(activity) + "/groups";
    mstch::map data{{"programme_id", std::to_string(programme.id)},
                    {"programme_title", programme.title},
                    {"title", activity.title},
                    {"when", views::when_of(activity)},
                    {"prompt", activity.prompt},
                    {"details", activity.details},
                    {"lead", lead},
                    {"groups", shown},
                    {"any_groups", !groups.empty()},
                    {"in_a_group", in_a_group},
                    {"path", path},
                    {"saved", context.query("saved") == "1"}};
    if (lead) {
        data["people"] = arrangement(people, groups);
        data["people_count"] = std::to_string(people.size());
        data["new_position"] = std::to_string(groups.size() + 1);
        mstch::array apart_rows;
        for (const groups::KeptApart& pair : apart)
            apart_rows.push_back(mstch::map{{"first_id", std::to_string(pair.first_id)},
                                            {"first", pair.first_name},
                                            {"second_id", std::to_string(pair.second_id)},
                                            {"second", pair.second_name}});
        data["any_apart"] = !apart_rows.empty();
        data["apart"] = apart_rows;
        if (const long long unmet = text::positive_id(context.query("unmet")).value_or(0))
            data["unmet"] = text::counted(unmet, "request", "requests") +
                            " to keep two people apart could not be met: there are too few groups, or nobody "
                            "to swap with. Move people by hand below.";
    }
    if (!error.empty())
        data["error"] = error;
    http::render_page(context, "programmes/groups", "Groups: " + activity.title, data, status);
}

// Runs a change to a collaboration time's groups (for its lead alone when `lead_only`), then shows
// the page again; the change returns more of the page's query ("" for none).
template <typename Change> void change_groups(http::RequestContext& context, bool lead_only, Change change) {
    auto summary = programme_in_route(context);
    if (!summary)
        return;
    auto activity = collaboration_in_route(context, summary->programme);
    if (!activity)
        return;
    const bool lead = ProgrammeService::may_keep(context.signed_in(), summary->programme);
    if (lead_only && !lead)
        return http::render_error(context, 403, "Only the programme's lead arranges its groups.");
    std::string more; // what else the page should say, as more of its query
    try {
        more = change(summary->programme, *activity, lead);
    } catch (const std::invalid_argument& error) {
        return show(context, *summary, *activity, error.what(), 400);
    }
    http::redirect(context, activity_path(*activity) + "/groups?saved=1" + more);
}

} // namespace

void groups_show(http::RequestContext& context) {
    auto summary = programme_in_route(context);
    if (!summary)
        return;
    if (auto activity = collaboration_in_route(context, summary->programme))
        show(context, *summary, *activity, "", 200);
}

void groups_suggest(http::RequestContext& context) {
    change_groups(context, true, [&](const Programme& programme, const Activity& activity, bool) {
        const int size = text::whole_number_in(context.form("size"), "The group size",
                                               groups::kSmallestGroupSize, groups::kLargestGroupSize);
        const auto people = context.app.activities.people_for(programme, activity);
        std::vector<groups::Candidate> candidates;
        for (const people::Person& person : people)
            candidates.push_back({person.id, person.school_id, person.phase});
        std::vector<groups::Apart> apart;
        for (const groups::KeptApart& pair : context.app.groups.kept_apart(activity.trust_id, programme.id))
            apart.push_back({pair.first_id, pair.second_id});
        auto suggested = groups::suggest_groups(candidates, size);
        const int unmet = groups::keep_apart(suggested, candidates, apart);
        context.app.groups.replace(activity.trust_id, activity.id, suggested, ids_of(people));
        return unmet ? "&unmet=" + std::to_string(unmet) : std::string();
    });
}

void groups_arrange(http::RequestContext& context) {
    change_groups(context, true, [&](const Programme& programme, const Activity& activity, bool) {
        // One field per person: the HTTP library drops repeated name=value pairs, so a list of
        // positions sent under one name would lose every repeated number.
        std::map<long long, int> group_of;
        for (const std::string& person : context.form_all("person")) {
            const auto id = http::parse_id(person);
            if (!id)
                throw std::invalid_argument("Give each person a group's number, or 0 for none.");
            group_of[*id] =
                text::whole_number_in(context.form("group_" + person), "A group's number", 0, 10000);
        }
        context.app.groups.arrange(activity.trust_id, activity.id, group_of,
                                   ids_of(context.app.activities.people_for(programme, activity)));
        return std::string();
    });
}

void group_record(http::RequestContext& context) {
    change_groups(context, false, [&](const Programme&, const Activity& activity, bool lead) {
        const auto group_id = context.id_capture(3);
        if (!group_id)
            throw std::invalid_argument("There is no such group in this activity.");
        context.app.groups.record(context.signed_in(), activity.id, *group_id, context.form("what_we_did"),
                                  lead);
        return std::string();
    });
}

void apart_add(http::RequestContext& context) {
    change_groups(context, true, [&](const Programme& programme, const Activity& activity, bool) {
        const auto first = http::parse_id(context.form("first")),
                   second = http::parse_id(context.form("second"));
        if (!first || !second)
            throw std::invalid_argument("Choose two of the people this time is for.");
        context.app.groups.keep_apart(activity.trust_id, programme.id, *first, *second,
                                      ids_of(context.app.activities.people_for(programme, activity)),
                                      context.signed_in().person_id);
        return std::string();
    });
}

void apart_remove(http::RequestContext& context) {
    change_groups(context, true, [&](const Programme& programme, const Activity& activity, bool) {
        const auto first = http::parse_id(context.form("first")),
                   second = http::parse_id(context.form("second"));
        if (first && second)
            context.app.groups.stop_keeping_apart(activity.trust_id, programme.id, *first, *second);
        return std::string();
    });
}

} // namespace trellis::programmes::handlers
