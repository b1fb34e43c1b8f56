#pragma once

#include <map>
#include <string>

#include <mstch/mstch.hpp>

namespace trellis::http {

// Every mustache template under templates/, loaded once at start. Names are paths without the
// extension, e.g. "people/list"; those under partials/ can be included by any other as
// {{> partials/name}}. mstch parses the partials it is given on every render, so only those are.
class Views {
  public:
    // Loads the folder; throws std::runtime_error naming what is missing or unreadable.
    explicit Views(const std::string& templates_dir);

    // Renders one template with the data; {{x}} is HTML-escaped, {{{x}}} is not.
    std::string render(const std::string& name, const mstch::node& data) const;

  private:
    std::map<std::string, std::string> m_templates;
    std::map<std::string, std::string> m_partials;
};

} // namespace trellis::http
