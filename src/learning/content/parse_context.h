#pragma once

// What every part of the module parser shares: the module folder, the problems found so far, and
// the checks on files and names that several block types need.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "learning/content/model.h"

namespace trellis::learning::content {

// One line of a source file, with its 1-based number.
struct SourceLine {
    int number = 0;
    std::string text;
};

class ParseContext {
  public:
    // `known_module_slugs` are the modules a `further` block may point to.
    ParseContext(std::filesystem::path folder, std::set<std::string> known_module_slugs);

    // Records a problem in `file` (relative to the module folder) at `line` (0: the whole file).
    void report(const std::string& file, int line, std::string message);

    // Checks a path written in the module (image, media, resource): relative, '/'-separated, no
    // '..', inside the folder, and naming an existing regular file. Reports and returns false if not.
    bool check_module_file(const std::string& file, int line, const std::string& path, std::string_view what);

    // Reads a UTF-8 text file of the module. Reports a missing or unreadable file, a file over the
    // size limit or invalid UTF-8 (and returns nothing), and CR line endings (then drops the CRs).
    std::optional<std::string> read_text_file(const std::string& path, const std::string& reported_as,
                                              int line);

    // True when `name` is a module of the library (or a sibling folder with a module.json).
    bool is_known_module(const std::string& name) const { return m_known_module_slugs.contains(name); }

    // The module folder, the name problems carry, and the problems found so far.
    const std::filesystem::path& folder() const { return m_folder; }
    const std::string& module_name() const { return m_module_name; }
    std::vector<Problem>& problems() { return m_problems; }

  private:
    std::filesystem::path m_folder;
    std::string m_module_name;
    std::set<std::string> m_known_module_slugs;
    std::vector<Problem> m_problems;
};

// The name of a module folder however it was written ("modules/slug/", ".", "../slug").
std::string module_folder_name(const std::filesystem::path& folder);

// True when `text` matches ^[a-z0-9]+(-[a-z0-9]+)*$ (module slugs, topics, block and node ids).
bool is_slug(std::string_view text);

// Splits text into numbered lines at '\n'; a final newline does not make an extra empty line.
std::vector<SourceLine> split_lines(const std::string& text);

// `text` without leading and trailing spaces and tabs.
std::string trim(std::string_view text);

// The 1-based line holding byte `offset` of `text`.
int line_of_offset(std::string_view text, size_t offset);

// Text files larger than this are refused, so that a stray video renamed .md cannot eat memory.
constexpr std::uintmax_t kMaximumTextFileBytes = 4 * 1024 * 1024;

} // namespace trellis::learning::content
