#pragma once

#include "http/request_context.h"

// The catalogue of an event's workshops, with guidance on choosing.
namespace trellis::events::handlers {

// GET /events/N/workshops: the workshops open to the person, filtered, with suggestions.
void catalogue_show(http::RequestContext& context);
// GET /events/N/workshops/M: one workshop: who it is for, what people take away, when and where.
void workshop_show(http::RequestContext& context);

} // namespace trellis::events::handlers
