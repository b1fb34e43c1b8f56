#pragma once

#include "http/request_context.h"

// A programme's impact over HTTP: /programmes/N/impact (the page), its plan, pupil outcomes, and the
// printable report for trustees and governors (/programmes/N/impact.pdf). For the programme's lead.
namespace trellis::impact::handlers {

void impact_show(http::RequestContext& context);
void plan_save(http::RequestContext& context);
void outcome_save(http::RequestContext& context);
void outcome_delete(http::RequestContext& context);
void impact_pdf(http::RequestContext& context);

} // namespace trellis::impact::handlers
