#include "learning/content/check_command.h"

#include <filesystem>

#include "learning/content/library.h"
#include "learning/content/parser.h"
#include "text/words.h"

namespace trellis::learning::content {

namespace {

// `problem` as a compiler would print it, with the path starting as the user typed it: `base` is
// the module folder when one module is checked, or the folder of modules (then the module is added).
std::string format_problem(const std::filesystem::path& base, bool base_is_module, const Problem& problem) {
    std::filesystem::path path = base;
    if (!base_is_module && !problem.module.empty())
        path /= problem.module;
    if (!problem.file.empty())
        path /= problem.file;
    std::string text = path.generic_string();
    if (problem.line > 0)
        text += ":" + std::to_string(problem.line);
    return text + ": " + problem.message;
}

} // namespace

int run_content_check(const std::string& directory, std::ostream& out) {
    std::error_code error;
    const std::filesystem::path given(directory);
    if (!std::filesystem::is_directory(given, error)) {
        out << directory << ": not a folder\n";
        return 1;
    }
    std::vector<Problem> problems;
    size_t modules_checked = 0;
    size_t broken_modules = 0;
    const bool single_module = std::filesystem::is_regular_file(given / "module.json", error);
    if (single_module) {
        ModuleLoad load = parse_module(given);
        modules_checked = 1;
        broken_modules = load.ok() ? 0 : 1;
        problems = std::move(load.problems);
    } else {
        const ContentSnapshot snapshot = load_content(given);
        problems = snapshot.problems();
        std::set<std::string> broken;
        for (const Problem& problem : problems)
            if (!problem.module.empty()) // a problem with the folder itself, not a module
                broken.insert(problem.module);
        broken_modules = broken.size();
        modules_checked = snapshot.modules().size() + broken_modules;
    }
    for (const Problem& problem : problems)
        out << format_problem(given, single_module, problem) << "\n";
    if (problems.empty())
        out << text::counted(modules_checked, "module", "modules") << " checked, no problems\n";
    else
        out << text::counted(modules_checked, "module", "modules")
            << " checked, " + text::counted(problems.size(), "problem", "problems") + " in " +
                   text::counted(broken_modules, "module", "modules") + "\n";
    return problems.empty() ? 0 : 1;
}

} // namespace trellis::learning::content
