// The branching scenario: a title, then `@node` sections of Markdown and `- choice -> target` lines.

#include <algorithm>
#include <map>

#include "learning/content/block_reader.h"
#include "learning/content/markdown.h"

namespace trellis::learning::content {

namespace {

// The node id of an `@node-id` line; empty when the line is not a well-formed node line.
std::string node_id_of(const std::string& line) {
    const std::string id = trim(line.substr(1));
    return is_slug(id) ? id : std::string{};
}

// Joins a node's text lines, dropping blank lines at either end.
std::string join_text(const std::vector<std::string>& lines) {
    size_t first = 0;
    size_t last = lines.size();
    while (first < last && trim(lines[first]).empty())
        ++first;
    while (last > first && trim(lines[last - 1]).empty())
        --last;
    std::string text;
    for (size_t index = first; index < last; ++index)
        text += lines[index] + "\n";
    return text;
}

void check_graph(BlockReader& reader, const ScenarioBlock& scenario) {
    std::map<std::string, const ScenarioNode*> nodes;
    for (const ScenarioNode& node : scenario.nodes)
        nodes.emplace(node.id, &node);
    for (const char* needed : {"start", "debrief"})
        if (!nodes.contains(needed))
            reader.report(std::string("a scenario needs an '@") + needed + "' node");
    for (const ScenarioNode& node : scenario.nodes)
        for (const ScenarioChoice& choice : node.choices)
            if (choice.target == "start" || choice.target == "debrief")
                reader.report(node.line, "a choice in '@" + node.id + "' points to '@" + choice.target +
                                             "', which a choice may not lead to");
            else if (!nodes.contains(choice.target))
                reader.report(node.line, "a choice in '@" + node.id + "' points to '@" + choice.target +
                                             "', which is not a node of this scenario");
    if (const auto debrief = nodes.find("debrief");
        debrief != nodes.end() && !debrief->second->choices.empty())
        reader.report(debrief->second->line, "'@debrief' must not have choices");

    const auto start = nodes.find("start");
    if (start == nodes.end())
        return;
    std::set<std::string> reached;
    std::vector<const ScenarioNode*> to_visit = {start->second};
    bool ending_reached = false;
    while (!to_visit.empty()) {
        const ScenarioNode* node = to_visit.back();
        to_visit.pop_back();
        if (!reached.insert(node->id).second)
            continue;
        ending_reached = ending_reached || node->choices.empty();
        for (const ScenarioChoice& choice : node->choices)
            if (const auto target = nodes.find(choice.target);
                target != nodes.end() && choice.target != "start" && choice.target != "debrief")
                to_visit.push_back(target->second);
    }
    for (const ScenarioNode& node : scenario.nodes)
        if (node.id != "debrief" && !reached.contains(node.id))
            reader.report(node.line, "node '@" + node.id + "' cannot be reached from '@start'");
    if (!ending_reached)
        reader.report("no ending (a node without choices) can be reached from '@start'");
}

} // namespace

ScenarioBlock parse_scenario(BlockReader& reader) {
    ScenarioBlock scenario;
    std::vector<std::vector<std::string>> node_text;
    int title_line = 0;
    for (const SourceLine& line : reader.block().body) {
        if (line.text.starts_with("@")) {
            const std::string id = node_id_of(line.text);
            if (id.empty()) {
                reader.report(line.number,
                              "bad node line '" + line.text + "' (want '@node-id' alone on the line)");
                continue;
            }
            const auto same = std::find_if(scenario.nodes.begin(), scenario.nodes.end(),
                                           [&](const ScenarioNode& node) { return node.id == id; });
            if (same != scenario.nodes.end()) {
                reader.report(line.number, "node '@" + id + "' is defined twice (first on line " +
                                               std::to_string(same->line) + ")");
                continue; // its lines then join the node above, so one mistake gives one report
            }
            scenario.nodes.push_back(ScenarioNode{id, {}, {}, {}, line.number});
            node_text.emplace_back();
            continue;
        }
        if (scenario.nodes.empty()) {
            const auto field = read_field_line(line.text);
            if (field && field->first == "title" && title_line == 0) {
                scenario.title = field->second;
                title_line = line.number;
            } else if (!trim(line.text).empty()) {
                reader.report(line.number, "only 'title:' may come before the first node ('@start')");
            }
            continue;
        }
        ScenarioNode& node = scenario.nodes.back();
        const auto choice =
            line.text.starts_with("- ") ? split_last(line.text.substr(2), " -> ") : std::nullopt;
        if (!choice) {
            node_text.back().push_back(line.text);
        } else if (choice->first.empty() || !is_slug(choice->second)) {
            reader.report(line.number,
                          "bad choice line '" + line.text + "' (want '- Choice text -> node-id')");
        } else {
            node.choices.push_back(ScenarioChoice{choice->first, choice->second});
        }
    }
    if (scenario.title.empty())
        reader.report(title_line == 0 ? reader.block().line : title_line,
                      "a scenario needs 'title:' before '@start'");

    for (size_t index = 0; index < scenario.nodes.size(); ++index) {
        ScenarioNode& node = scenario.nodes[index];
        node.markdown = join_text(node_text[index]);
        if (node.markdown.empty())
            reader.report(node.line, "node '@" + node.id + "' has no text");
        node.html = render_markdown(node.markdown);
        if (node.id == "debrief")
            scenario.debrief_html = node.html;
    }
    check_graph(reader, scenario);
    return scenario;
}

} // namespace trellis::learning::content
