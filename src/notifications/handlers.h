#pragma once

#include "http/request_context.h"

namespace trellis::notifications::handlers {

// POST /notices/N/dismiss: hides one of the person's notices and goes back home.
void notice_dismiss(http::RequestContext& context);

} // namespace trellis::notifications::handlers
