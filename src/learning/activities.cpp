#include "learning/activities.h"
#include "text/words.h"

#include <algorithm>
#include <charconv>
#include <numeric>
#include <set>

namespace trellis::learning {

std::size_t characters_in(const std::string& text) {
    std::size_t count = 0;
    for (const char byte : text)
        count += (static_cast<unsigned char>(byte) & 0xC0) != 0x80;
    return count;
}

namespace {

using nlohmann::json;

using text::trimmed;

// A whole number in [0, limit), or -1.
int index_below(const std::string& text, std::size_t limit) {
    int value = -1;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 0 ||
        static_cast<std::size_t>(value) >= limit)
        return -1;
    return value;
}

ActivityResult refused(const json& saved, std::string message) {
    return ActivityResult{saved, false, std::move(message)};
}

bool flag(const json& state, const char* key) {
    return state.is_object() && state.contains(key) && state[key].is_boolean() && state[key].get<bool>();
}

ActivityResult answer_quiz(const content::QuizBlock& quiz, const json& saved, const Submission& submission) {
    std::set<int> chosen;
    for (const std::string& value : submission.all("option")) {
        const int index = index_below(value, quiz.options.size());
        if (index < 0)
            return refused(saved, "That answer is not one of the options. Reload the page and try again.");
        chosen.insert(index);
    }
    if (chosen.empty())
        return refused(saved, quiz.multiple ? "Tick at least one answer." : "Choose an answer.");
    if (!quiz.multiple && chosen.size() > 1)
        return refused(saved, "Choose only one answer.");
    bool correct = true;
    for (std::size_t i = 0; i < quiz.options.size(); ++i)
        correct = correct && quiz.options[i].correct == (chosen.count(static_cast<int>(i)) > 0);
    const int attempts = saved.is_object() ? saved.value("attempts", 0) : 0;
    // Once answered correctly the quiz stays done: trying again is practice, not a risk.
    const bool done = correct || flag(saved, "done");
    json state = {{"chosen", chosen}, {"correct", correct}, {"attempts", attempts + 1}, {"done", done}};
    return ActivityResult{state, done, ""};
}

const content::ScenarioNode* node_named(const content::ScenarioBlock& scenario, const std::string& id) {
    for (const auto& node : scenario.nodes)
        if (node.id == id)
            return &node;
    return nullptr;
}

ActivityResult play_scenario(const content::ScenarioBlock& scenario, const json& saved,
                             const Submission& submission) {
    const bool done_before = flag(saved, "done");
    if (!submission.get("restart").empty()) {
        json state = {{"path", json::array({"start"})}, {"done", done_before}};
        return ActivityResult{state, done_before, ""};
    }
    const content::ScenarioNode& here = scenario_position(scenario, saved);
    const int choice = index_below(submission.get("choice"), here.choices.size());
    if (choice < 0)
        return refused(saved, "That choice is not open at this point of the story. Reload the page.");
    const content::ScenarioNode* next = node_named(scenario, here.choices[choice].target);
    if (next == nullptr)
        return refused(saved, "This scenario leads nowhere from here; please tell your PD lead.");
    json path = saved.is_object() && saved.contains("path") ? saved["path"] : json::array({"start"});
    path.push_back(next->id);
    const bool done = done_before || next->choices.empty();
    return ActivityResult{json{{"path", path}, {"done", done}}, done, ""};
}

// Fields are numbered by the position a card is shown at, so the page does not reveal the answer.
ActivityResult sort_items(const content::Block& block, const json& saved, const Submission& submission) {
    const auto& sort = block.as<content::SortBlock>();
    const std::vector<std::size_t> shown = sort_display_order(block);
    const std::size_t count = sort.items.size();
    std::vector<int> answer(count, -1);
    int correct = 0;
    if (sort.mode == content::SortMode::Order) {
        // Each item's chosen place, 1-based as people count; together they must be a permutation.
        std::vector<int> item_at(count, -1);
        for (std::size_t position = 0; position < count; ++position) {
            const std::size_t item = shown[position];
            const int place = index_below(submission.get("place-" + std::to_string(position)), count + 1) - 1;
            if (place < 0)
                return refused(saved, "Give every card a place from 1 to " + std::to_string(count) + ".");
            if (item_at[place] >= 0)
                return refused(saved, "Two cards are in place " + std::to_string(place + 1) +
                                          ". Give each card a different place.");
            item_at[place] = static_cast<int>(item);
        }
        for (std::size_t place = 0; place < count; ++place)
            correct += item_at[place] == static_cast<int>(place);
        answer = item_at;
    } else {
        for (std::size_t position = 0; position < count; ++position) {
            const std::size_t item = shown[position];
            const int group =
                index_below(submission.get("group-" + std::to_string(position)), sort.groups.size());
            if (group < 0)
                return refused(saved, "Put every card in a group.");
            answer[item] = group;
            correct += sort.groups[group] == sort.items[item].group;
        }
    }
    json state = {{"answer", answer}, {"correct", correct}, {"total", count}};
    return ActivityResult{state, true, ""};
}

ActivityResult reflect(const json& saved, const Submission& submission) {
    const std::string text = submission.get("text");
    if (characters_in(text) > kMaxAnswerCharacters)
        return refused(saved, "That is longer than Trellis keeps (" +
                                  std::to_string(kMaxAnswerCharacters / 1000) +
                                  " thousand characters). Please shorten it.");
    return ActivityResult{json{{"text", text}}, !trimmed(text).empty(), ""};
}

ActivityResult plan_actions(const content::ActionPlanBlock& plan, const json& saved,
                            const Submission& submission) {
    std::set<int> suggested;
    for (const std::string& value : submission.all("suggestion")) {
        const int index = index_below(value, plan.suggestions.size());
        if (index < 0)
            return refused(saved, "That step is not one of the suggestions. Reload the page and try again.");
        suggested.insert(index);
    }
    const std::string own = submission.get("own");
    const std::string notes = submission.get("notes");
    if (characters_in(own) + characters_in(notes) > kMaxAnswerCharacters)
        return refused(saved, "Your plan is longer than Trellis keeps. Please shorten it.");
    json state = {{"suggested", suggested}, {"own", own}, {"notes", notes}};
    if (action_plan_steps(plan, state).empty())
        return refused(saved, "Choose at least one step, or write one of your own.");
    return ActivityResult{state, true, ""};
}

} // namespace

