#include "learning/content/parser.h"

#include <map>

#include "learning/content/block_reader.h"
#include "learning/content/manifest.h"
#include "learning/content/markdown.h"
#include "learning/content/page_scanner.h"
#include "learning/content/parse_context.h"

namespace trellis::learning::content {

namespace {

BlockData parse_block_data(BlockReader& reader) {
    switch (reader.block().type) {
    case BlockType::Quiz:
        return parse_quiz(reader);
    case BlockType::Scenario:
        return parse_scenario(reader);
    case BlockType::Sort:
        return parse_sort(reader);
    case BlockType::Reflection:
        return parse_reflection(reader);
    case BlockType::Video:
        return parse_video(reader);
    case BlockType::Resource:
        return parse_resource(reader);
    case BlockType::ActionPlan:
        return parse_action_plan(reader);
    case BlockType::Further:
        return parse_further(reader);
    case BlockType::Text:
        break;
    }
    return TextBlock{};
}

Block make_text_block(const RawText& text) {
    Block block;
    block.type = BlockType::Text;
    TextBlock data;
    for (const SourceLine& line : text.lines) {
        if (block.line == 0 && !trim(line.text).empty())
            block.line = line.number;
        data.markdown += line.text + "\n";
    }
    data.html = render_markdown(data.markdown);
    block.data = std::move(data);
    return block;
}

Page parse_page(ParseContext& context, const std::string& file) {
    Page page;
    page.file = file;
    const std::optional<std::string> text = context.read_text_file(file, "module.json", 0);
    if (!text)
        return page;
    ScannedPage scanned = scan_page(context, file, *text);
    page.title = std::move(scanned.title);
    for (const auto& part : scanned.parts) {
        if (const auto* text_part = std::get_if<RawText>(&part)) {
            page.blocks.push_back(make_text_block(*text_part));
            continue;
        }
        const RawBlock& raw = std::get<RawBlock>(part);
        BlockReader reader(context, file, raw);
        Block block;
        block.type = raw.type;
        block.id = raw.id;
        block.line = raw.line;
        block.required = raw.type != BlockType::Further && !raw.optional;
        block.data = parse_block_data(reader);
        page.blocks.push_back(std::move(block));
    }
    return page;
}

// Checks what spans pages: block ids unique in the module, and action plans naming reflections.
void check_module_wide(ParseContext& context, const Module& module) {
    struct Place {
        std::string file;
        int line;
        BlockType type;
    };
    std::map<std::string, Place> places;
    for (const Page& page : module.pages)
        for (const Block& block : page.blocks) {
            if (block.type == BlockType::Text)
                continue;
            const auto [existing, inserted] =
                places.emplace(block.id, Place{page.file, block.line, block.type});
            if (!inserted)
                context.report(page.file, block.line,
                               "block id '" + block.id + "' is already used at " + existing->second.file +
                                   ":" + std::to_string(existing->second.line) +
                                   " (ids must be unique in the module)");
        }
    for (const Page& page : module.pages)
        for (const Block& block : page.blocks) {
            if (block.type != BlockType::ActionPlan)
                continue;
            const ActionPlanBlock& plan = block.as<ActionPlanBlock>();
            for (const std::string& id : plan.reflection_ids) {
                const auto found = places.find(id);
                if (found == places.end())
                    context.report(page.file, plan.reflections_line,
                                   "block '" + block.id + "': reflections: '" + id +
                                       "' is not a block of this module");
                else if (found->second.type != BlockType::Reflection)
                    context.report(page.file, plan.reflections_line,
                                   "block '" + block.id + "': reflections: '" + id + "' is a " +
                                       std::string(block_type_name(found->second.type)) +
                                       " block, not a reflection");
            }
        }
}

} // namespace

ModuleLoad parse_module(const std::filesystem::path& folder,
                        const std::set<std::string>& known_module_slugs) {
    ParseContext context(folder, known_module_slugs);
    ModuleLoad load;
    std::error_code error;
    if (!std::filesystem::is_directory(folder, error)) {
        context.report("", 0, "not a folder");
        load.problems = std::move(context.problems());
        return load;
    }
    const std::vector<std::string> page_files = read_manifest(context, load.module);
    for (const std::string& file : page_files)
        load.module.pages.push_back(parse_page(context, file));
    check_module_wide(context, load.module);
    load.problems = std::move(context.problems());
    return load;
}

ModuleLoad parse_module(const std::filesystem::path& folder) {
    std::error_code error;
    std::filesystem::path full = std::filesystem::absolute(folder, error).lexically_normal();
    if (!full.has_filename()) // "modules/slug/" normalises with an empty file name
        full = full.parent_path();
    return parse_module(folder, module_folder_names(full.parent_path()));
}

std::set<std::string> module_folder_names(const std::filesystem::path& parent) {
    std::set<std::string> names;
    std::error_code error;
    std::filesystem::directory_iterator entries(parent, error);
    for (; !error && entries != std::filesystem::directory_iterator(); entries.increment(error)) {
        std::error_code entry_error;
        if (std::filesystem::is_regular_file(entries->path() / "module.json", entry_error))
            names.insert(entries->path().filename().string());
    }
    return names;
}

} // namespace trellis::learning::content
