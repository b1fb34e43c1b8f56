#pragma once

#include "http/request_context.h"

namespace trellis::observations::handlers {

void observations_show(http::RequestContext& context); // GET /observations
void invite(http::RequestContext& context);            // POST /observations
void observation_show(http::RequestContext& context);  // GET /observations/N (the two people)
void note_write(http::RequestContext& context);        // POST /observations/N/note (the observer)
void decline(http::RequestContext& context);           // POST /observations/N/decline (the observer)

} // namespace trellis::observations::handlers
