#pragma once

// Splits a page into its title, runs of Markdown text and raw activity blocks, following the
// fenced-code rules of docs/authoring.md section 5. The block bodies are read by the block parsers.

#include <variant>

#include "learning/content/model.h"
#include "learning/content/parse_context.h"

namespace trellis::learning::content {

// An activity block as written: its info string read, its body lines not yet interpreted.
struct RawBlock {
    BlockType type = BlockType::Text;
    std::string id;
    bool optional = false;
    int line = 0; // the opening fence
    std::vector<SourceLine> body;
};

// Consecutive Markdown lines between activity blocks.
struct RawText {
    std::vector<SourceLine> lines;
};

struct ScannedPage {
    std::string title;
    std::vector<std::variant<RawText, RawBlock>> parts;
};

// Scans `text`, the content of page `file`, reporting a missing title, bad or unknown info strings,
// unclosed fences and images without alt text or with a missing file.
ScannedPage scan_page(ParseContext& context, const std::string& file, const std::string& text);

// Reports images in one line of Markdown whose alt text is empty or whose file does not exist.
void check_images(ParseContext& context, const std::string& file, const SourceLine& line);

} // namespace trellis::learning::content
