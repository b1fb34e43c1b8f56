#include "learning/content/page_scanner.h"

#include <cctype>
#include <map>
#include <optional>

namespace trellis::learning::content {

namespace {

const std::map<std::string, BlockType, std::less<>> kActivityTypes = {{"quiz", BlockType::Quiz},
                                                                      {"scenario", BlockType::Scenario},
                                                                      {"sort", BlockType::Sort},
                                                                      {"reflection", BlockType::Reflection},
                                                                      {"video", BlockType::Video},
                                                                      {"resource", BlockType::Resource},
                                                                      {"actionplan", BlockType::ActionPlan},
                                                                      {"further", BlockType::Further}};

// A code fence line as CommonMark reads it (up to three spaces of indentation).
struct Fence {
    char character = 0;
    size_t length = 0;
    size_t indent = 0;
    std::string info;
};

std::optional<Fence> read_fence(const std::string& line) {
    const size_t indent = line.find_first_not_of(' ');
    if (indent == std::string::npos || indent > 3)
        return std::nullopt;
    const char character = line[indent];
    if (character != '`' && character != '~')
        return std::nullopt;
    const size_t end = line.find_first_not_of(character, indent);
    const size_t length = (end == std::string::npos ? line.size() : end) - indent;
    if (length < 3)
        return std::nullopt;
    std::string info = end == std::string::npos ? std::string{} : trim(line.substr(end));
    // A backtick run followed by more backticks on the line is inline code, not a fence.
    if (character == '`' && info.find('`') != std::string::npos)
        return std::nullopt;
    return Fence{character, length, indent, std::move(info)};
}

bool closes(const Fence& opening, const std::string& line) {
    const std::optional<Fence> fence = read_fence(line);
    return fence && fence->character == opening.character && fence->length >= opening.length &&
           fence->info.empty();
}

std::vector<std::string> split_words(const std::string& text) {
    std::vector<std::string> words;
    size_t start = text.find_first_not_of(" \t");
    while (start != std::string::npos) {
        const size_t end = text.find_first_of(" \t", start);
        words.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        start = end == std::string::npos ? end : text.find_first_not_of(" \t", end);
    }
    return words;
}

// Reads `trellis-TYPE id=ID [optional]`; reports and returns nothing when it is not that.
std::optional<RawBlock> read_info_string(ParseContext& context, const std::string& file, int line,
                                         const std::string& info) {
    const std::vector<std::string> words = split_words(info);
    const std::string type_name = words.front().substr(std::string_view("trellis-").size());
    const auto type = kActivityTypes.find(type_name);
    if (type == kActivityTypes.end()) {
        context.report(file, line,
                       "unknown block type '" + words.front() +
                           "' (want quiz, scenario, sort, reflection, video, resource, actionplan "
                           "or further)");
        return std::nullopt;
    }
    if (words.size() < 2 || !words[1].starts_with("id=")) {
        context.report(file, line,
                       "block '" + words.front() + "' needs an id: '" + words.front() + " id=BLOCK-ID'");
        return std::nullopt;
    }
    RawBlock block;
    block.type = type->second;
    block.id = words[1].substr(3);
    block.line = line;
    if (!is_slug(block.id)) {
        context.report(file, line,
                       "block id '" + block.id + "' must be lowercase letters, digits and single '-'");
        return std::nullopt;
    }
    for (size_t index = 2; index < words.size(); ++index) {
        if (words[index] == "optional" && !block.optional)
            block.optional = true;
        else
            context.report(file, line,
                           "block '" + block.id + "': unknown attribute '" + words[index] +
                               "' (only 'optional' is allowed)");
    }
    return block;
}

// Removes inline code spans so that `![x](y)` written as code is not taken for an image.
std::string without_code_spans(const std::string& text) {
    std::string out;
    size_t index = 0;
    while (index < text.size()) {
        if (text[index] != '`') {
            out += text[index++];
            continue;
        }
        const size_t run_end = text.find_first_not_of('`', index);
        const std::string run =
            text.substr(index, (run_end == std::string::npos ? text.size() : run_end) - index);
        const size_t closing = run_end == std::string::npos ? std::string::npos : text.find(run, run_end);
        if (closing == std::string::npos) {
            out += run;
            index += run.size();
            continue;
        }
        index = closing + run.size();
    }
    return out;
}

bool has_url_scheme(const std::string& target) {
    const size_t colon = target.find(':');
    if (colon == std::string::npos || colon == 0)
        return false;
    for (size_t index = 0; index < colon; ++index) {
        const char character = target[index];
        if (!std::isalnum(static_cast<unsigned char>(character)) && character != '+' && character != '-' &&
            character != '.')
            return false;
    }
    return true;
}

} // namespace

void check_images(ParseContext& context, const std::string& file, const SourceLine& line) {
    const std::string text = without_code_spans(line.text);
    for (size_t start = text.find("!["); start != std::string::npos; start = text.find("![", start + 2)) {
        const size_t close = text.find("](", start + 2);
        if (close == std::string::npos)
            return;
        const std::string alt = trim(text.substr(start + 2, close - start - 2));
        size_t target_start = text.find_first_not_of(' ', close + 2);
        if (target_start == std::string::npos)
            return;
        std::string target;
        if (text[target_start] == '<') {
            const size_t end = text.find('>', target_start);
            target = text.substr(target_start + 1, end == std::string::npos ? 0 : end - target_start - 1);
        } else {
            const size_t end = text.find_first_of(" )", target_start);
            target =
                text.substr(target_start, end == std::string::npos ? std::string::npos : end - target_start);
        }
        if (alt.empty())
            context.report(file, line.number,
                           "image '" + target + "' needs alt text: ![what it shows](" + target + ")");
        if (has_url_scheme(target))
            context.report(file, line.number,
                           "image '" + target + "' must be a file in the module folder, not a web address");
        else
            context.check_module_file(file, line.number, target, "image");
    }
}

ScannedPage scan_page(ParseContext& context, const std::string& file, const std::string& text) {
    ScannedPage page;
    const std::vector<SourceLine> lines = split_lines(text);
    if (lines.empty() || !lines[0].text.starts_with("# ") || trim(lines[0].text.substr(2)).empty()) {
        context.report(file, 1, "the first line must be the page title: '# Page title'");
    } else {
        page.title = trim(lines[0].text.substr(2));
    }
    RawText current_text;
    const auto flush_text = [&] {
        bool has_content = false;
        for (const SourceLine& line : current_text.lines)
            has_content = has_content || !trim(line.text).empty();
        if (has_content)
            page.parts.emplace_back(std::move(current_text));
        current_text = {};
    };

    size_t index = page.title.empty() ? 0 : 1;
    while (index < lines.size()) {
        const SourceLine& line = lines[index];
        const std::optional<Fence> fence = read_fence(line.text);
        if (!fence) {
            check_images(context, file, line);
            current_text.lines.push_back(line);
            ++index;
            continue;
        }
        size_t end = index + 1;
        while (end < lines.size() && !closes(*fence, lines[end].text))
            ++end;
        const bool closed = end < lines.size();
        const bool activity = fence->info.starts_with("trellis-");
        if (!closed)
            context.report(file, line.number,
                           activity ? "activity block is never closed (no line of ``` after it)"
                                    : "fenced code block is never closed");
        if (!activity) { // ordinary code: part of the text, images inside it are only code
            for (size_t copy = index; copy <= end && copy < lines.size(); ++copy)
                current_text.lines.push_back(lines[copy]);
            index = end + 1;
            continue;
        }
        if (fence->character == '~' || fence->indent > 0) {
            context.report(file, line.number,
                           "an activity block must open with ``` at the start of the line");
        } else if (closed) {
            if (std::optional<RawBlock> block = read_info_string(context, file, line.number, fence->info)) {
                block->body.assign(lines.begin() + static_cast<long>(index) + 1,
                                   lines.begin() + static_cast<long>(end));
                flush_text();
                page.parts.emplace_back(std::move(*block));
            }
        }
        index = end + 1;
    }
    flush_text();
    return page;
}

} // namespace trellis::learning::content
