#include <algorithm>
#include <stdexcept>

#include "http/response.h"
#include "priorities/handlers/handlers.h"
#include "priorities/service.h"

namespace trellis::priorities::handlers {

namespace {

const char* const kGroups[] = {"teacher", "ect", "support", "leader"};
const std::pair<const char*, const char*> kPhases[] = {{"primary", "Primary"},
                                                       {"secondary", "Secondary"},
                                                       {"special", "Special"},
                                                       {"all-through", "All-through"}};

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
    std::string phase;
    for (char c : priority.phases + ",")
        if (c == ',') {
            if (!phase.empty())
                form.phases.push_back(phase);
            phase.clear();
        } else {
            phase += c;
        }
    return form;
}

bool has(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

// The fields of the priority form, filled from `form`.
mstch::map form_data(http::RequestContext& context, const PriorityForm& form) {
    mstch::array groups, phases,
        owners{mstch::map{
            {"value", std::string("0")}, {"label", std::string("Nobody yet")}, {"selected", false}}};
    for (const char* group : kGroups)
        groups.push_back(mstch::map{{"value", std::string(group)},
                                    {"label", people::label_of(*people::staff_group_from_text(group))},
                                    {"checked", has(form.staff_groups, group)}});
    for (const auto& [value, label] : kPhases)
        phases.push_back(mstch::map{{"value", std::string(value)},
                                    {"label", std::string(label)},
                                    {"checked", has(form.phases, value)}});
    for (const auto& lead : context.app.people.leads(context.signed_in().trust_id))
        owners.push_back(mstch::map{{"value", std::to_string(lead.id)},
                                    {"label", lead.full_name()},
                                    {"selected", std::to_string(lead.id) == form.owner_id}});
    return mstch::map{{"title", form.title}, {"meaning", form.meaning}, {"success", form.success},
                      {"groups", groups},    {"phases", phases},        {"owners", owners}};
}

std::string who_for(const Priority& priority) {
    std::string text;
    for (const auto group : priority.staff_groups)
        text += (text.empty() ? "" : ", ") + people::label_of(group);
    if (text.empty())
        text = "Everyone";
    return priority.phases.empty() ? text : text + " · " + priority.phases;
}

mstch::array rows_of(const accounts::Actor& actor, const std::vector<Priority>& priorities,
                     const std::vector<long long>& adopted) {
    mstch::array rows;
    for (const Priority& priority : priorities)
        rows.push_back(
            mstch::map{{"id", std::to_string(priority.id)},
                       {"title", priority.title},
                       {"meaning", priority.meaning},
                       {"who", who_for(priority)},
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
