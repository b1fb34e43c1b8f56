#pragma once

#include "http/request_context.h"

// Training days after the day: the survey for those who attended, and its results for presenters
// (their own workshops) and the trust PD lead (everything, with charts).
namespace trellis::events::handlers {

void feedback_show(http::RequestContext& context);   // GET /events/N/feedback
void feedback_submit(http::RequestContext& context); // POST /events/N/feedback
void results_show(http::RequestContext& context);    // GET /events/N/results

} // namespace trellis::events::handlers
