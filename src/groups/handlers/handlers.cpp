#include "groups/handlers/handlers.h"

#include <regex>
#include <stdexcept>

#include "accounts/permissions.h"
#include "http/app.h"
#include "http/form_options.h"
#include "http/response.h"
#include "record/model.h"
#include "text/dates.h"
#include "text/words.h"

namespace trellis::groups::handlers {

namespace {

std::string group_path(long long group_id) {
    return "/groups/" + std::to_string(group_id);
}

// A group as a row for anyone who may see it: what it is, who is in it, how often it met.
mstch::map group_row(const StandingGroup& group) {
    std::string names;
    for (const GroupMember& member : group.members)
        names += (names.empty() ? "" : ", ") + member.name;
    return mstch::map{
        {"href", group_path(group.id)},
        {"name", group.name},
        {"kind", label_of(group.kind)},
        {"purpose", group.purpose},
        {"school", group.school_id ? group.school_name : std::string("Across schools")},
        {"size", text::counted(static_cast<long long>(group.members.size()), "member", "members")},
        {"names", names},
        {"meetings", text::counted(group.meetings, "meeting", "meetings")},
        {"last_met", group.last_met.empty() ? std::string("Not yet met") : text::long_date(group.last_met)}};
}

mstch::array rows_of(const std::vector<StandingGroup>& groups) {
    mstch::array rows;
    for (const StandingGroup& group : groups)
        rows.push_back(group_row(group));
    return rows;
}

void show_list(http::RequestContext& context, const GroupForm& form, const std::string& error, int status) {
    const accounts::Actor& actor = context.signed_in();
    const auto mine = context.app.standing_groups.groups_of(actor);
    const auto overseen = context.app.standing_groups.overseen(actor);
    mstch::array kinds;
    for (GroupKind kind : kStandingKinds)
        kinds.push_back(mstch::map{
            {"value", text_of(kind)}, {"label", label_of(kind)}, {"selected", form.kind == text_of(kind)}});
    // Anyone starts a group across schools or in their own school; the trust's leads in any school.
    std::vector<organisations::School> schools;
    for (const organisations::School& school : context.app.organisations.schools(actor.trust_id))
        if (accounts::leads_at(actor, 0) || school.id == actor.school_id)
            schools.push_back(school);
    mstch::map data{{"mine", rows_of(mine)},
                    {"any_mine", !mine.empty()},
                    {"lead", overseen.has_value()},
                    {"overseen", overseen ? rows_of(*overseen) : mstch::array{}},
                    {"any_overseen", overseen && !overseen->empty()},
                    {"kinds", kinds},
                    {"schools", http::school_options(schools, {form.school})},
                    {"name", form.name},
                    {"purpose", form.purpose},
                    {"members", form.members},
                    {"include_me", form.include_me}};
    if (!error.empty())
        data["error"] = error;
    http::render_page(context, "groups/list", "Groups", std::move(data), status);
}

mstch::map meeting_view(const GroupMeeting& meeting) {
    return mstch::map{
        {"id", std::to_string(meeting.id)},
        {"day", text::long_date(meeting.day)},
        {"time", record::time_spent(meeting.minutes)},
        {"in_time", meeting.activity_title},
        {"came", text::joined(meeting.came, ", ")},
        {"count", text::counted(static_cast<long long>(meeting.came.size()), "person", "people")},
        {"what_we_did", meeting.what_we_did},
        {"written_by", meeting.written_by}};
}

void show_group(http::RequestContext& context, const GroupPage& page, const MeetingForm& form,
                const std::string& error, int status) {
    const accounts::Actor& actor = context.signed_in();
    const StandingGroup& group = page.group;
    const bool oversees = accounts::oversees_peer_learning(actor, group.school_id);
    mstch::array members;
    for (const GroupMember& member : group.members)
        members.push_back(
            mstch::map{{"id", std::to_string(member.person_id)},
                       {"name", member.name},
                       {"school", member.school_name},
                       {"came", form.came.empty() || std::find(form.came.begin(), form.came.end(),
                                                               member.person_id) != form.came.end()},
                       {"is_me", member.person_id == actor.person_id},
                       {"may_remove", oversees && member.person_id != actor.person_id}});
    mstch::array meetings, notes, resources, times;
    for (const GroupMeeting& meeting : page.meetings)
        meetings.push_back(meeting_view(meeting));
    for (const GroupNote& note : page.notes)
        notes.push_back(mstch::map{{"body", note.body},
                                   {"by", note.written_by},
                                   {"on", text::long_date(text::day_of(note.written_at))}});
    for (const GroupResource& resource : page.resources)
        resources.push_back(mstch::map{{"title", resource.title},
                                       {"href", resource.library_item_id
                                                    ? "/library/" + std::to_string(resource.library_item_id)
                                                    : resource.url},
                                       {"from_library", resource.library_item_id != 0},
                                       {"added_by", resource.added_by}});
    const std::string today = context.app.clock.today();
    if (page.members_view)
        for (const ProtectedTime& time : context.app.standing_groups.protected_times(actor, group, today))
            times.push_back(mstch::map{{"value", std::to_string(time.activity_id)},
                                       {"label", text::long_date(time.day) + ": " + time.title + " (" +
                                                     record::time_spent(time.minutes) + ")"},
                                       {"selected", form.time == std::to_string(time.activity_id)}});
    mstch::map data{{"group", group_row(group)},
                    {"path", group_path(group.id)},
                    {"members_view", page.members_view},
                    {"members", members},
                    {"meetings", meetings},
                    {"any_meetings", !meetings.empty()},
                    {"notes", notes},
                    {"any_notes", !notes.empty()},
                    {"resources", resources},
                    {"any_resources", !resources.empty()},
                    {"times", times},
                    {"any_times", !times.empty()},
                    {"today", today},
                    {"day", form.day.empty() ? today : form.day},
                    {"minutes", form.minutes.empty() ? std::string("60") : form.minutes},
                    {"what_we_did", form.what_we_did}};
    if (!error.empty())
        data["error"] = error;
    static const std::map<std::string, std::string> kNotices = {
        {"started", "The group is started. Its members find it under Groups."},
        {"meeting", "The meeting is kept. It counts in the record of everyone who came."},
        {"note", "Your note is shared with the group."},
        {"resource", "The resource is shared with the group."},
        {"members", "The group's members are updated."}};
    if (auto notice = kNotices.find(context.query("saved")); notice != kNotices.end())
        data["notice"] = notice->second;
    http::render_page(context, "groups/group", group.name, std::move(data), status);
}

// The group named by the route, for its members and those who oversee it; anyone else gets 404.
std::optional<GroupPage> group_in_route(http::RequestContext& context) {
    const auto id = context.id_capture(1);
    auto page = id ? context.app.standing_groups.page_for(context.signed_in(), *id) : std::nullopt;
    if (!page)
        http::render_error(context, 404, "There is no such group for you.");
    return page;
}

// Runs a change to the group named by the route, then shows the group with `saved`; a broken rule
// shows the page again with the problem.
template <typename Change>
void change_group(http::RequestContext& context, const std::string& saved, const MeetingForm& form,
                  Change change) {
    auto page = group_in_route(context);
    if (!page)
        return;
    try {
        change(page->group);
    } catch (const std::invalid_argument& problem) {
        return show_group(context, *page, form, problem.what(), 400);
    }
    http::redirect(context, group_path(page->group.id) + "?saved=" + saved);
}

// The library item a pasted address names ("/library/12", or the same on this server), or 0.
long long library_item_in(const std::string& address) {
    static const std::regex pattern(R"(^(?:https?://[^/\s]+)?/library/(\d{1,15})/?$)");
    std::smatch found;
    const std::string kept = text::trimmed(address);
    if (!std::regex_match(kept, found, pattern))
        return 0;
    return std::stoll(found[1]);
}

} // namespace

void groups_show(http::RequestContext& context) {
    show_list(context, {}, "", 200);
}

void group_start(http::RequestContext& context) {
    const GroupForm form{.name = context.form("name"),
                         .kind = context.form("kind"),
                         .purpose = context.form("purpose"),
                         .school = context.form("school"),
                         .members = context.form("members"),
                         .include_me = context.form("include_me") == "1"};
    long long id = 0;
    try {
        id = context.app.standing_groups.start(context.signed_in(), form);
    } catch (const std::invalid_argument& problem) {
        return show_list(context, form, problem.what(), 400);
    }
    http::redirect(context, group_path(id) + "?saved=started");
}

void group_show(http::RequestContext& context) {
    if (auto page = group_in_route(context))
        show_group(context, *page, {}, "", 200);
}

void members_add(http::RequestContext& context) {
    change_group(context, "members", {}, [&](const StandingGroup& group) {
        context.app.standing_groups.add_members(context.signed_in(), group.id, context.form("emails"));
    });
}

void member_remove(http::RequestContext& context) {
    const long long person_id = context.id_capture(2).value_or(0);
    const bool leaving = person_id == context.signed_in().person_id;
    auto page = group_in_route(context);
    if (!page)
        return;
    try {
        context.app.standing_groups.remove_member(context.signed_in(), page->group.id, person_id);
    } catch (const std::invalid_argument& problem) {
        return http::render_error(context, 404, problem.what());
    }
    http::redirect(context, leaving ? std::string("/groups") : group_path(page->group.id) + "?saved=members");
}

void meeting_keep(http::RequestContext& context) {
    MeetingForm form{.time = context.form("time"),
                     .day = context.form("day"),
                     .minutes = context.form("minutes"),
                     .what_we_did = context.form("what_we_did"),
                     .came = {}};
    for (const std::string& value : context.form_all("came"))
        if (const auto id = http::parse_id(value))
            form.came.push_back(*id);
    change_group(context, "meeting", form, [&](const StandingGroup& group) {
        context.app.standing_groups.keep_meeting(context.signed_in(), group.id, form,
                                                 context.app.clock.today());
    });
}

void note_add(http::RequestContext& context) {
    change_group(context, "note", {}, [&](const StandingGroup& group) {
        context.app.standing_groups.add_note(context.signed_in(), group.id, context.form("body"));
    });
}

void resource_add(http::RequestContext& context) {
    change_group(context, "resource", {}, [&](const StandingGroup& group) {
        GroupResource resource;
        resource.title = context.form("title");
        resource.url = context.form("address");
        if (const long long item_id = library_item_in(resource.url)) {
            const auto item = context.app.library.find(context.signed_in(), item_id);
            if (!item)
                throw std::invalid_argument("There is no such item in the trust's library for you.");
            resource.library_item_id = item->id;
        }
        context.app.standing_groups.add_resource(context.signed_in(), group.id, resource);
    });
}

} // namespace trellis::groups::handlers
