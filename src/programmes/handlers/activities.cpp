#include <stdexcept>

#include "http/form_options.h"
#include "http/response.h"
#include "programmes/activity_service.h"
#include "programmes/handlers/handlers.h"
#include "programmes/handlers/programme_in_route.h"
#include "programmes/mechanisms.h"

namespace trellis::programmes::handlers {

namespace {

ActivityForm read_form(const http::RequestContext& context) {
    ActivityForm form;
    form.kind = context.form("kind");
    form.title = context.form("title");
    form.details = context.form("details");
    form.starts_on = context.form("starts_on");
    form.starts_at = context.form("starts_at");
    form.ends_at = context.form("ends_at");
    form.due_on = context.form("due_on");
    form.staff_groups = context.form_all("staff_groups");
    form.mechanisms = context.form_all("mechanisms");
    form.delivery = context.form("delivery");
    form.venue = context.form("venue");
    form.room = context.form("room");
    form.capacity = context.form("capacity");
    form.meeting_url = context.form("meeting_url");
    form.evidence = context.form("evidence");
    form.module_slug = context.form("module_slug");
    form.prompt = context.form("prompt");
    return form;
}

mstch::array mechanism_groups(const std::vector<std::string>& chosen) {
    mstch::array groups;
    for (const MechanismGroup group : all_mechanism_groups()) {
        mstch::array options;
        for (const Mechanism& mechanism : all_mechanisms())
            if (mechanism.group == group)
                options.push_back(mstch::map{{"value", std::string(mechanism.code)},
                                             {"label", std::string(mechanism.label)},
                                             {"checked", http::contains(chosen, mechanism.code)}});
        groups.push_back(mstch::map{{"label", label_of(group)}, {"options", options}});
    }
    return groups;
}

mstch::array module_options(http::RequestContext& context, const std::string& chosen) {
    mstch::array options;
    for (const auto& module : context.app.content.snapshot()->modules())
        options.push_back(
            mstch::map{{"value", module.slug}, {"label", module.title}, {"selected", module.slug == chosen}});
    return options;
}

mstch::array delivery_options(const std::string& chosen) {
    mstch::array options;
    for (const Delivery delivery : {Delivery::InPerson, Delivery::Online, Delivery::Both})
        options.push_back(mstch::map{{"value", text_of(delivery)},
                                     {"label", label_of(delivery)},
                                     {"checked", chosen == text_of(delivery)}});
    return options;
}

mstch::array kind_choices(const Programme& programme) {
    static const std::pair<ActivityKind, const char*> kWhat[] = {
        {ActivityKind::Live, "A session in person, online or both, with its evidence or expert."},
        {ActivityKind::Module, "A module from the online learning catalogue, finished by a date."},
        {ActivityKind::Collaboration,
         "Protected time, such as an inset afternoon, when groups meet on a prompt."},
        {ActivityKind::Practice, "Try something in the classroom or role, then reflect on it by a date."},
        {ActivityKind::FollowUp, "A short reflection some weeks later on what stuck."}};
    mstch::array choices;
    for (const auto& [kind, what] : kWhat)
        choices.push_back(mstch::map{
            {"href", "/programmes/" + std::to_string(programme.id) + "/activities/new?kind=" + text_of(kind)},
            {"label", label_of(kind)},
            {"what", std::string(what)}});
    return choices;
}

void show_form(http::RequestContext& context, const Programme& programme, long long activity_id,
               const ActivityForm& form, const std::string& error, int status) {
    const auto kind = activity_kind_from_text(form.kind);
    const std::string base = "/programmes/" + std::to_string(programme.id);
    mstch::map data{{"programme_id", std::to_string(programme.id)},
                    {"programme_title", programme.title},
                    {"editing", activity_id != 0},
                    {"action", activity_id ? base + "/activities/" + std::to_string(activity_id) + "/edit"
                                           : base + "/activities"}};
    if (!error.empty())
        data["error"] = error;
    if (!kind) {
        data["choose_kind"] = true;
        data["kinds"] = kind_choices(programme);
        return http::render_page(context, "programmes/activity_form", "Add an activity", data, status);
    }
    const bool timed = *kind == ActivityKind::Live || *kind == ActivityKind::Collaboration;
    for (auto& [key, value] :
         mstch::map{{"kind", form.kind},
                    {"kind_label", label_of(*kind)},
                    {"live", *kind == ActivityKind::Live},
                    {"module", *kind == ActivityKind::Module},
                    {"collaboration", *kind == ActivityKind::Collaboration},
                    {"timed", timed},
                    {"due", !timed},
                    {"title", form.title},
                    {"details", form.details},
                    {"starts_on", form.starts_on.empty() ? programme.starts_on : form.starts_on},
                    {"starts_at", form.starts_at},
                    {"ends_at", form.ends_at},
                    {"due_on", form.due_on},
                    {"programme_starts", programme.starts_on},
                    {"programme_ends", programme.ends_on},
                    {"groups", http::staff_group_options(form.staff_groups)},
                    {"mechanism_groups", mechanism_groups(form.mechanisms)},
                    {"deliveries", delivery_options(form.delivery.empty() ? "in_person" : form.delivery)},
                    {"venue", form.venue},
                    {"room", form.room},
                    {"capacity", form.capacity},
                    {"meeting_url", form.meeting_url},
                    {"evidence", form.evidence},
                    {"modules", module_options(context, form.module_slug)},
                    {"prompt", form.prompt}})
        data[key] = value;
    const std::string title = (activity_id ? "Edit activity: " : "New activity: ") + label_of(*kind);
    http::render_page(context, "programmes/activity_form", title, data, status);
}

void back_to(http::RequestContext& context, const Programme& programme, long long activity_id) {
    http::redirect(context, "/programmes/" + std::to_string(programme.id) + "#activity-" +
                                std::to_string(activity_id));
}

} // namespace

void activity_new(http::RequestContext& context) {
    auto programme = kept_programme_in_route(context);
    if (!programme)
        return;
    ActivityForm form;
    form.kind = context.query("kind");
    show_form(context, *programme, 0, form, "", 200);
}

void activity_create(http::RequestContext& context) {
    auto programme = kept_programme_in_route(context);
    if (!programme)
        return;
    const ActivityForm form = read_form(context);
    try {
        back_to(context, *programme, context.app.activities.add(context.signed_in(), *programme, form));
    } catch (const std::invalid_argument& error) {
        show_form(context, *programme, 0, form, error.what(), 400);
    }
}

void activity_edit(http::RequestContext& context) {
    auto programme = kept_programme_in_route(context);
    if (!programme)
        return;
    if (auto activity = activity_in_route(context, *programme))
        show_form(context, *programme, activity->id, ActivityService::form_of(*activity), "", 200);
}

void activity_update(http::RequestContext& context) {
    auto programme = kept_programme_in_route(context);
    if (!programme)
        return;
    auto activity = activity_in_route(context, *programme);
    if (!activity)
        return;
    ActivityForm form = read_form(context);
    form.kind = text_of(activity->kind); // the kind is fixed once added
    try {
        context.app.activities.update(context.signed_in(), *programme, activity->id, form);
        back_to(context, *programme, activity->id);
    } catch (const std::invalid_argument& error) {
        show_form(context, *programme, activity->id, form, error.what(), 400);
    }
}

void activity_move(http::RequestContext& context) {
    auto programme = kept_programme_in_route(context);
    if (!programme)
        return;
    if (auto activity = activity_in_route(context, *programme)) {
        context.app.activities.move(context.signed_in(), *programme, activity->id,
                                    context.form("direction") == "up");
        back_to(context, *programme, activity->id);
    }
}

void activity_delete(http::RequestContext& context) {
    auto programme = kept_programme_in_route(context);
    if (!programme)
        return;
    if (auto activity = activity_in_route(context, *programme)) {
        context.app.activities.remove(context.signed_in(), *programme, activity->id);
        http::redirect(context, "/programmes/" + std::to_string(programme->id) + "#activities");
    }
}

} // namespace trellis::programmes::handlers
