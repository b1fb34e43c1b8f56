#pragma once

#include "http/request_context.h"

// HTTP handlers for the trust's schools: the administrator lists, adds and renames them, and sets
// the smallest group the trust's reports may show.
namespace trellis::organisations::handlers {

// GET /schools
void schools_list(http::RequestContext& context);
// POST /schools: a new school with its phase.
void school_create(http::RequestContext& context);
// POST /schools/smallest-group: the fewest people any of the trust's reports may describe.
void smallest_group_set(http::RequestContext& context);
// POST /schools/N: a new name for one of the trust's schools.
void school_rename(http::RequestContext& context);

} // namespace trellis::organisations::handlers
