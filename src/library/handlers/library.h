#pragma once

#include "http/request_context.h"

// The trust's library: search, an item's page, and the lead's adding, tagging and removing.
namespace trellis::library::handlers {

// GET /library: the search form and what it finds (?q= words, ?priority= ?phase= ?group= ?mechanism=).
void library_search(http::RequestContext& context);
// GET /materials: the old address of workshop materials, now the library.
void materials_moved(http::RequestContext& context);
// GET /library/{id}: the item, its tags and where it is used; the lead's form to change it.
void item_show(http::RequestContext& context);
// GET /library/{id}/download: an added file, as an attachment.
void item_download(http::RequestContext& context);
// GET /library/new and POST /library: a lead adds a file or a link.
void item_new(http::RequestContext& context);
void item_create(http::RequestContext& context);
// POST /library/{id}: a lead changes the title, description, link or tags.
void item_update(http::RequestContext& context);
// POST /library/{id}/delete: a lead removes a file or link they added.
void item_delete(http::RequestContext& context);

} // namespace trellis::library::handlers
