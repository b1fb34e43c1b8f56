#pragma once

#include <optional>

#include <mstch/mstch.hpp>

#include "events/model.h"
#include "http/request_context.h"

// HTTP handlers for training days themselves: the list, creating and editing one, its overview,
// moving it from stage to stage and choosing its reviewers.
namespace trellis::events::handlers {

void events_list(http::RequestContext& context);
void event_new(http::RequestContext& context);
void event_create(http::RequestContext& context);
void event_show(http::RequestContext& context);
void event_edit(http::RequestContext& context);
void event_update(http::RequestContext& context);
void event_stage_update(http::RequestContext& context);
void event_reviewers_update(http::RequestContext& context);

// For a lead's home page: each training day still under way (not yet a month past) with the stage
// it waits in and what that stage has come to; empty for anyone who does not manage events.
mstch::array training_days_needing_attention(http::RequestContext& context);

// The event named by the route's first capture, in the signed-in person's trust; a draft only for
// those who manage events. When there is none, answers 404 and returns nothing, so another trust's
// ids, and drafts, look like ids that do not exist.
std::optional<EventLayout> event_in_route(http::RequestContext& context);

} // namespace trellis::events::handlers
