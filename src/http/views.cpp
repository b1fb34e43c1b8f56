#include "http/views.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace trellis::http {

Views::Views(const std::string& templates_dir) {
    namespace fs = std::filesystem;
    if (!fs::is_directory(templates_dir))
        throw std::runtime_error("templates folder not found: " + templates_dir);
    for (const auto& entry : fs::recursive_directory_iterator(templates_dir)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".mustache")
            continue;
        std::ifstream file(entry.path());
        std::stringstream text;
        text << file.rdbuf();
        std::string name = fs::relative(entry.path(), templates_dir).replace_extension().generic_string();
        m_templates[name] = text.str();
        if (name.rfind("partials/", 0) == 0)
            m_partials[name] = m_templates[name];
    }
    for (const char* required : {"layout/page", "errors/error"})
        if (!m_templates.count(required))
            throw std::runtime_error(std::string("template missing: ") + required + ".mustache");
}

std::string Views::render(const std::string& name, const mstch::node& data) const {
    auto found = m_templates.find(name);
    if (found == m_templates.end())
        throw std::runtime_error("no template named " + name);
    return mstch::render(found->second, data, m_partials);
}

} // namespace trellis::http
