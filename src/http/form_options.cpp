#include "http/form_options.h"

#include <algorithm>
#include <utility>

#include "people/model.h"

namespace trellis::http {

namespace {

const char* const kGroups[] = {"teacher", "ect", "support", "leader"};
const std::pair<const char*, const char*> kPhases[] = {{"primary", "Primary"},
                                                       {"secondary", "Secondary"},
                                                       {"special", "Special"},
                                                       {"all-through", "All-through"}};

} // namespace

bool contains(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

mstch::array staff_group_options(const std::vector<std::string>& chosen) {
    mstch::array options;
    for (const char* group : kGroups)
        options.push_back(mstch::map{{"value", std::string(group)},
                                     {"label", people::label_of(*people::staff_group_from_text(group))},
                                     {"checked", contains(chosen, group)}});
    return options;
}

mstch::array phase_options(const std::vector<std::string>& chosen) {
    mstch::array options;
    for (const auto& [value, label] : kPhases)
        options.push_back(mstch::map{{"value", std::string(value)},
                                     {"label", std::string(label)},
                                     {"checked", contains(chosen, value)}});
    return options;
}

mstch::array school_options(const std::vector<organisations::School>& schools,
                            const std::vector<std::string>& chosen) {
    mstch::array options;
    for (const auto& school : schools)
        options.push_back(mstch::map{{"value", std::to_string(school.id)},
                                     {"label", school.name},
                                     {"checked", contains(chosen, std::to_string(school.id))}});
    return options;
}

std::string phase_label(const std::string& phase) {
    for (const auto& [value, label] : kPhases)
        if (phase == value)
            return label;
    return phase;
}

std::string groups_and_phases_label(const std::vector<people::StaffGroup>& groups,
                                    const std::vector<std::string>& phases) {
    std::string text;
    for (const auto group : groups)
        text += (text.empty() ? "" : ", ") + people::label_of(group);
    if (text.empty())
        text = "Everyone";
    std::string phase_text;
    for (const std::string& phase : phases)
        phase_text += (phase_text.empty() ? "" : ", ") + phase_label(phase);
    return phase_text.empty() ? text : text + " · " + phase_text;
}

} // namespace trellis::http
