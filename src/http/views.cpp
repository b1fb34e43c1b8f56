#include "http/views.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <unordered_set>

#include <kainjow/mustache.hpp>

#include "text/html.h"

namespace trellis::http {

namespace mustache = kainjow::mustache;

namespace {

std::map<std::string, std::string> read_templates(const std::string& templates_dir) {
    namespace fs = std::filesystem;
    std::map<std::string, std::string> texts;
    for (const auto& entry : fs::recursive_directory_iterator(templates_dir)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".mustache")
            continue;
        std::ifstream file(entry.path());
        std::stringstream text;
        text << file.rdbuf();
        texts[fs::relative(entry.path(), templates_dir).replace_extension().generic_string()] = text.str();
    }
    return texts;
}

// The text with each {{> partials/name}} replaced by that partial, itself with its partials in
// place: the engine would otherwise parse a partial each time it is reached, once per item in a list.
std::string with_partials(const std::string& text, const std::map<std::string, std::string>& texts,
                          int depth = 0) {
    static const std::regex include(R"(\{\{>\s*([A-Za-z0-9_/.-]+)\s*\}\})");
    if (depth > 16)
        throw std::runtime_error("templates include each other without end");
    std::string whole;
    std::size_t copied = 0;
    for (std::sregex_iterator at(text.begin(), text.end(), include), end; at != end; ++at) {
        const std::string name = (*at)[1];
        auto found = texts.find(name);
        if (found == texts.end() || name.rfind("partials/", 0) != 0)
            throw std::runtime_error("template names a partial that does not exist: " + name);
        whole += text.substr(copied, static_cast<std::size_t>(at->position()) - copied);
        std::string partial = with_partials(found->second, texts, depth + 1);
        if (!partial.empty() && partial.back() == '\n') // the file's last line ends where the tag stood
            partial.pop_back();
        whole += partial;
        copied = static_cast<std::size_t>(at->position() + at->length());
    }
    return whole + text.substr(copied);
}

// Every name some template opens as a section, {{#name}} or {{^name}}; for {{#item.name}}, "name".
std::unordered_set<std::string> section_names(const std::map<std::string, std::string>& texts) {
    static const std::regex section(R"(\{\{\s*[#^]\s*([^}\s]+)\s*\}\})");
    std::unordered_set<std::string> names;
    for (const auto& [name, text] : texts)
        for (std::sregex_iterator at(text.begin(), text.end(), section), end; at != end; ++at) {
            const std::string opened = (*at)[1];
            names.insert(opened.substr(opened.rfind('.') + 1));
        }
    return names;
}

mustache::mustache parsed(const std::string& name, const std::string& text) {
    mustache::mustache parsed_text(text);
    if (!parsed_text.is_valid())
        throw std::runtime_error("template " + name + " is not valid: " + parsed_text.error_message());
    // Escaped as the pages and their tests have always had it, '/' included.
    parsed_text.set_custom_escape([](const std::string& text) { return text::escape_html(text, true); });
    return parsed_text;
}

// The engine's set and push_back copy what they are given, and a page's data nests four or five
// levels deep (a list of items, each with a list of tags): each level copied everything under it
// again, a fifth of the library page's time. A placeholder goes in and the value is moved into its
// place. The engine gives only const access to what it holds, but what it holds is not const.
void put(mustache::data& object, const std::string& key, mustache::data value) {
    object.set(key, mustache::data(false));
    *const_cast<mustache::data*>(object.get(key)) = std::move(value);
}

void append(mustache::data& list, mustache::data value) {
    list.push_back(mustache::data(false));
    const_cast<mustache::data&>(list.list_value().back()) = std::move(value);
}

// A page's data in the engine's form, read as mustache reads it: an empty text is false, and so is
// a number 0 under a name used as a section (elsewhere a number is printed).
struct ToData : boost::static_visitor<mustache::data> {
    const std::unordered_set<std::string>& sections;
    bool is_condition = false;

    ToData(const std::unordered_set<std::string>& section_names, bool condition)
        : sections(section_names), is_condition(condition) {}

    mustache::data operator()(std::nullptr_t) const { return mustache::data(false); }
    mustache::data operator()(const std::string& text) const {
        return text.empty() ? mustache::data(false) : mustache::data(text);
    }
    mustache::data operator()(int number) const {
        return number == 0 && is_condition ? mustache::data(false) : mustache::data(std::to_string(number));
    }
    mustache::data operator()(double number) const {
        if (number == 0 && is_condition)
            return mustache::data(false);
        std::ostringstream text;
        text << number;
        return mustache::data(text.str());
    }
    mustache::data operator()(bool value) const { return mustache::data(value); }
    mustache::data operator()(const mstch::map& map) const {
        mustache::data object(mustache::data::type::object);
        for (const auto& [key, value] : map)
            put(object, key, boost::apply_visitor(ToData(sections, sections.count(key) > 0), value));
        return object;
    }
    mustache::data operator()(const mstch::array& items) const {
        mustache::data list(mustache::data::type::list);
        for (const mstch::node& item : items)
            append(list, boost::apply_visitor(*this, item));
        return list;
    }
    template <typename Unused> mustache::data operator()(const Unused&) const {
        throw std::logic_error("pages give templates text, numbers, lists and maps, not lambdas or objects");
    }
};

} // namespace

// Rendering shares these between the server's threads. The engine's render writes to a template
// only to keep an error from a partial or a lambda; partials are in place from the start and page
// data holds no lambdas, so nothing is written while pages render.
struct Views::Parsed {
    std::map<std::string, mustache::mustache> templates;
    struct Layout {
        mustache::mustache before_body, after_body;
    };
    std::map<std::string, Layout> layouts;
    std::unordered_set<std::string> sections;

    mustache::data data_of(const mstch::node& node) const {
        return boost::apply_visitor(ToData(sections, false), node);
    }
};

Views::Views(const std::string& templates_dir) : m_parsed(std::make_unique<Parsed>()) {
    if (!std::filesystem::is_directory(templates_dir))
        throw std::runtime_error("templates folder not found: " + templates_dir);
    const auto texts = read_templates(templates_dir);
    m_parsed->sections = section_names(texts);
    for (const auto& [name, text] : texts) {
        const std::string whole = with_partials(text, texts);
        m_parsed->templates.emplace(name, parsed(name, whole));
        const std::string marker = "{{{body}}}";
        if (const auto at = whole.find(marker); at != std::string::npos)
            m_parsed->layouts.emplace(name, Parsed::Layout{parsed(name, whole.substr(0, at)),
                                                           parsed(name, whole.substr(at + marker.size()))});
    }
    for (const char* required : {"layout/page", "errors/error"})
        if (!m_parsed->templates.count(required))
            throw std::runtime_error(std::string("template missing: ") + required + ".mustache");
}

Views::~Views() = default;

std::string Views::render(const std::string& name, const mstch::node& data) const {
    auto found = m_parsed->templates.find(name);
    if (found == m_parsed->templates.end())
        throw std::runtime_error("no template named " + name);
    return found->second.render(m_parsed->data_of(data));
}

std::string Views::render_around(const std::string& layout, const mstch::node& data,
                                 const std::string& body) const {
    auto found = m_parsed->layouts.find(layout);
    if (found == m_parsed->layouts.end())
        throw std::runtime_error("no layout named " + layout + " with a {{{body}}}");
    const mustache::data converted = m_parsed->data_of(data);
    std::string html = found->second.before_body.render(converted);
    html += body;
    html += found->second.after_body.render(converted);
    return html;
}

} // namespace trellis::http
