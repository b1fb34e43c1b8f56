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

std::string long_date(const std::string& iso_date) {
    std::tm day{};
    std::istringstream stream(iso_date);
    stream >> std::get_time(&day, "%Y-%m-%d");
    if (stream.fail())
        return iso_date;
    day.tm_hour = 12;
    std::mktime(&day); // fills in the weekday
    char text[64];
    std::strftime(text, sizeof text, "%A %e %B %Y", &day);
    std::string result = text;
    if (auto doubled = result.find("  "); doubled != std::string::npos)
        result.erase(doubled, 1); // %e pads single-digit days with a space
    return result;
}

std::vector<people::StaffGroup> staff_groups_from_text(const std::string& text) {
    std::vector<people::StaffGroup> groups;
    std::stringstream stream(text);
    std::string name;
    while (std::getline(stream, name, ','))
        if (auto group = people::staff_group_from_text(name))
            if (std::find(groups.begin(), groups.end(), *group) == groups.end())
                groups.push_back(*group);
    return groups;
}

std::string text_of(const std::vector<people::StaffGroup>& groups) {
    std::string text;
    for (const auto group : groups)
        text += (text.empty() ? "" : ",") + people::text_of(group);
    return text;
}

} // namespace trellis::events
