#include "learning/content/manifest.h"

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

namespace trellis::learning::content {

namespace {

const std::string kManifest = "module.json";

// The line where `"key":` first appears, so that a problem points at the key; 0 if not found.
int line_of_key(const std::string& text, const std::string& key) {
    const std::string quoted = "\"" + key + "\"";
    for (size_t at = text.find(quoted); at != std::string::npos; at = text.find(quoted, at + 1)) {
        const size_t after = text.find_first_not_of(" \t\n", at + quoted.size());
        if (after != std::string::npos && text[after] == ':')
            return line_of_offset(text, at);
    }
    return 0;
}

// The line where the JSON string `value` first appears (for entries of an array); 0 if not found.
int line_of_value(const std::string& text, const std::string& value) {
    const size_t at = text.find(nlohmann::json(value).dump());
    return at == std::string::npos ? 0 : line_of_offset(text, at);
}

class ManifestReader {
  public:
    ManifestReader(ParseContext& context, const std::string& text, const nlohmann::json& json)
        : m_context(context), m_text(text), m_json(json) {}

    void report(const std::string& key, std::string message) {
        m_context.report(kManifest, line_of_key(m_text, key), std::move(message));
    }

    // A non-empty string, or a report.
    std::string text_field(const std::string& key) {
        const auto found = m_json.find(key);
        if (found == m_json.end()) {
            report(key, "missing key '" + key + "'");
            return {};
        }
        if (!found->is_string() || trim(found->get_ref<const std::string&>()).empty()) {
            report(key, "'" + key + "' must be a non-empty string");
            return {};
        }
        return found->get<std::string>();
    }

    // A non-empty array of non-empty strings, or a report (the good entries are still returned).
    std::vector<std::string> list_field(const std::string& key) {
        std::vector<std::string> values;
        const auto found = m_json.find(key);
        if (found == m_json.end()) {
            report(key, "missing key '" + key + "'");
            return values;
        }
        if (!found->is_array() || found->empty()) {
            report(key, "'" + key + "' must be a non-empty list of strings");
            return values;
        }
        for (const auto& entry : *found) {
            if (!entry.is_string() || trim(entry.get_ref<const std::string&>()).empty()) {
                report(key, "every entry of '" + key + "' must be a non-empty string");
                continue;
            }
            values.push_back(entry.get<std::string>());
        }
        return values;
    }

    void check_keys() {
        static const std::set<std::string> allowed = {"slug",    "title", "summary",  "audience", "topics",
                                                      "minutes", "hours", "outcomes", "pages"};
        for (const auto& [key, value] : m_json.items())
            if (!allowed.contains(key))
                report(key,
                       "unknown key '" + key + "' (module.json allows only the keys in docs/authoring.md)");
    }

    int minutes() {
        const auto found = m_json.find("minutes");
        if (found == m_json.end()) {
            report("minutes", "missing key 'minutes'");
            return 0;
        }
        // nlohmann reads non-negative integers as unsigned, so 0 and huge values are checked here.
        const bool whole_and_positive = found->is_number_unsigned() && found->get<std::uint64_t>() > 0 &&
                                        found->get<std::uint64_t>() <= std::numeric_limits<int>::max();
        if (!whole_and_positive) {
            report("minutes", "'minutes' must be a whole number greater than 0");
            return 0;
        }
        return static_cast<int>(found->get<std::uint64_t>());
    }

    double hours() {
        const auto found = m_json.find("hours");
        if (found == m_json.end()) {
            report("hours", "missing key 'hours'");
            return 0;
        }
        const double value = found->is_number() ? found->get<double>() : 0;
        if (!found->is_number() || !std::isfinite(value) || value <= 0) {
            report("hours", "'hours' must be a number greater than 0");
            return 0;
        }
        return value;
    }

    std::vector<std::string> pages() {
        std::vector<std::string> readable;
        std::set<std::string> seen;
        for (const std::string& page : list_field("pages")) {
            const int line = line_of_value(m_text, page);
            if (!seen.insert(page).second) {
                m_context.report(kManifest, line, "page '" + page + "' is listed twice");
                continue;
            }
            if (page.find('/') != std::string::npos || page.find('\\') != std::string::npos ||
                page.size() <= 3 || !page.ends_with(".md") || page.starts_with(".")) {
                m_context.report(kManifest, line,
                                 "page '" + page + "' must be a .md file directly in the module folder");
                continue;
            }
            if (m_context.check_module_file(kManifest, line, page, "page"))
                readable.push_back(page);
        }
        return readable;
    }

  private:
    ParseContext& m_context;
    const std::string& m_text;
    const nlohmann::json& m_json;
};

} // namespace

std::vector<std::string> read_manifest(ParseContext& context, Module& module) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(context.folder() / kManifest, error)) {
        context.report(kManifest, 0, "module.json is missing: a module folder must have one");
        return {};
    }
    const std::optional<std::string> text = context.read_text_file(kManifest, kManifest, 0);
    if (!text)
        return {};
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(*text);
    } catch (const nlohmann::json::parse_error& parse_error) {
        std::string message = parse_error.what();
        // Drop nlohmann's "[json.exception.parse_error.101] " prefix: authors need the sentence.
        if (const size_t bracket = message.find("] ");
            message.starts_with("[") && bracket != std::string::npos)
            message = message.substr(bracket + 2);
        context.report(kManifest, line_of_offset(*text, parse_error.byte > 0 ? parse_error.byte - 1 : 0),
                       "not valid JSON: " + message);
        return {};
    } catch (const nlohmann::json::exception& other_error) {
        context.report(kManifest, 0, std::string("not valid JSON: ") + other_error.what());
        return {};
    }
    if (!json.is_object()) {
        context.report(kManifest, 1, "module.json must hold one JSON object");
        return {};
    }

    ManifestReader reader(context, *text, json);
    reader.check_keys();
    if (!is_slug(context.module_name()))
        context.report(kManifest, 0,
                       "folder name '" + context.module_name() +
                           "' is not a valid slug (lowercase letters, digits and single '-')");
    // /learning/mine is the person's own learning page, so a module there could never be reached.
    if (context.module_name() == "mine")
        context.report(kManifest, 0,
                       "the folder name 'mine' is taken by the My learning page; choose another");
    module.slug = reader.text_field("slug");
    if (!module.slug.empty() && module.slug != context.module_name())
        reader.report("slug", "slug '" + module.slug + "' does not equal the folder name '" +
                                  context.module_name() + "'");
    module.title = reader.text_field("title");
    module.summary = reader.text_field("summary");

    static const std::set<std::string> audiences = {"leader", "teacher", "ect", "support"};
    module.audience = reader.list_field("audience");
    for (const std::string& audience : module.audience)
        if (!audiences.contains(audience))
            context.report(kManifest, line_of_value(*text, audience),
                           "audience '" + audience + "' is not one of leader, teacher, ect, support");
    module.topics = reader.list_field("topics");
    for (const std::string& topic : module.topics)
        if (!is_slug(topic))
            context.report(kManifest, line_of_value(*text, topic),
                           "topic '" + topic + "' must be lowercase letters, digits and single '-'");
    module.minutes = reader.minutes();
    module.hours = reader.hours();
    module.outcomes = reader.list_field("outcomes");
    return reader.pages();
}

} // namespace trellis::learning::content
