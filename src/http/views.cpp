#include "http/views.h"

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace trellis::http {

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

// Adds the partials `text` names, and the partials those name, to `into`.
void collect_partials(const std::string& text, const std::map<std::string, std::string>& texts,
                      std::map<std::string, std::string>& into) {
    static const std::regex include(R"(\{\{>\s*([A-Za-z0-9_/.-]+)\s*\}\})");
    for (std::sregex_iterator at(text.begin(), text.end(), include), end; at != end; ++at) {
        const std::string name = (*at)[1];
        auto found = texts.find(name);
        if (found == texts.end() || name.rfind("partials/", 0) != 0)
            throw std::runtime_error("template names a partial that does not exist: " + name);
        if (into.emplace(name, found->second).second)
            collect_partials(found->second, texts, into);
    }
}

} // namespace

Views::Views(const std::string& templates_dir) {
    if (!std::filesystem::is_directory(templates_dir))
        throw std::runtime_error("templates folder not found: " + templates_dir);
    const auto texts = read_templates(templates_dir);
    for (const auto& [name, text] : texts) {
        Template parsed{text, {}, "", ""};
        collect_partials(text, texts, parsed.partials);
        const std::string marker = "{{{body}}}";
        if (const auto at = text.find(marker); at != std::string::npos) {
            parsed.before_body = text.substr(0, at);
            parsed.after_body = text.substr(at + marker.size());
        }
        m_templates.emplace(name, std::move(parsed));
    }
    for (const char* required : {"layout/page", "errors/error"})
        if (!m_templates.count(required))
            throw std::runtime_error(std::string("template missing: ") + required + ".mustache");
}

std::string Views::render(const std::string& name, const mstch::node& data) const {
    auto found = m_templates.find(name);
    if (found == m_templates.end())
        throw std::runtime_error("no template named " + name);
    return mstch::render(found->second.text, data, found->second.partials);
}

std::string Views::render_around(const std::string& layout, const mstch::node& data,
                                 const std::string& body) const {
    auto found = m_templates.find(layout);
    if (found == m_templates.end() || found->second.before_body.empty())
        throw std::runtime_error("no layout named " + layout + " with a {{{body}}}");
    const Template& page = found->second;
    std::string html = mstch::render(page.before_body, data, page.partials);
    html += body;
    html += mstch::render(page.after_body, data, page.partials);
    return html;
}

} // namespace trellis::http
