#include <algorithm>
#include <stdexcept>

#include "http/form_options.h"
#include "http/response.h"
#include "priorities/handlers/handlers.h"
#include "priorities/service.h"
#include "text/words.h"

namespace trellis::priorities::handlers {

namespace {

PriorityForm read_form(const http::RequestContext& context) {
    return PriorityForm{
        context.form("title"),      context.form("meaning"),  context.form_all("staff_groups"),
        context.form_all("phases"), context.form("owner_id"), context.form("success")};
}

PriorityForm form_of(const Priority& priority) {
    PriorityForm form{priority.title,  priority.meaning, {}, {}, std::to_string(priority.owner_id),
                      priority.success};
    for (const auto group : priority.staff_groups)
        form.staff_groups.push_back(people::text_of(group));
    form.phases = text::split_commas(priority.phases);
    return form;
}

// The fields of the priority form, filled from `form`.
mstch::map form_data(http::RequestContext& context, const PriorityForm& form) {
    mstch::array owners{
        mstch::map{{"value", std::string("0")}, {"label", std::string("Nobody yet")}, {"selected", false}}};
    for (const auto& lead : context.app.people.leads(context.signed_in().trust_id))
        owners.push_back(mstch::map{{"value", std::to_string(lead.id)},
                                    {"label", lead.full_name()},
                                    {"selected", std::to_string(lead.id) == form.owner_id}});
    return mstch::map{{"title", form.title},
                      {"meaning", form.meaning},
                      {"success", form.success},
                      {"groups", http::staff_group_options(form.staff_groups)},
                      {"phases", http::phase_options(form.phases)},
                      {"owners", owners}};
}

mstch::array rows_of(const accounts::Actor& actor, const std::vector<Priority>& priorities,
                     const std::vector<long long>& adopted) {
    mstch::array rows;
    for (const Priority& priority : priorities)
        rows.push_back(
            mstch::map{{"id", std::to_string(priority.id)},
                       {"title", priority.title},
                       {"meaning", priority.meaning},
                       {"who", http::groups_and_phases_label(priority.staff_groups,
                                                             text::split_commas(priority.phases))},
                       {"owner", priority.owner_name},
                       {"success", priority.success},
                       {"editable", PrioritiesService::may_keep(actor, priority.school_id)},
                       {"adopted", std::find(adopted.begin(), adopted.end(), priority.id) != adopted.end()}});
    return rows;
}

void show_list(http::RequestContext& context, mstch::map extra, int status) {
    const accounts::Actor& actor = context.signed_in();
    const PriorityView view = context.app.priorities.view(actor);
    const bool school_lead = actor.role == people::Role::SchoolPdLead && actor.school_id != 0;
    mstch::map data{{"trust", rows_of(actor, view.trust, view.adopted)},
                    {"any_trust", !view.trust.empty()},
                    {"school", rows_of(actor, view.school, {})},
                    {"any_school", !view.school.empty()},
                    {"school_lead", school_lead},
                    {"trust_lead", PrioritiesService::may_keep(actor, 0)},
                    {"form", form_data(context, read_form(context))}};
    if (context.query("saved") == "1")
        data["saved"] = true;
    for (auto& [key, value] : extra)
        data[key] = value;
    http::render_page(context, "priorities/list", "Priorities", data, status);
}

std::optional<Priority> priority_in_route(http::RequestContext& context) {
    auto id = context.id_capture(1);
    auto priority = id ? context.app.priorities.find(context.signed_in().trust_id, *id) : std::nullopt;
    if (!priority)
        http::render_error(context, 404, "There is no such priority.");
    return priority;
}

} // namespace

void priorities_list(http::RequestContext& context) {
    show_list(context, {}, 200);
}

void priority_create(http::RequestContext& context) {
    try {
        context.app.priorities.add(context.signed_in(), context.form("scope") == "school",
                                   read_form(context));
    } catch (const std::invalid_argument& error) {
        return show_list(context, mstch::map{{"error", std::string(error.what())}}, 400);
    }
    http::redirect(context, "/priorities?saved=1");
}

void priority_edit(http::RequestContext& context) {
    auto priority = priority_in_route(context);
    if (!priority)
        return;
    if (!PrioritiesService::may_keep(context.signed_in(), priority->school_id))
        return http::render_error(context, 403, "Only the priority's lead can change it.");
    mstch::map data = form_data(context, form_of(*priority));
    data["id"] = std::to_string(priority->id);
    http::render_page(context, "priorities/edit", "Edit priority", data);
}

void priority_update(http::RequestContext& context) {
    auto priority = priority_in_route(context);
    if (!priority)
        return;
    const PriorityForm form = read_form(context);
    try {
        context.app.priorities.update(context.signed_in(), priority->id, form);
    } catch (const std::invalid_argument& error) {
        mstch::map data = form_data(context, form);
        data["id"] = std::to_string(priority->id);
        data["error"] = std::string(error.what());
        return http::render_page(context, "priorities/edit", "Edit priority", data, 400);
    }
    http::redirect(context, "/priorities?saved=1");
}

void priorities_adopt(http::RequestContext& context) {
    std::vector<long long> ids;
    for (const std::string& value : context.form_all("priority_id"))
        if (auto id = http::parse_id(value))
            ids.push_back(*id);
    try {
        context.app.priorities.adopt(context.signed_in(), ids);
    } catch (const std::invalid_argument& error) {
        return http::render_error(context, 403, error.what());
    }
    http::redirect(context, "/priorities?saved=1");
}

} // namespace trellis::priorities::handlers
