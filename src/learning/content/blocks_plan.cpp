// The blocks that close a module: the action plan and further resources.

#include <algorithm>

#include "learning/content/block_reader.h"
#include "learning/content/markdown.h"

namespace trellis::learning::content {

namespace {

const std::string_view kReasonSeparator = " \u2014 "; // space, em dash, space

// Reads `[Title](https://...) — why`; reports and returns nothing when the line is not that.
std::optional<FurtherItem> read_link_item(BlockReader& reader, const SourceLine& item) {
    const std::string& text = item.text;
    const size_t middle = text.find("](");
    const size_t close = middle == std::string::npos ? std::string::npos : text.find(')', middle);
    if (!text.starts_with("[") || close == std::string::npos ||
        text.compare(close + 1, kReasonSeparator.size(), kReasonSeparator) != 0) {
        reader.report(item.number,
                      "bad further line '- " + text +
                          "' (want '- [Title](https://...) \u2014 why' or '- module: slug \u2014 why')");
        return std::nullopt;
    }
    FurtherItem link;
    link.title = trim(text.substr(1, middle - 1));
    link.url = text.substr(middle + 2, close - middle - 2);
    link.reason = trim(text.substr(close + 1 + kReasonSeparator.size()));
    const bool web_address = (link.url.starts_with("https://") || link.url.starts_with("http://")) &&
                             link.url.find_first_of(" <>\"") == std::string::npos;
    if (link.title.empty())
        reader.report(item.number, "a further link needs a title in [brackets]");
    if (!web_address)
        reader.report(item.number, "further link '" + link.url + "' must be an http:// or https:// address");
    if (link.reason.empty())
        reader.report(item.number, "further link '" + link.title + "' needs a reason after ' \u2014 '");
    return link;
}

std::optional<FurtherItem> read_module_item(BlockReader& reader, const SourceLine& item) {
    const auto parts = split_first(item.text.substr(std::string_view("module: ").size()), kReasonSeparator);
    if (!parts) {
        reader.report(item.number,
                      "bad further line '- " + item.text + "' (want '- module: slug \u2014 why')");
        return std::nullopt;
    }
    FurtherItem next;
    next.module_slug = parts->first;
    next.reason = parts->second;
    if (!reader.context().is_known_module(next.module_slug))
        reader.report(item.number, "further names module '" + next.module_slug + "', which does not exist");
    if (next.reason.empty())
        reader.report(item.number,
                      "further module '" + next.module_slug + "' needs a reason after ' \u2014 '");
    return next;
}

} // namespace

ActionPlanBlock parse_action_plan(BlockReader& reader) {
    ActionPlanBlock plan;
    const BlockLines lines = reader.read_lines({"prompt", "reflections"}, true);
    plan.prompt = reader.required(lines, "prompt");
    plan.prompt_html = render_inline_markdown(plan.prompt);
    for (const SourceLine& item : lines.items)
        if (!item.text.empty())
            plan.suggestions.push_back(item.text);
    const auto reflections = lines.fields.find("reflections");
    if (reflections == lines.fields.end())
        return plan;
    plan.reflections_line = reflections->second.line;
    std::string rest = reflections->second.value;
    while (true) {
        const size_t comma = rest.find(',');
        const std::string id = trim(rest.substr(0, comma));
        if (id.empty())
            reader.report(reflections->second.line,
                          "'reflections:' has an empty entry (want 'id-one, id-two')");
        else if (std::find(plan.reflection_ids.begin(), plan.reflection_ids.end(), id) !=
                 plan.reflection_ids.end())
            reader.report(reflections->second.line, "'reflections:' lists '" + id + "' twice");
        else
            plan.reflection_ids.push_back(id);
        if (comma == std::string::npos)
            break;
        rest = rest.substr(comma + 1);
    }
    return plan;
}

FurtherBlock parse_further(BlockReader& reader) {
    FurtherBlock further;
    const BlockLines lines = reader.read_lines({}, true);
    if (lines.items.empty())
        reader.report("a further block needs at least one '- ' line");
    for (const SourceLine& item : lines.items) {
        const auto entry =
            item.text.starts_with("module: ") ? read_module_item(reader, item) : read_link_item(reader, item);
        if (entry)
            further.items.push_back(*entry);
    }
    return further;
}

} // namespace trellis::learning::content
