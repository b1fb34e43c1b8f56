#pragma once

#include "http/request_context.h"

namespace trellis::expertise::handlers {

void directory_show(http::RequestContext& context);   // GET /expertise (search)
void entry_show(http::RequestContext& context);       // GET /expertise/mine (entry, work, requests)
void entry_save(http::RequestContext& context);       // POST /expertise/mine
void entry_leave(http::RequestContext& context);      // POST /expertise/mine/leave
void help_ask(http::RequestContext& context);         // POST /expertise/people/N/ask
void request_answered(http::RequestContext& context); // POST /expertise/requests/N/answered

} // namespace trellis::expertise::handlers
