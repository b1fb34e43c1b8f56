#pragma once

#include "http/request_context.h"

// HTTP handlers for priorities: everyone reads them; trust PD leads keep the trust's, school PD leads
// their school's and which trust priorities the school takes on.
namespace trellis::priorities::handlers {

void priorities_list(http::RequestContext& context);  // GET /priorities
void priority_create(http::RequestContext& context);  // POST /priorities
void priority_edit(http::RequestContext& context);    // GET /priorities/N/edit
void priority_update(http::RequestContext& context);  // POST /priorities/N
void priorities_adopt(http::RequestContext& context); // POST /priorities/adopted

} // namespace trellis::priorities::handlers
