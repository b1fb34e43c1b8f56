#include "learning/content/model.h"

namespace trellis::learning::content {

std::string_view block_type_name(BlockType type) {
    switch (type) {
    case BlockType::Text:
        return "text";
    case BlockType::Quiz:
        return "quiz";
    case BlockType::Scenario:
        return "scenario";
    case BlockType::Sort:
        return "sort";
    case BlockType::Reflection:
        return "reflection";
    case BlockType::Video:
        return "video";
    case BlockType::Resource:
        return "resource";
    case BlockType::ActionPlan:
        return "actionplan";
    case BlockType::Further:
        return "further";
    }
    return "text";
}

std::vector<std::string> required_block_ids(const Module& module) {
    std::vector<std::string> ids;
    for (const Page& page : module.pages)
        for (const Block& block : page.blocks)
            if (block.required)
                ids.push_back(block.id);
    return ids;
}

} // namespace trellis::learning::content
