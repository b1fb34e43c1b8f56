#pragma once

// Reads one module folder (docs/authoring.md) into a Module. Content errors never throw: they are
// collected as problems with file and line, and the module is usable only when there are none.

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "learning/content/model.h"

namespace trellis::learning::content {

struct ModuleLoad {
    Module module;                 // as much as could be read; trust it only when `problems` is empty
    std::vector<Problem> problems; // in the order found: module.json, then pages in reading order

    // True when the module has no problems and may be shown to learners.
    bool ok() const { return problems.empty(); }
};

// Parses the module in `folder`. `known_module_slugs` are the modules a `further` block may name.
ModuleLoad parse_module(const std::filesystem::path& folder, const std::set<std::string>& known_module_slugs);

// Parses the module in `folder`, taking its sibling folders that hold a module.json as the known modules.
ModuleLoad parse_module(const std::filesystem::path& folder);

// The names of the sub-folders of `parent` that hold a module.json, i.e. the modules a library has.
std::set<std::string> module_folder_names(const std::filesystem::path& parent);

} // namespace trellis::learning::content
