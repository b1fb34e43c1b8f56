#include "events/model.h"
#include "text/words.h"

#include <algorithm>
#include <ctime>
#include <iomanip>
#include <sstream>

namespace trellis::events {

namespace {

struct StageName {
    Stage stage;
    const char* text;
    const char* label;
};

constexpr StageName kStages[] = {
    {Stage::Draft, "draft", "Draft: only leads see it"},
    {Stage::Offers, "offers", "Call for offers open"},
    {Stage::Scheduling, "scheduling", "Scheduling workshops"},
    {Stage::Choices, "choices", "Choices open"},
    {Stage::Allocating, "allocating", "Allocating places"},
    {Stage::Published, "published", "Timetables published"},
    {Stage::Feedback, "feedback", "Feedback open"},
};

} // namespace

std::optional<Stage> stage_from_text(const std::string& text) {
    for (const auto& name : kStages)
        if (text == name.text)
            return name.stage;
    return std::nullopt;
}

std::string text_of(Stage stage) {
    for (const auto& name : kStages)
        if (stage == name.stage)
            return name.text;
    return "draft";
}

std::string label_of(Stage stage) {
    for (const auto& name : kStages)
        if (stage == name.stage)
            return name.label;
    return "";
}

const std::vector<Stage>& all_stages() {
    static const std::vector<Stage> stages = [] {
        std::vector<Stage> result;
        for (const auto& name : kStages)
            result.push_back(name.stage);
        return result;
    }();
    return stages;
}

bool takes_part(const Event& event, people::StaffGroup group, long long school_id) {
    const bool group_in =
        event.staff_groups.empty() ||
        std::find(event.staff_groups.begin(), event.staff_groups.end(), group) != event.staff_groups.end();
    const bool school_in = school_id == 0 || std::find(event.school_ids.begin(), event.school_ids.end(),
                                                       school_id) != event.school_ids.end();
    return group_in && school_in;
}

} // namespace trellis::events
