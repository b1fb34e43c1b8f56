#pragma once

#include <string>

namespace trellis::http {

// Returns `target` when a browser would read it as a path on this site, and "/" otherwise. Browsers
// drop tabs and newlines from a URL and read a backslash as a slash, so "/\t/evil.example" and
// "/\\evil.example" lead elsewhere; anything with a control character, a backslash, or a second
// leading slash is refused rather than cleaned.
std::string safe_local_path(const std::string& target);

} // namespace trellis::http
