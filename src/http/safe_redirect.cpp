#include "http/safe_redirect.h"

namespace trellis::http {

std::string safe_local_path(const std::string& target) {
    if (target.size() < 1 || target[0] != '/')
        return "/";
    for (const char character : target) {
        const auto byte = static_cast<unsigned char>(character);
        if (byte < 0x20 || byte == 0x7f || character == '\\' || character == ' ')
            return "/";
    }
    if (target.size() > 1 && target[1] == '/')
        return "/";
    return target;
}

} // namespace trellis::http
