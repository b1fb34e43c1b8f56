#include "people/staff_csv.h"

#include <algorithm>

#include <csv.h>

namespace trellis::people {

namespace {

struct Reader {
    CsvTable table;
    std::vector<std::string> record;
};

// A spreadsheet runs a cell that begins with one of these as a formula.
bool starts_like_a_formula(std::string_view value) {
    return !value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos;
}

void on_field(void* text, size_t length, void* data) {
    auto* reader = static_cast<Reader*>(data);
    std::string_view field(text ? static_cast<const char*>(text) : "", text ? length : 0);
    // Undo what csv_field does on export, so an exported file imports back unchanged.
    if (field.size() > 1 && field.front() == '\'' && starts_like_a_formula(field.substr(1)))
        field.remove_prefix(1);
    reader->record.emplace_back(field);
}

void on_record_end(int, void* data) {
    auto* reader = static_cast<Reader*>(data);
    bool blank = std::all_of(reader->record.begin(), reader->record.end(),
                             [](const std::string& field) { return field.empty(); });
    if (!blank)
        reader->table.records.push_back(std::move(reader->record));
    reader->record.clear();
}

unsigned char choose_delimiter(const std::string& content) {
    const std::string first_line = content.substr(0, content.find('\n'));
    auto commas = std::count(first_line.begin(), first_line.end(), ',');
    auto semicolons = std::count(first_line.begin(), first_line.end(), ';');
    return semicolons > commas ? ';' : ',';
}

} // namespace

CsvTable read_csv(const std::string& raw) {
    std::string_view content = raw;
    if (content.substr(0, 3) == "\xEF\xBB\xBF")
        content.remove_prefix(3);
    Reader reader;
    csv_parser parser;
    csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
    csv_set_delim(&parser, choose_delimiter(std::string(content.substr(0, 4096))));
    std::size_t used = csv_parse(&parser, content.data(), content.size(), on_field, on_record_end, &reader);
    if (used != content.size() || csv_fini(&parser, on_field, on_record_end, &reader) != 0) {
        reader.table.error = std::string("the file is not valid CSV (") + csv_strerror(csv_error(&parser)) +
                             "); check for a stray quote mark";
        reader.table.error_record = static_cast<long long>(reader.table.records.size()) + 1;
    }
    csv_free(&parser);
    return std::move(reader.table);
}

std::string csv_field(const std::string& raw) {
    // A leading apostrophe makes a spreadsheet show the cell as text instead of running it.
    const std::string value = starts_like_a_formula(raw) ? "'" + raw : raw;
    if (value.find_first_of(",\"\r\n;") == std::string::npos)
        return value;
    std::string quoted = "\"";
    for (char c : value) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

} // namespace trellis::people
