#include "learning/content/parse_context.h"

#include <fstream>
#include <sstream>

namespace trellis::learning::content {

namespace {

// The offset of the first byte that is not part of well-formed UTF-8, or npos. Overlong forms,
// surrogates and code points above U+10FFFF count as malformed, as they do for cmark and JSON.
size_t first_invalid_utf8(std::string_view text) {
    size_t index = 0;
    while (index < text.size()) {
        const auto byte = static_cast<unsigned char>(text[index]);
        size_t length = 0;
        unsigned minimum = 0;
        unsigned code_point = 0;
        if (byte < 0x80) {
            ++index;
            continue;
        } else if ((byte & 0xE0) == 0xC0) {
            length = 2, minimum = 0x80, code_point = byte & 0x1F;
        } else if ((byte & 0xF0) == 0xE0) {
            length = 3, minimum = 0x800, code_point = byte & 0x0F;
        } else if ((byte & 0xF8) == 0xF0) {
            length = 4, minimum = 0x10000, code_point = byte & 0x07;
        } else {
            return index;
        }
        if (index + length > text.size())
            return index;
        for (size_t next = 1; next < length; ++next) {
            const auto continuation = static_cast<unsigned char>(text[index + next]);
            if ((continuation & 0xC0) != 0x80)
                return index;
            code_point = (code_point << 6) | (continuation & 0x3F);
        }
        if (code_point < minimum || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF))
            return index;
        index += length;
    }
    return std::string_view::npos;
}

} // namespace

ParseContext::ParseContext(std::filesystem::path folder, std::set<std::string> known_module_slugs)
    : m_folder(std::move(folder)), m_known_module_slugs(std::move(known_module_slugs)) {
    m_module_name = module_folder_name(m_folder);
}

void ParseContext::report(const std::string& file, int line, std::string message) {
    m_problems.push_back(Problem{m_module_name, file, line, std::move(message)});
}

bool ParseContext::check_module_file(const std::string& file, int line, const std::string& path,
                                     std::string_view what) {
    const std::string quoted = std::string(what) + " '" + path + "'";
    if (path.empty()) {
        report(file, line, std::string(what) + " is empty");
        return false;
    }
    bool has_parent_segment = false;
    std::string_view rest = path;
    while (!rest.empty()) {
        const size_t slash = rest.find('/');
        if (rest.substr(0, slash) == "..")
            has_parent_segment = true;
        rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
    }
    bool has_control = false;
    for (char character : path)
        has_control = has_control || static_cast<unsigned char>(character) < 0x20 || character == '\\';
    if (path.front() == '/' || has_parent_segment || has_control || path.find(':') != std::string::npos) {
        report(file, line,
               quoted + " must be a relative path inside the module folder (no leading '/', no '..', '/' as "
                        "separator)");
        return false;
    }
    std::error_code error;
    const std::filesystem::path full = m_folder / path;
    if (!std::filesystem::is_regular_file(full, error)) {
        report(file, line, quoted + " does not exist");
        return false;
    }
    // A symbolic link could still lead out of the folder; the server will serve these files.
    const auto real_folder = std::filesystem::canonical(m_folder, error);
    const auto real_file = error ? std::filesystem::path{} : std::filesystem::canonical(full, error);
    const auto relative = error ? std::filesystem::path{} : real_file.lexically_relative(real_folder);
    if (error || relative.empty() || *relative.begin() == "..") {
        report(file, line, quoted + " leads outside the module folder");
        return false;
    }
    return true;
}

std::optional<std::string> ParseContext::read_text_file(const std::string& path,
                                                        const std::string& reported_as, int line) {
    std::error_code error;
    const std::filesystem::path full = m_folder / path;
    if (!std::filesystem::is_regular_file(full, error)) {
        report(reported_as, line, "'" + path + "' does not exist");
        return std::nullopt;
    }
    const auto size = std::filesystem::file_size(full, error);
    if (error || size > kMaximumTextFileBytes) {
        report(path, 0,
               "file is too large for a text file (over " + std::to_string(kMaximumTextFileBytes) +
                   " bytes)");
        return std::nullopt;
    }
    std::ifstream input(full, std::ios::binary);
    std::ostringstream buffer;
    buffer << input.rdbuf();
    if (!input.good() && !input.eof()) {
        report(path, 0, "cannot read the file");
        return std::nullopt;
    }
    std::string text = buffer.str();
    if (const size_t bad = first_invalid_utf8(text); bad != std::string::npos) {
        report(path, line_of_offset(text, bad), "the file is not valid UTF-8");
        return std::nullopt;
    }
    if (const size_t carriage_return = text.find('\r'); carriage_return != std::string::npos) {
        report(path, line_of_offset(text, carriage_return), "use LF line endings, not CR LF");
        std::erase(text, '\r');
    }
    return text;
}

std::string module_folder_name(const std::filesystem::path& folder) {
    // Made absolute first, so that "." and "modules/slug/" name the folder itself.
    std::error_code error;
    std::filesystem::path full = std::filesystem::absolute(folder, error).lexically_normal();
    if (!full.has_filename())
        full = full.parent_path();
    return full.filename().string();
}

bool is_slug(std::string_view text) {
    if (text.empty() || text.front() == '-' || text.back() == '-')
        return false;
    char previous = 0;
    for (char character : text) {
        const bool allowed = (character >= 'a' && character <= 'z') ||
                             (character >= '0' && character <= '9') || character == '-';
        if (!allowed || (character == '-' && previous == '-'))
            return false;
        previous = character;
    }
    return true;
}

std::vector<SourceLine> split_lines(const std::string& text) {
    std::vector<SourceLine> lines;
    size_t start = 0;
    int number = 1;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        lines.push_back(SourceLine{number++, text.substr(start, end - start)});
        start = end + 1;
    }
    return lines;
}

std::string trim(std::string_view text) {
    const size_t first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    const size_t last = text.find_last_not_of(" \t");
    return std::string(text.substr(first, last - first + 1));
}

int line_of_offset(std::string_view text, size_t offset) {
    int line = 1;
    for (size_t index = 0; index < offset && index < text.size(); ++index)
        line += text[index] == '\n' ? 1 : 0;
    return line;
}

} // namespace trellis::learning::content
