#pragma once

// For tests that read emails a relay received: a MIME part's headers and its body with
// quoted-printable undone.

#include <string>

namespace trellis::testing {

inline std::string from_quoted_printable(const std::string& text) {
    std::string decoded;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '=') {
            decoded += text[i];
        } else if (text.compare(i + 1, 2, "\r\n") == 0) {
            i += 2; // a soft line break
        } else if (i + 2 < text.size()) {
            decoded += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
            i += 2;
        }
    }
    return decoded;
}

// The first part whose Content-Type starts with `type`: its header line and its decoded body, or
// empty strings when there is none.
struct MailPart {
    std::string content_type;
    std::string body;
};
inline MailPart mail_part(const std::string& message, const std::string& type) {
    const auto header = message.find("Content-Type: " + type);
    if (header == std::string::npos)
        return {};
    const auto line_end = message.find("\r\n", header);
    const auto body_start = message.find("\r\n\r\n", header) + 4;
    const auto body_end = message.find("\r\n--", body_start);
    return {message.substr(header + 14, line_end - header - 14),
            from_quoted_printable(message.substr(body_start, body_end - body_start))};
}

} // namespace trellis::testing
