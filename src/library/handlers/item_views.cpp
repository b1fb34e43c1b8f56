#include "library/handlers/item_views.h"

#include <algorithm>

#include "http/app.h"
#include "http/form_options.h"
#include "library/files.h"
#include "programmes/mechanisms.h"

namespace trellis::library::handlers {

namespace {

bool has_tag(const std::vector<Tag>& tags, const std::string& dimension, const std::string& value) {
    return std::find(tags.begin(), tags.end(), Tag{dimension, value}) != tags.end();
}

mstch::map option(const std::string& value, const std::string& label, bool chosen) {
    return mstch::map{{"value", value}, {"label", label}, {"checked", chosen}};
}

std::vector<std::string> values_of(const std::vector<Tag>& tags, const std::string& dimension) {
    std::vector<std::string> values;
    for (const Tag& tag : tags)
        if (tag.dimension == dimension)
            values.push_back(tag.value);
    return values;
}

std::string kind_label(const Item& item) {
    if (item.kind == ItemKind::Link)
        return "Link";
    if (item.kind != ItemKind::Material)
        return "File";
    if (item.used_in_kind == "offer")
        return "Workshop file";
    if (item.used_in_kind == "module")
        return "Online module resource";
    if (item.used_in_kind == "recording")
        return "Session recording";
    return "Programme file";
}

} // namespace

std::map<std::string, std::string> priority_titles(http::RequestContext& context) {
    std::map<std::string, std::string> titles;
    const priorities::PriorityView view = context.app.priorities.view(context.signed_in());
    for (const auto* list : {&view.trust, &view.school})
        for (const priorities::Priority& priority : *list)
            titles[std::to_string(priority.id)] = priority.title;
    return titles;
}

std::string tag_label(const Tag& tag, const std::map<std::string, std::string>& priorities) {
    if (tag.dimension == "priority") {
        auto found = priorities.find(tag.value);
        return found == priorities.end() ? "" : found->second;
    }
    if (tag.dimension == "phase")
        return http::phase_label(tag.value);
    if (tag.dimension == "staff_group") {
        auto group = people::staff_group_from_text(tag.value);
        return group ? people::label_of(*group) : tag.value;
    }
    const programmes::Mechanism* mechanism = programmes::find_mechanism(tag.value);
    return mechanism ? mechanism->label : tag.value;
}

mstch::map item_view(const Item& item, const std::map<std::string, std::string>& priorities) {
    mstch::array tags;
    for (const Tag& tag : item.tags)
        if (const std::string label = tag_label(tag, priorities); !label.empty())
            tags.push_back(mstch::map{{"label", label}});
    const std::string page = "/library/" + std::to_string(item.id);
    const std::string open = item.kind == ItemKind::File ? page + "/download" : item.link;
    return mstch::map{{"id", std::to_string(item.id)},
                      {"page", page},
                      {"title", item.title},
                      {"description", item.description},
                      {"kind", kind_label(item)},
                      {"open", open},
                      {"is_link", item.kind == ItemKind::Link},
                      {"filename", item.filename},
                      {"size", item.bytes ? size_label(item.bytes) : std::string()},
                      {"tags", tags},
                      {"has_tags", !tags.empty()},
                      {"used_in", !item.used_in_path.empty()},
                      {"used_in_title", item.used_in_title},
                      {"used_in_path", item.used_in_path}};
}

mstch::map tag_options(const std::map<std::string, std::string>& priorities, const std::vector<Tag>& chosen) {
    mstch::array priority_options, mechanisms;
    for (const auto& [id, title] : priorities)
        priority_options.push_back(option(id, title, has_tag(chosen, "priority", id)));
    for (const programmes::Mechanism& mechanism : programmes::all_mechanisms())
        mechanisms.push_back(
            option(mechanism.code, mechanism.label, has_tag(chosen, "mechanism", mechanism.code)));
    return mstch::map{{"priorities", priority_options},
                      {"has_priorities", !priority_options.empty()},
                      {"phases", http::phase_options(values_of(chosen, "phase"))},
                      {"groups", http::staff_group_options(values_of(chosen, "staff_group"))},
                      {"mechanisms", mechanisms}};
}

std::vector<Tag> tags_sent(const ItemForm& form) {
    std::vector<Tag> tags;
    for (const auto& [dimension, values] : {std::pair{"priority", &form.priorities},
                                            {"phase", &form.phases},
                                            {"staff_group", &form.staff_groups},
                                            {"mechanism", &form.mechanisms}})
        for (const std::string& value : *values)
            tags.push_back({dimension, value});
    return tags;
}

} // namespace trellis::library::handlers
