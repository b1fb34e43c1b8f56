#include <algorithm>
#include <cctype>

#include "http/response.h"
#include "learning/catalogue.h"
#include "learning/handlers/handlers.h"
#include "learning/handlers/lookup.h"
#include "text/words.h"

namespace trellis::learning::handlers {

namespace {

using people::StaffGroup;

// Who a module is written for, as the start of a sentence: "Everyone", or "Leader, teacher and support
// staff".
std::string audience_label(const content::Module& module) {
    if (is_for_everyone(module))
        return "Everyone";
    const std::vector<std::string>& audience = module.audience;
    std::string label;
    for (std::size_t i = 0; i < audience.size(); ++i) {
        auto group = people::staff_group_from_text(audience[i]);
        std::string name = group ? people::label_of(*group) : audience[i];
        if (i > 0)
            name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
        label += (i == 0 ? "" : i + 1 == audience.size() ? " and " : ", ") + name;
    }
    return label;
}

std::string topic_label(std::string topic) {
    std::replace(topic.begin(), topic.end(), '-', ' ');
    if (!topic.empty())
        topic[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(topic[0])));
    return topic;
}

mstch::array options(const std::vector<std::pair<std::string, std::string>>& choices,
                     const std::string& selected) {
    mstch::array result;
    for (const auto& [value, label] : choices)
        result.push_back(mstch::map{{"value", value}, {"label", label}, {"selected", value == selected}});
    return result;
}

// "Written for your role" only where it tells the reader something: the module is for their group
// and not for everyone.
bool for_your_role(const content::Module& module, StaffGroup group) {
    return is_for_group(module, people::text_of(group)) && !is_for_everyone(module);
}

// The same label inside a sentence: "For everyone", "For leader, teacher and support staff".
std::string lower_first(std::string text) {
    if (!text.empty())
        text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    return text;
}

// How far the person is through a module, for its card and its overview page.
void add_standing(mstch::map& data, const content::Module& module, const ModuleStanding& standing) {
    data["started"] = standing.started && !standing.complete();
    data["complete"] = standing.complete();
    data["percent"] = std::to_string(standing.percent());
    data["minutes_left"] = text::counted(minutes_left(module, standing), "minute", "minutes");
}

mstch::map module_card(const content::Module& module, StaffGroup group,
                       const std::map<std::string, ModuleStanding>& standings) {
    mstch::map card{{"slug", module.slug},
                    {"title", module.title},
                    {"summary", module.summary},
                    {"minutes", std::to_string(module.minutes)},
                    {"audience", lower_first(audience_label(module))},
                    {"for_you", for_your_role(module, group)}};
    auto found = standings.find(module.slug);
    ModuleStanding standing = found == standings.end() ? ModuleStanding{} : found->second;
    standing.required = static_cast<int>(content::required_block_ids(module).size());
    add_standing(card, module, standing);
    return card;
}

mstch::array feature_lines(const ModuleFeatures& features) {
    std::vector<std::string> lines = {text::counted(features.pages, "page", "pages") +
                                      " of reading and explanation"};
    if (features.videos)
        lines.push_back(text::counted(features.videos, "video case study", "video case studies") +
                        ", with captions and a transcript");
    if (features.quizzes)
        lines.push_back(text::counted(features.quizzes, "quiz", "quizzes") +
                        " with feedback on every answer");
    if (features.scenarios)
        lines.push_back(text::counted(features.scenarios, "branching scenario", "branching scenarios"));
    if (features.sorts)
        lines.push_back(text::counted(features.sorts, "sorting activity", "sorting activities"));
    if (features.reflections)
        lines.push_back(text::counted(features.reflections, "reflection task", "reflection tasks"));
    if (features.resources)
        lines.push_back(text::counted(features.resources, "printable resource", "printable resources"));
    if (features.action_plans)
        lines.push_back("an action plan built from your reflections");
    mstch::array result;
    for (const std::string& line : lines)
        result.push_back(mstch::map{{"text", line}});
    return result;
}

} // namespace

void catalogue_show(http::RequestContext& context) {
    const auto snapshot = context.app.content.snapshot();
    CatalogueQuery query{context.query("q"), context.query("audience"), context.query("topic"),
                         length_band_from_text(context.query("length"))};
    const StaffGroup group = context.signed_in().staff_group;
    const auto standings = context.app.learning.standings(learner_of(context.signed_in()));

    mstch::array modules;
    for (const content::Module* module : search_catalogue(*snapshot, query))
        modules.push_back(module_card(*module, group, standings));
    std::vector<std::pair<std::string, std::string>> topics;
    for (const std::string& topic : catalogue_topics(*snapshot))
        topics.emplace_back(topic, topic_label(topic));
    std::vector<std::pair<std::string, std::string>> audiences;
    for (StaffGroup each : {StaffGroup::Teacher, StaffGroup::Ect, StaffGroup::Support, StaffGroup::Leader})
        audiences.emplace_back(people::text_of(each), people::label_of(each));

    http::render_page(
        context, "learning/catalogue", "Online learning",
        mstch::map{{"q", query.text},
                   {"modules", modules},
                   {"count", text::counted(static_cast<long long>(modules.size()), "module", "modules")},
                   {"any", !modules.empty()},
                   {"audiences", options(audiences, query.audience)},
                   {"topics", options(topics, query.topic)},
                   {"lengths", options({{"short", "Up to 45 minutes"},
                                        {"medium", "46 to 75 minutes"},
                                        {"long", "More than 75 minutes"}},
                                       context.query("length"))}});
}

void module_show(http::RequestContext& context) {
    const auto module = context.app.content.find(context.capture(1));
    if (!module)
        return http::render_error(context, 404, "There is no learning module at this address.");
    mstch::array pages;
    for (const content::Page& page : module->pages)
        pages.push_back(mstch::map{{"title", page.title}});
    mstch::array outcomes;
    for (const std::string& outcome : module->outcomes)
        outcomes.push_back(mstch::map{{"text", outcome}});
    mstch::array topics;
    for (const std::string& topic : module->topics)
        topics.push_back(mstch::map{{"label", topic_label(topic)}});
    mstch::map data{{"slug", module->slug},
                    {"title", module->title},
                    {"summary", module->summary},
                    {"audience", audience_label(*module)},
                    {"for_you", for_your_role(*module, context.signed_in().staff_group)},
                    {"minutes", std::to_string(module->minutes)},
                    {"hours", hours_label(module->hours)},
                    {"pages", pages},
                    {"outcomes", outcomes},
                    {"topics", topics},
                    {"features", feature_lines(features_of(*module))}};
    add_standing(data, *module, context.app.learning.standing(learner_of(context.signed_in()), *module));
    http::render_page(context, "learning/module", module->title, data);
}

} // namespace trellis::learning::handlers
