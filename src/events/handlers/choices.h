#pragma once

#include "http/request_context.h"

// Staff ranking their workshops, and the lead's view of demand while they do.
namespace trellis::events::handlers {

// GET /events/N/choices: the person's ranked choices and reserves.
void choices_show(http::RequestContext& context);
// POST /events/N/choices: replaces them, all at once.
void choices_save(http::RequestContext& context);
// GET /events/N/demand: demand per workshop and who has not chosen yet (filter ?school=ID).
void demand_show(http::RequestContext& context);
// POST /events/N/demand/remind: a notice to everyone who has not chosen.
void demand_remind(http::RequestContext& context);

} // namespace trellis::events::handlers
