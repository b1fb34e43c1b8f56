#pragma once

#include <string>
#include <string_view>

// How stored files are named. A key is a shelf, the trust's id and a name we made:
// "materials/12/Xy3...", "recordings/12/Ab9....webm". The rows that name a file keep the part after
// the shelf (its stored name); files kept before names carried the trust have no trust part.
namespace trellis::storage {

inline constexpr std::string_view kMaterials = "materials";
inline constexpr std::string_view kRecordings = "recordings";

// A new file's stored name: the trust's id, then a name nobody outside chose (a random token) and
// its extension ("12/Xy3....webm").
std::string stored_name(long long trust_id, const std::string& our_name, const std::string& extension = "");
// The key of a stored name on a shelf ("materials/12/Xy3..."); throws std::invalid_argument when
// the result is not a safe key.
std::string key_of(std::string_view shelf, const std::string& stored_name);
// True for a key made only of our own names: parts of letters, digits, '-', '_' and '.', joined
// by single '/', none of them empty, "." or "..", and none starting with '.' (the folder store's
// files in progress do), so no key can leave its folder or bucket.
bool is_safe_key(std::string_view key);

} // namespace trellis::storage
