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

BlockPlace find_block(const Module& module, std::string_view block_id) {
    if (block_id.empty())
        return {};
    for (std::size_t page = 0; page < module.pages.size(); ++page)
        for (const Block& block : module.pages[page].blocks)
            if (block.id == block_id)
                return BlockPlace{&block, static_cast<int>(page) + 1};
    return {};
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
