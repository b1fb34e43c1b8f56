#pragma once

#include "http/request_context.h"

// The lead's schedule of an event's approved workshops in slots and rooms.
namespace trellis::events::handlers {

// GET /events/N/schedule: the grid of slots and rooms.
void schedule_show(http::RequestContext& context);
// POST /events/N/schedule: saves the grid as a whole.
void schedule_save(http::RequestContext& context);
// POST /events/N/schedule/suggest: the grid filled with a proposal, not yet saved.
void schedule_suggest(http::RequestContext& context);

} // namespace trellis::events::handlers
