#include "storage/keys.h"

#include <stdexcept>

namespace trellis::storage {

namespace {

bool is_safe_part(std::string_view part) {
    if (part.empty() || part.front() == '.' || part.size() > 200)
        return false;
    for (const char c : part)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
              c == '_' || c == '.'))
            return false;
    return true;
}

} // namespace

std::string stored_name(long long trust_id, const std::string& our_name, const std::string& extension) {
    if (trust_id <= 0)
        throw std::invalid_argument("a stored file needs its trust");
    return std::to_string(trust_id) + "/" + our_name + extension;
}

std::string key_of(std::string_view shelf, const std::string& stored_name) {
    std::string key = std::string(shelf) + "/" + stored_name;
    if (!is_safe_key(key))
        throw std::invalid_argument("not a stored file's name: " + stored_name);
    return key;
}

bool is_safe_key(std::string_view key) {
    if (key.empty() || key.size() > 600)
        return false;
    std::size_t start = 0;
    while (true) {
        const std::size_t slash = key.find('/', start);
        const std::string_view part =
            key.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
        if (!is_safe_part(part))
            return false;
        if (slash == std::string_view::npos)
            return true;
        start = slash + 1;
    }
}

} // namespace trellis::storage
