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

    // The module being parsed, the page file, and the block as written.
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

// Each reads one block type by the rules of docs/authoring.md section 5, reporting what breaks
// them; whatever could be read is returned even when there are problems.
// Quiz (5.1): a question, options with one [x] (several with `multiple: true`).
QuizBlock parse_quiz(BlockReader& reader);
// Scenario (5.2): nodes, choices whose targets exist, every node reachable, an ending reachable.
ScenarioBlock parse_scenario(BlockReader& reader);
// Sort (5.3): order or groups mode, items naming known groups.
SortBlock parse_sort(BlockReader& reader);
// Reflection (5.4): a prompt and an optional hint.
ReflectionBlock parse_reflection(BlockReader& reader);
// Video (5.5): five keys, existing files, WebVTT captions; the transcript is rendered.
VideoBlock parse_video(BlockReader& reader);
// Resource (5.6): a title and exactly one of source (Markdown with a title line) or file.
ResourceBlock parse_resource(BlockReader& reader);
// Action plan (5.7): reflection ids are checked later, once every page has been read.
ActionPlanBlock parse_action_plan(BlockReader& reader);
// Further (5.8): links with http(s) addresses, or modules that exist, each with a reason.
FurtherBlock parse_further(BlockReader& reader);

} // namespace trellis::learning::content
