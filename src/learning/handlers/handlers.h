#pragma once

#include "http/request_context.h"

// HTTP handlers for the catalogue of learning modules.
namespace trellis::learning::handlers {

void catalogue_show(http::RequestContext& context);
void module_show(http::RequestContext& context);

} // namespace trellis::learning::handlers
