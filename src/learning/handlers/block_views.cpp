#include "learning/handlers/block_views.h"

#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <shared_mutex>

namespace trellis::learning::handlers {

namespace {

using nlohmann::json;

std::set<int> chosen_indices(const json& state, const char* key) {
    std::set<int> chosen;
    if (state.is_object() && state.contains(key) && state[key].is_array())
        for (const json& value : state[key])
            if (value.is_number_integer())
                chosen.insert(value.get<int>());
    return chosen;
}

std::string text_field(const json& state, const char* key) {
    return state.is_object() ? state.value(key, std::string()) : std::string();
}

// A submitted value when an answer was refused (so the person's typing is not lost), else the saved one.
std::string shown_text(const BlockView& view, const json& state, const char* field, const char* key) {
    return view.submitted ? view.submitted->get(field) : text_field(state, key);
}

mstch::map quiz_data(const content::QuizBlock& quiz, const json& state) {
    const std::set<int> chosen = chosen_indices(state, "chosen");
    const bool answered = !chosen.empty();
    const bool correct = answered && state.value("correct", false);
    mstch::array options;
    for (std::size_t i = 0; i < quiz.options.size(); ++i) {
        const auto& option = quiz.options[i];
        const bool checked = chosen.count(static_cast<int>(i)) > 0;
        options.push_back(mstch::map{{"index", std::to_string(i)},
                                     {"text_html", option.text_html},
                                     {"checked", checked},
                                     {"feedback_html", option.feedback_html},
                                     {"show_feedback", checked && !option.feedback_html.empty()},
                                     {"right", checked && option.correct},
                                     {"wrong", checked && !option.correct}});
    }
    return mstch::map{{"question_html", quiz.question_html},
                      {"multiple", quiz.multiple},
                      {"input_type", std::string(quiz.multiple ? "checkbox" : "radio")},
                      {"options", options},
                      {"answered", answered},
                      {"correct", correct},
                      {"attempts", std::to_string(state.is_object() ? state.value("attempts", 0) : 0)}};
}

mstch::map scenario_data(const content::ScenarioBlock& scenario, const json& state) {
    const content::ScenarioNode& here = scenario_position(scenario, state);
    mstch::array history;
    if (state.is_object() && state.contains("path") && state["path"].is_array()) {
        const json& path = state["path"];
        for (std::size_t step = 0; step + 1 < path.size(); ++step) {
            for (const auto& node : scenario.nodes) {
                if (node.id != path[step].get<std::string>())
                    continue;
                std::string chose;
                for (const auto& choice : node.choices)
                    if (choice.target == path[step + 1].get<std::string>())
                        chose = choice.text;
                history.push_back(mstch::map{{"html", node.html}, {"chose", chose}});
            }
        }
    }
    mstch::array choices;
    for (std::size_t i = 0; i < here.choices.size(); ++i)
        choices.push_back(mstch::map{{"index", std::to_string(i)}, {"text", here.choices[i].text}});
    const bool ended = here.choices.empty();
    return mstch::map{{"title", scenario.title},
                      {"history", history},
                      {"has_history", !history.empty()},
                      {"node_html", here.html},
                      {"choices", choices},
                      {"ended", ended},
                      {"debrief_html", scenario.debrief_html}};
}

mstch::map sort_data(const BlockView& view, const content::SortBlock& sort, const json& state) {
    const std::vector<std::size_t> shown = sort_display_order(view.block);
    const std::size_t count = sort.items.size();
    const bool order_mode = sort.mode == content::SortMode::Order;
    const bool answered = state.is_object() && state.contains("answer") && state["answer"].is_array() &&
                          state["answer"].size() == count;
    // The place (order mode, 1-based) or group index each shown card currently has.
    std::vector<int> current(count, order_mode ? 0 : -1);
    for (std::size_t position = 0; position < count; ++position) {
        const std::size_t item = shown[position];
        if (view.submitted) {
            const std::string field = (order_mode ? "place-" : "group-") + std::to_string(position);
            try {
                current[position] = std::stoi(view.submitted->get(field));
            } catch (const std::exception&) {
            }
        } else if (answered && order_mode) {
            for (std::size_t place = 0; place < count; ++place)
                if (state["answer"][place].get<int>() == static_cast<int>(item))
                    current[position] = static_cast<int>(place) + 1;
        } else if (answered) {
            current[position] = state["answer"][item].get<int>();
        } else if (order_mode) {
            current[position] = static_cast<int>(position) + 1;
        }
    }
    mstch::array items;
    for (std::size_t position = 0; position < count; ++position) {
        mstch::array places, groups; // only the one the mode uses: each option is a map to render
        for (std::size_t place = 1; order_mode && place <= count; ++place)
            places.push_back(mstch::map{{"value", std::to_string(place)},
                                        {"selected", current[position] == static_cast<int>(place)}});
        for (std::size_t group = 0; !order_mode && group < sort.groups.size(); ++group)
            groups.push_back(mstch::map{{"value", std::to_string(group)},
                                        {"label", sort.groups[group]},
                                        {"selected", current[position] == static_cast<int>(group)}});
        items.push_back(mstch::map{{"position", std::to_string(position)},
                                   {"number", std::to_string(position + 1)},
                                   {"text", sort.items[shown[position]].text},
                                   {"places", places},
                                   {"groups", groups}});
    }
    mstch::array answer;
    if (order_mode) {
        for (const auto& item : sort.items)
            answer.push_back(mstch::map{{"text", item.text}});
    } else {
        for (const std::string& group : sort.groups) {
            mstch::array members;
            for (const auto& item : sort.items)
                if (item.group == group)
                    members.push_back(mstch::map{{"text", item.text}});
            answer.push_back(mstch::map{{"text", group}, {"members", members}});
        }
    }
    return mstch::map{
        {"prompt_html", sort.prompt_html},
        {"order_mode", order_mode},
        {"count", std::to_string(count)},
        {"items", items},
        {"answered", answered},
        {"score", answered ? std::to_string(state.value("correct", 0)) + " of " + std::to_string(count)
                           : std::string()},
        {"answer", answer},
        {"feedback_html", sort.feedback_html}};
}

mstch::map reflection_data(const BlockView& view, const content::ReflectionBlock& reflection,
                           const json& state) {
    return mstch::map{{"prompt_html", reflection.prompt_html},
                      {"hint_html", reflection.hint_html},
                      {"text", shown_text(view, state, "text", "text")},
                      {"saved", state.is_object() && state.contains("text")}};
}

mstch::map video_data(const BlockView& view, const content::VideoBlock& video, const json& state) {
    const std::string base = module_address(view.module);
    return mstch::map{
        {"title", video.title},
        {"src", base + video.source},
        {"media_type", std::string(video.source.ends_with(".mp4") ? "video/mp4" : "video/webm")},
        {"captions", base + video.captions},
        {"poster", base + video.poster},
        {"transcript_html", video.transcript_html},
        {"transcript_href", base + "transcripts/" + view.block.id},
        {"watched", state.is_object() && state.value("watched", false)}};
}

mstch::map resource_data(const BlockView& view, const content::ResourceBlock& resource, const json& state) {
    const bool printable = !resource.source.empty();
    const std::string file = printable ? "" : resource.file.substr(resource.file.rfind('/') + 1);
    return mstch::map{{"title", resource.title},
                      {"href", module_address(view.module) + "resources/" + view.block.id},
                      {"printable", printable},
                      {"file", file},
                      {"opened", state.is_object() && state.value("opened", false)}};
}

mstch::map action_plan_data(const BlockView& view, const content::ActionPlanBlock& plan, const json& state) {
    mstch::array reflections;
    for (const std::string& id : plan.reflection_ids) {
        const auto [block, page] = content::find_block(view.module, id);
        if (block == nullptr || block->type != content::BlockType::Reflection)
            continue;
        const std::string text = text_field(view.states.of(id), "text");
        reflections.push_back(
            mstch::map{{"prompt_html", block->as<content::ReflectionBlock>().prompt_html},
                       {"text", text},
                       {"answered", !text.empty()},
                       {"href", module_address(view.module) + std::to_string(page) + "#block-" + id}});
    }
    std::set<int> ticked = chosen_indices(state, "suggested");
    if (view.submitted) {
        ticked.clear();
        for (const std::string& value : view.submitted->all("suggestion"))
            ticked.insert(std::atoi(value.c_str()));
    }
    mstch::array suggestions;
    for (std::size_t i = 0; i < plan.suggestions.size(); ++i)
        suggestions.push_back(mstch::map{{"index", std::to_string(i)},
                                         {"text", plan.suggestions[i]},
                                         {"checked", ticked.count(static_cast<int>(i)) > 0}});
    const bool saved = !action_plan_steps(plan, state).empty();
    return mstch::map{{"prompt_html", plan.prompt_html},
                      {"reflections", reflections},
                      {"has_reflections", !reflections.empty()},
                      {"suggestions", suggestions},
                      {"own", shown_text(view, state, "own", "own")},
                      {"notes", shown_text(view, state, "notes", "notes")},
                      {"saved", saved},
                      {"pdf_href", module_address(view.module) + "action-plan.pdf"}};
}

mstch::map further_data(const BlockView& view, const content::FurtherBlock& further) {
    mstch::array items;
    for (const auto& item : further.items) {
        if (!item.module_slug.empty()) {
            const content::Module* other = view.library.find(item.module_slug);
            if (other == nullptr)
                continue; // a related module that is not loaded is simply not offered
            items.push_back(mstch::map{{"title", other->title},
                                       {"href", "/learning/" + other->slug},
                                       {"reason", item.reason},
                                       {"internal", true}});
        } else {
            items.push_back(mstch::map{
                {"title", item.title}, {"href", item.url}, {"reason", item.reason}, {"internal", false}});
        }
    }
    return mstch::map{{"items", items}};
}

mstch::map data_of(const BlockView& view, const json& state) {
    using content::BlockType;
    const content::Block& block = view.block;
    switch (block.type) {
    case BlockType::Text:
        return mstch::map{{"html", block.as<content::TextBlock>().html}};
    case BlockType::Quiz:
        return quiz_data(block.as<content::QuizBlock>(), state);
    case BlockType::Scenario:
        return scenario_data(block.as<content::ScenarioBlock>(), state);
    case BlockType::Sort:
        return sort_data(view, block.as<content::SortBlock>(), state);
    case BlockType::Reflection:
        return reflection_data(view, block.as<content::ReflectionBlock>(), state);
    case BlockType::Video:
        return video_data(view, block.as<content::VideoBlock>(), state);
    case BlockType::Resource:
        return resource_data(view, block.as<content::ResourceBlock>(), state);
    case BlockType::ActionPlan:
        return action_plan_data(view, block.as<content::ActionPlanBlock>(), state);
    case BlockType::Further:
        return further_data(view, block.as<content::FurtherBlock>());
    }
    return {};
}

// Stands in for the CSRF token in a block rendered for everyone; no author text contains it.
constexpr std::string_view kTokenStandIn = "\x01csrf\x01";

std::string with_token(const std::string& html, const std::string& csrf) {
    std::string result;
    result.reserve(html.size() + 64);
    std::size_t at = 0;
    for (std::size_t found; (found = html.find(kTokenStandIn, at)) != std::string::npos;
         at = found + kTokenStandIn.size())
        result.append(html, at, found - at).append(csrf);
    return result.append(html, at);
}

// A block nobody has answered looks the same to everyone but for the form's CSRF token, so it is
// rendered once per content snapshot with a stand-in token, and each request puts its own in.
class FreshBlocks {
  public:
    std::optional<std::string> find(std::uint64_t generation, const std::string& key,
                                    const std::string& csrf) {
        std::shared_lock lock(m_mutex);
        if (generation != m_generation)
            return std::nullopt;
        auto found = m_html.find(key);
        if (found == m_html.end())
            return std::nullopt;
        return with_token(found->second, csrf);
    }