std::string Submission::get(const std::string& name) const {
    auto found = fields.find(name);
    return found == fields.end() ? "" : found->second;
}

std::vector<std::string> Submission::all(const std::string& name) const {
    std::vector<std::string> values;
    auto [begin, end] = fields.equal_range(name);
    for (auto at = begin; at != end; ++at)
        values.push_back(at->second);
    return values;
}

ActivityResult apply_submission(const content::Block& block, const json& saved,
                                const Submission& submission) {
    using content::BlockType;
    switch (block.type) {
    case BlockType::Quiz:
        return answer_quiz(block.as<content::QuizBlock>(), saved, submission);
    case BlockType::Scenario:
        return play_scenario(block.as<content::ScenarioBlock>(), saved, submission);
    case BlockType::Sort:
        return sort_items(block, saved, submission);
    case BlockType::Reflection:
        return reflect(saved, submission);
    case BlockType::ActionPlan:
        return plan_actions(block.as<content::ActionPlanBlock>(), saved, submission);
    case BlockType::Video:
    case BlockType::Resource:
        return mark_opened(block, saved);
    case BlockType::Text:
    case BlockType::Further:
        break;
    }
    return refused(saved, "There is nothing to save for this part of the page.");
}

ActivityResult mark_opened(const content::Block& block, const json& saved) {
    const char* key = block.type == content::BlockType::Video ? "watched" : "opened";
    json state = saved.is_object() ? saved : json::object();
    state[key] = true;
    return ActivityResult{state, true, ""};
}

bool is_done(const content::Block& block, const json& state) {
    if (!state.is_object())
        return false;
    using content::BlockType;
    switch (block.type) {
    case BlockType::Quiz:
    case BlockType::Scenario:
        return flag(state, "done");
    case BlockType::Sort:
        return state.contains("answer");
    case BlockType::Reflection:
        return state.contains("text") && state["text"].is_string() &&
               !trimmed(state["text"].get<std::string>()).empty();
    case BlockType::Video:
        return flag(state, "watched");
    case BlockType::Resource:
        return flag(state, "opened");
    case BlockType::ActionPlan:
        return !action_plan_steps(block.as<content::ActionPlanBlock>(), state).empty();
    case BlockType::Text:
    case BlockType::Further:
        break;
    }
    return false;
}

std::vector<std::size_t> sort_display_order(const content::Block& block) {
    const std::size_t count = block.as<content::SortBlock>().items.size();
    std::vector<std::size_t> order(count);
    std::iota(order.begin(), order.end(), 0);
    // FNV-1a of the id seeds a small linear congruential shuffle: the same on every machine and run.
    std::uint64_t seed = 1469598103934665603ull;
    for (char character : block.id)
        seed = (seed ^ static_cast<unsigned char>(character)) * 1099511628211ull;
    for (std::size_t i = count; i > 1; --i) {
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        std::swap(order[i - 1], order[(seed >> 33) % i]);
    }
    // The written order is the answer in order mode, so it must never be what is shown first.
    if (count > 1 && std::is_sorted(order.begin(), order.end()))
        std::rotate(order.begin(), order.begin() + 1, order.end());
    return order;
}

std::vector<std::string> action_plan_steps(const content::ActionPlanBlock& plan, const json& state) {
    std::vector<std::string> steps;
    if (!state.is_object())
        return steps;
    if (state.contains("suggested") && state["suggested"].is_array())
        for (const json& index : state["suggested"])
            if (index.is_number_integer() && index.get<int>() >= 0 &&
                static_cast<std::size_t>(index.get<int>()) < plan.suggestions.size())
                steps.push_back(plan.suggestions[index.get<int>()]);
    const std::string own =
        state.contains("own") && state["own"].is_string() ? state["own"].get<std::string>() : "";
    std::size_t at = 0;
    while (at <= own.size()) {
        std::size_t end = own.find('\n', at);
        if (end == std::string::npos)
            end = own.size();
        std::string line = trimmed(own.substr(at, end - at));
        if (!line.empty())
            steps.push_back(line);
        at = end + 1;
    }
    return steps;
}

const content::ScenarioNode& scenario_position(const content::ScenarioBlock& scenario, const json& state) {
    if (state.is_object() && state.contains("path") && state["path"].is_array() && !state["path"].empty()) {
        const json& last = state["path"].back();
        if (last.is_string())
            if (const content::ScenarioNode* node = node_named(scenario, last.get<std::string>()))
                return *node;
    }
    const content::ScenarioNode* start = node_named(scenario, "start");
    return start ? *start : scenario.nodes.front();
}

} // namespace trellis::learning
