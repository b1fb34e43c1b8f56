#pragma once

#include "http/request_context.h"

// The lead allocating places: a background run with progress, its result, moves by hand, publishing.
namespace trellis::events::handlers {

// GET /events/N/allocation: the latest result, or the button that starts a run (?person= finds people to
// move).
void allocation_show(http::RequestContext& context);
// POST /events/N/allocation: starts a run in the background.
void allocation_start(http::RequestContext& context);
// GET /events/N/allocation/runs/R: progress while the run goes on.
void allocation_run_show(http::RequestContext& context);
// GET /events/N/allocation/runs/R/progress: the same as JSON for the page's script.
void allocation_progress(http::RequestContext& context);
// POST /events/N/allocation/move: a person to another session of the same slot.
void allocation_move(http::RequestContext& context);
// GET /events/N/allocation/publish: who publishing will tell and who it leaves out, with a button.
void allocation_publish_confirm(http::RequestContext& context);
// POST /events/N/allocation/publish: timetables out, a notice to everyone with a timetable.
void allocation_publish(http::RequestContext& context);

} // namespace trellis::events::handlers
