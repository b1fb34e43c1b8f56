#pragma once

#include <string>
#include <vector>

#include <mstch/mstch.hpp>

#include "attendance/model.h"
#include "http/request_context.h"

// One register page for every kind of session (templates/attendance/register.mustache).
namespace trellis::attendance::handlers {

// The register's template data: the people ticked as recorded, their count, the present count,
// and where the form posts. Callers add the breadcrumbs, title, "lead" line and anything else.
mstch::map register_view(const std::vector<RegisterEntry>& entries, const std::string& action, bool saved);

// The ids of the people ticked present on a submitted register form.
std::vector<long long> ticked_ids(const http::RequestContext& context);

} // namespace trellis::attendance::handlers
