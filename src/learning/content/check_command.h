#pragma once

#include <ostream>
#include <string>

namespace trellis::learning::content {

// `trellis content check DIR`: checks one module folder (DIR holds module.json) or every module in
// a folder of modules. Prints each problem as `DIR/slug/file.md:LINE: message`, then a summary
// line; returns 0 when there are no problems and 1 otherwise.
int run_content_check(const std::string& directory, std::ostream& out);

} // namespace trellis::learning::content
