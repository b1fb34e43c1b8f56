#pragma once

#include "http/request_context.h"

namespace trellis::mentoring::handlers {

void mentoring_show(http::RequestContext& context); // GET /mentoring
void pair_create(http::RequestContext& context);    // POST /mentoring/pairs (a lead)
void coach_request(http::RequestContext& context);  // POST /mentoring/requests
void coach_give(http::RequestContext& context);     // POST /mentoring/pairs/N/coach (a lead)
void pair_show(http::RequestContext& context);      // GET /mentoring/pairs/N (the two people)
void meeting_create(http::RequestContext& context); // POST /mentoring/pairs/N/meetings
void pair_end(http::RequestContext& context);       // POST /mentoring/pairs/N/end
void steps_show(http::RequestContext& context);     // GET /mentoring/steps
void step_create(http::RequestContext& context);    // POST /mentoring/steps (a lead)

} // namespace trellis::mentoring::handlers
