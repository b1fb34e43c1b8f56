#pragma once

#include "http/request_context.h"

namespace trellis::record::handlers {

void record_show(http::RequestContext& context);  // GET /record?from=&to=
void record_csv(http::RequestContext& context);   // GET /record.csv
void record_pdf(http::RequestContext& context);   // GET /record.pdf?from=&to=
void entry_new(http::RequestContext& context);    // GET /record/new
void entry_create(http::RequestContext& context); // POST /record
void entry_edit(http::RequestContext& context);   // GET /record/entries/N/edit
void entry_update(http::RequestContext& context); // POST /record/entries/N/edit
void entry_delete(http::RequestContext& context); // POST /record/entries/N/delete

} // namespace trellis::record::handlers