    void keep(std::uint64_t generation, const std::string& key, std::string html) {
        std::unique_lock lock(m_mutex);
        if (generation < m_generation)
            return; // rendered from a snapshot already replaced
        if (generation > m_generation) {
            m_html.clear();
            m_generation = generation;
        }
        m_html.emplace(key, std::move(html));
    }

  private:
    std::shared_mutex m_mutex;
    std::uint64_t m_generation = 0;
    std::map<std::string, std::string> m_html; // by "module/block"
};

FreshBlocks fresh_blocks;

std::string render_with_template(const http::Views& views, const BlockView& view, const json& state,
                                 const std::string& csrf) {
    mstch::map data = data_of(view, state);
    data["id"] = view.block.id;
    data["action"] = module_address(view.module) + "blocks/" + view.block.id;
    data["page"] = std::to_string(view.page_number);
    data["csrf"] = csrf;
    data["done"] = view.states.is_done(view.block.id);
    data["required"] = view.block.required;
    data["error"] = view.error;
    return views.render("learning/blocks/" + std::string(content::block_type_name(view.block.type)), data);
}

} // namespace

std::string module_address(const content::Module& module) {
    return "/learning/" + module.slug + "/";
}

std::string render_block(const http::Views& views, const BlockView& view) {
    if (view.block.type == content::BlockType::Text) // the same for everyone: no template needed
        return "<div class=\"prose\">" + view.block.as<content::TextBlock>().html + "</div>\n";
    const json& state = view.states.of(view.block.id);
    // The action plan shows the person's reflections even before it is answered, so it is never fresh.
    const bool fresh = state.is_null() && view.error.empty() && view.submitted == nullptr &&
                       view.block.type != content::BlockType::ActionPlan;
    if (!fresh) {
        try {
            return render_with_template(views, view, state, view.csrf);
        } catch (const nlohmann::json::exception&) {
            // State saved for a block of another type (an id reused after a content edit): show it afresh.
            return render_with_template(views, view, json(), view.csrf);
        }
    }
    const std::uint64_t generation = view.library.generation();
    const std::string key = view.module.slug + "/" + view.block.id;
    if (auto html = fresh_blocks.find(generation, key, view.csrf))
        return *html;
    std::string html = render_with_template(views, view, state, std::string(kTokenStandIn));
    fresh_blocks.keep(generation, key, html);
    return with_token(html, view.csrf);
}

} // namespace trellis::learning::handlers
