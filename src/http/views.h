#pragma once

#include <memory>
#include <string>

#include <mstch/mstch.hpp>

namespace trellis::http {

// Every mustache template under templates/, loaded and parsed once at start. Names are paths
// without the extension, e.g. "people/list"; those under partials/ can be included by any other as
// {{> partials/name}}. Pages build their data as mstch nodes; rendering parses nothing, since
// parsing each template on every view (as mstch::render does) was most of a page's rendering.
class Views {
  public:
    // Loads and parses the folder; throws std::runtime_error naming what is missing, unreadable or
    // not a valid template.
    explicit Views(const std::string& templates_dir);
    ~Views();
    Views(const Views&) = delete;
    Views& operator=(const Views&) = delete;

    // Renders one template with the data; {{x}} is HTML-escaped, {{{x}}} is not.
    std::string render(const std::string& name, const mstch::node& data) const;

    // Renders a page layout around an already rendered body. The layout's top-level {{{body}}}
    // is filled by joining strings, so a large body is not copied through the template engine.
    std::string render_around(const std::string& layout, const mstch::node& data,
                              const std::string& body) const;

  private:
    struct Parsed; // the parsed templates (views.cpp)
    std::unique_ptr<Parsed> m_parsed;
};

} // namespace trellis::http
