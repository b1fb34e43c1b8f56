#pragma once

#include "http/request_context.h"

// Standing groups' pages: the person's groups and those a lead oversees, and a group's own page with
// its members, meetings, notes and resources.
namespace trellis::groups::handlers {

void groups_show(http::RequestContext& context);   // GET /groups
void group_start(http::RequestContext& context);   // POST /groups
void group_show(http::RequestContext& context);    // GET /groups/N
void members_add(http::RequestContext& context);   // POST /groups/N/members
void member_remove(http::RequestContext& context); // POST /groups/N/members/M/remove
void meeting_keep(http::RequestContext& context);  // POST /groups/N/meetings
void note_add(http::RequestContext& context);      // POST /groups/N/notes
void resource_add(http::RequestContext& context);  // POST /groups/N/resources

} // namespace trellis::groups::handlers
