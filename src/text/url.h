#pragma once

#include <cctype>
#include <string>

namespace trellis::text {

// The text with every byte but A–Z a–z 0–9 - _ . ~ percent-encoded: a value inside a URL's query
// string or a form body, for links we hand out and requests we make.
inline std::string url_encode(const std::string& text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string encoded;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            encoded += static_cast<char>(c);
        } else {
            encoded += '%';
            encoded += kHex[c >> 4];
            encoded += kHex[c & 15];
        }
    }
    return encoded;
}

} // namespace trellis::text
