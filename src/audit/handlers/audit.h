#pragma once

#include "http/request_context.h"

namespace trellis::audit::handlers {

// GET /audit: the trust's audit log for its administrators, newest first, a page at a time.
void audit_show(http::RequestContext& context);

} // namespace trellis::audit::handlers
