#pragma once

#include "http/request_context.h"

namespace trellis::record::handlers {

void record_show(http::RequestContext& context); // GET /record?from=&to=

} // namespace trellis::record::handlers
