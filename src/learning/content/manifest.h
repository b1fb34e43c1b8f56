#pragma once

#include "learning/content/model.h"
#include "learning/content/parse_context.h"

namespace trellis::learning::content {

// Reads and checks module.json into `module` (every field but `pages`), and returns the page file
// names that are safe to open, in order. Problems are reported with the line of the offending key.
std::vector<std::string> read_manifest(ParseContext& context, Module& module);

} // namespace trellis::learning::content
