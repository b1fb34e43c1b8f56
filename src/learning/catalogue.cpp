#include "learning/catalogue.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>

namespace trellis::learning {

namespace {

std::string lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

bool mentions(const content::Module& module, const std::string& words) {
    const std::string needle = lowercase(words);
    auto has = [&](const std::string& text) { return lowercase(text).find(needle) != std::string::npos; };
    return has(module.title) || has(module.summary) ||
           std::any_of(module.topics.begin(), module.topics.end(), has) ||
           std::any_of(module.outcomes.begin(), module.outcomes.end(), has);
}

bool contains(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

} // namespace

LengthBand length_band(int minutes) {
    if (minutes <= 45)
        return LengthBand::Short;
    if (minutes <= 75)
        return LengthBand::Medium;
    return LengthBand::Long;
}

LengthBand length_band_from_text(const std::string& text) {
    if (text == "short")
        return LengthBand::Short;
    if (text == "medium")
        return LengthBand::Medium;
    if (text == "long")
        return LengthBand::Long;
    return LengthBand::Any;
}

bool is_for_group(const content::Module& module, const std::string& staff_group) {
    return contains(module.audience, staff_group);
}

bool is_for_everyone(const content::Module& module) {
    for (const char* group : {"teacher", "ect", "support", "leader"})
        if (!contains(module.audience, group))
            return false;
    return true;
}

std::vector<const content::Module*> search_catalogue(const content::ContentSnapshot& snapshot,
                                                     const CatalogueQuery& query) {
    std::vector<const content::Module*> found;
    for (const content::Module& module : snapshot.modules()) {
        if (!query.text.empty() && !mentions(module, query.text))
            continue;
        if (!query.audience.empty() && !is_for_group(module, query.audience))
            continue;
        if (!query.topic.empty() && !contains(module.topics, query.topic))
            continue;
        if (query.length != LengthBand::Any && length_band(module.minutes) != query.length)
            continue;
        found.push_back(&module);
    }
    return found;
}

std::vector<std::string> catalogue_topics(const content::ContentSnapshot& snapshot) {
    std::set<std::string> topics;
    for (const content::Module& module : snapshot.modules())
        topics.insert(module.topics.begin(), module.topics.end());
    return {topics.begin(), topics.end()};
}

ModuleFeatures features_of(const content::Module& module) {
    using content::BlockType;
    ModuleFeatures features;
    features.pages = static_cast<int>(module.pages.size());
    for (const content::Page& page : module.pages) {
        for (const content::Block& block : page.blocks) {
            switch (block.type) {
            case BlockType::Quiz:
                ++features.quizzes;
                break;
            case BlockType::Scenario:
                ++features.scenarios;
                break;
            case BlockType::Sort:
                ++features.sorts;
                break;
            case BlockType::Reflection:
                ++features.reflections;
                break;
            case BlockType::Video:
                ++features.videos;
                break;
            case BlockType::Resource:
                ++features.resources;
                break;
            case BlockType::ActionPlan:
                ++features.action_plans;
                break;
            case BlockType::Text:
            case BlockType::Further:
                break;
            }
        }
    }
    return features;
}

std::string hours_label(double hours) {
    char text[16];
    std::snprintf(text, sizeof text, "%g", hours);
    return text;
}

} // namespace trellis::learning
