#include "learning/content/block_reader.h"

namespace trellis::learning::content {

void BlockReader::report(int line, const std::string& message) {
    m_context.report(m_file, line, "block '" + m_block.id + "': " + message);
}

BlockLines BlockReader::read_lines(const std::set<std::string, std::less<>>& keys, bool items_allowed) {
    BlockLines lines;
    for (const SourceLine& line : m_block.body) {
        if (trim(line.text).empty())
            continue;
        if (line.text.starts_with("- ")) {
            if (items_allowed)
                lines.items.push_back(SourceLine{line.number, trim(line.text.substr(2))});
            else
                report(line.number,
                       "a " + std::string(block_type_name(m_block.type)) + " block has no '- ' lines");
            continue;
        }
        const auto field = read_field_line(line.text);
        if (!field) {
            report(line.number, "unexpected line '" + line.text + "' (want 'key: value' or '- item')");
            continue;
        }
        if (!keys.contains(field->first)) {
            report(line.number, "unknown field '" + field->first + ":' in a " +
                                    std::string(block_type_name(m_block.type)) + " block");
            continue;
        }
        const auto [existing, inserted] =
            lines.fields.emplace(field->first, Field{field->second, line.number});
        if (!inserted)
            report(line.number, "'" + field->first + ":' appears twice (first on line " +
                                    std::to_string(existing->second.line) + ")");
    }
    return lines;
}

std::string BlockReader::required(const BlockLines& lines, std::string_view key) {
    const auto found = lines.fields.find(key);
    if (found == lines.fields.end() || found->second.value.empty()) {
        report("a " + std::string(block_type_name(m_block.type)) + " needs '" + std::string(key) + ":'");
        return {};
    }
    return found->second.value;
}

std::string BlockReader::optional(const BlockLines& lines, std::string_view key) {
    const auto found = lines.fields.find(key);
    return found == lines.fields.end() ? std::string{} : found->second.value;
}

std::optional<std::pair<std::string, std::string>> read_field_line(const std::string& line) {
    size_t index = 0;
    while (index < line.size() && line[index] >= 'a' && line[index] <= 'z')
        ++index;
    if (index == 0 || index >= line.size() || line[index] != ':')
        return std::nullopt;
    // "key:" alone is a field with an empty value; "key:value" (no space) is not a field line.
    if (index + 1 < line.size() && line[index + 1] != ' ')
        return std::nullopt;
    return std::make_pair(line.substr(0, index), trim(line.substr(index + 1)));
}

std::optional<std::pair<std::string, std::string>> split_first(const std::string& text,
                                                               std::string_view separator) {
    const size_t at = text.find(separator);
    if (at == std::string::npos)
        return std::nullopt;
    return std::make_pair(trim(text.substr(0, at)), trim(text.substr(at + separator.size())));
}

std::optional<std::pair<std::string, std::string>> split_last(const std::string& text,
                                                              std::string_view separator) {
    const size_t at = text.rfind(separator);
    if (at == std::string::npos)
        return std::nullopt;
    return std::make_pair(trim(text.substr(0, at)), trim(text.substr(at + separator.size())));
}

} // namespace trellis::learning::content
