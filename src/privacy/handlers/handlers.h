#pragma once

#include "http/request_context.h"

// HTTP handlers for a person's own data: the download of everything held, and its erasure.
namespace trellis::privacy::handlers {

// GET /people/N/data.json: for the person themselves or their trust's administrator.
void personal_data_download(http::RequestContext& context);
// GET /people/N/erase: what erasing does, with the button. POST: erases.
void erase_show(http::RequestContext& context);
void erase_submit(http::RequestContext& context);

} // namespace trellis::privacy::handlers
