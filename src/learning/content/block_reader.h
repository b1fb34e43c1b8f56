#pragma once

// The shared reading of an activity block's body: field lines (`key: value`) and item lines
// (`- ...`), with problems reported at the line they are on and naming the block id.

#include <map>
#include <set>

#include "learning/content/page_scanner.h"
#include "learning/content/parse_context.h"

namespace trellis::learning::content {

struct Field {
    std::string value; // trimmed
    int line = 0;
};

struct BlockLines {
    std::map<std::string, Field, std::less<>> fields;
    std::vector<SourceLine> items; // the text after "- ", with its line number
};

class BlockReader {
  public:
    BlockReader(ParseContext& context, const std::string& file, const RawBlock& block)
        : m_context(context), m_file(file), m_block(block) {}

    // Reports a problem at `line` of the page, prefixed with the block's id.
    void report(int line, const std::string& message);

    // Reports a problem about the block as a whole, at its opening fence.
    void report(const std::string& message) { report(m_block.line, message); }

    // Reads the body as field and item lines. Unknown keys, repeated keys, item lines when
    // `items_allowed` is false, and lines that are neither, are reported.
    BlockLines read_lines(const std::set<std::string, std::less<>>& keys, bool items_allowed);

    // The value of `key`, reporting it when missing or empty.
    std::string required(const BlockLines& lines, std::string_view key);

    // The value of `key`, or empty when it is absent.
    static std::string optional(const BlockLines& lines, std::string_view key);

    ParseContext& context() { return m_context; }
    const std::string& file() const { return m_file; }
    const RawBlock& block() const { return m_block; }

  private:
    ParseContext& m_context;
    const std::string& m_file;
    const RawBlock& m_block;
};

// Reads a field line (`key: value`, key lowercase a-z at the start of the line); nothing if it is not one.
std::optional<std::pair<std::string, std::string>> read_field_line(const std::string& line);

// Splits at the first (or last) occurrence of `separator`; nothing if it does not occur.
std::optional<std::pair<std::string, std::string>> split_first(const std::string& text,
                                                               std::string_view separator);
std::optional<std::pair<std::string, std::string>> split_last(const std::string& text,
                                                              std::string_view separator);

QuizBlock parse_quiz(BlockReader& reader);
ScenarioBlock parse_scenario(BlockReader& reader);
SortBlock parse_sort(BlockReader& reader);
ReflectionBlock parse_reflection(BlockReader& reader);
VideoBlock parse_video(BlockReader& reader);
ResourceBlock parse_resource(BlockReader& reader);
// Reflection ids are only checked later, once every page of the module has been read.
ActionPlanBlock parse_action_plan(BlockReader& reader);
FurtherBlock parse_further(BlockReader& reader);

} // namespace trellis::learning::content
