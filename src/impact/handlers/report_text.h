#pragma once

#include <string>

#include "impact/service.h"
#include "programmes/model.h"

namespace trellis::impact::handlers {

// The impact report as Markdown for the printable PDF: each level in words and figures, with the same
// small groups withheld as on the page.
std::string report_markdown(const programmes::Programme& programme, const Report& report);

} // namespace trellis::impact::handlers
