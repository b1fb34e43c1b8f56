#pragma once

#include <map>
#include <string>

#include <mstch/mstch.hpp>

namespace trellis::http {

// Every mustache template under templates/, loaded once at start. Names are paths without the
// extension, e.g. "people/list"; those under partials/ can be included by any other as
// {{> partials/name}}. mstch parses every partial it is given on every render, so each template is
// given only the partials it names.
class Views {
  public:
    // Loads the folder; throws std::runtime_error naming what is missing or unreadable.
    explicit Views(const std::string& templates_dir);

    // Renders one template with the data; {{x}} is HTML-escaped, {{{x}}} is not.
    std::string render(const std::string& name, const mstch::node& data) const;

    // Renders a page layout around an already rendered body. The layout's top-level {{{body}}}
    // is filled by joining strings, so a large body is not copied through the template engine.
    std::string render_around(const std::string& layout, const mstch::node& data,
                              const std::string& body) const;

  private:
    struct Template {
        std::string text;
        std::map<std::string, std::string> partials; // the partials it names, transitively
        std::string before_body, after_body;         // for layouts: the text around {{{body}}}
    };
    std::map<std::string, Template> m_templates;
};

} // namespace trellis::http
