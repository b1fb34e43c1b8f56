#pragma once

// The in-memory form of a learning module, as described in docs/authoring.md. These are plain
// values: the parser fills them once at load, and the web pages only read them. Markdown fields
// are rendered to HTML at load (the `_html` members) so that serving a page does no parsing.

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace trellis::learning::content {

// A content problem: where it is and what is wrong. Never an exception, always a value.
struct Problem {
    std::string module;  // the module folder name (usually its slug)
    std::string file;    // relative to the module folder, with '/', e.g. "01-intro.md"
    int line = 0;        // 1-based; 0 when the problem concerns the whole file
    std::string message; // a sentence for the author, naming the block id where there is one
};

enum class BlockType { Text, Quiz, Scenario, Sort, Reflection, Video, Resource, ActionPlan, Further };

// The name used in `trellis-TYPE` info strings ("quiz", "actionplan"); "text" for Text.
std::string_view block_type_name(BlockType type);

struct TextBlock {
    std::string markdown;
    std::string html;
};

struct QuizOption {
    std::string text;
    std::string text_html; // inline Markdown (emphasis and links)
    bool correct = false;
    std::string feedback;
    std::string feedback_html;
};

struct QuizBlock {
    std::string question;
    std::string question_html;
    bool multiple = false;
    std::vector<QuizOption> options;
};

struct ScenarioChoice {
    std::string text;
    std::string target; // the id of a node of the same scenario
};

struct ScenarioNode {
    std::string id;
    std::string markdown;
    std::string html;
    std::vector<ScenarioChoice> choices; // empty means the node is an ending
    int line = 0;
};

struct ScenarioBlock {
    std::string title;
    std::vector<ScenarioNode> nodes; // in the order written; "start" and "debrief" among them
    std::string debrief_html;        // the @debrief node's text, rendered, for convenience
};

enum class SortMode { Order, Groups };

struct SortItem {
    std::string text;
    std::string group; // empty in order mode
};

struct SortBlock {
    std::string prompt;
    std::string prompt_html;
    SortMode mode = SortMode::Order;
    std::vector<SortItem> items;     // in order mode, the written (correct) order
    std::vector<std::string> groups; // groups mode only, in the order written
    std::string feedback;
    std::string feedback_html;
};

struct ReflectionBlock {
    std::string prompt;
    std::string prompt_html;
    std::string hint;
    std::string hint_html;
};

// All paths are relative to the module folder and have been checked to exist.
struct VideoBlock {
    std::string title;
    std::string source; // `src:`
    std::string captions;
    std::string transcript;
    std::string poster;
    std::string transcript_html; // the transcript Markdown, rendered for its own page
};

// Exactly one of `source` (Markdown to print) and `file` (served as is) is non-empty.
struct ResourceBlock {
    std::string title;
    std::string source;
    std::string file;
};

struct ActionPlanBlock {
    std::string prompt;
    std::string prompt_html;
    std::vector<std::string> suggestions;
    std::vector<std::string> reflection_ids; // ids of reflection blocks of this module, in order
    int reflections_line = 0;                // where `reflections:` is written, for problems found later
};

// Either a link (`title` and `url`) or another module (`module_slug`), with a reason.
struct FurtherItem {
    std::string title;
    std::string url;
    std::string module_slug;
    std::string reason;
};

struct FurtherBlock {
    std::vector<FurtherItem> items;
};

using BlockData = std::variant<TextBlock, QuizBlock, ScenarioBlock, SortBlock, ReflectionBlock, VideoBlock,
                               ResourceBlock, ActionPlanBlock, FurtherBlock>;

struct Block {
    BlockType type = BlockType::Text;
    std::string id;        // empty for text blocks
    bool required = false; // activity blocks unless `optional`; never text or further
    int line = 0;          // the line of the opening fence (or of the text's first line)
    BlockData data;

    // The per-type data; the caller must have checked `type` (std::get throws otherwise).
    template <typename T> const T& as() const { return std::get<T>(data); }
};

struct Page {
    std::string file; // e.g. "01-why-trust-comes-first.md"
    std::string title;
    std::vector<Block> blocks;
};

struct Module {
    std::string slug;
    std::string title;
    std::string summary;
    std::vector<std::string> audience; // each of leader, teacher, ect, support
    std::vector<std::string> topics;
    int minutes = 0;
    double hours = 0;
    std::vector<std::string> outcomes;
    std::vector<Page> pages;
};

// An activity block of a module and the page it is on.
struct BlockPlace {
    const Block* block = nullptr; // null when the module has no activity with that id
    int page_number = 0;          // 1-based
};

// Where the activity block with this id is (text blocks have no id and are never found).
BlockPlace find_block(const Module& module, std::string_view block_id);

// The ids of every required block of the module, in reading order (what completion needs).
std::vector<std::string> required_block_ids(const Module& module);

} // namespace trellis::learning::content
