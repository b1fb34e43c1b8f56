#pragma once

#include <optional>

#include "http/request_context.h"
#include "people/model.h"

// HTTP handlers for the people directory, a person's page, staff import and export.
namespace trellis::people::handlers {

// The person named by the route's first capture, in the caller's trust; otherwise renders 404 and
// returns nothing. It checks nothing else: the route's permission decides who may act on them.
std::optional<Person> person_in_route(http::RequestContext& context);

void people_list(http::RequestContext& context);
void person_show(http::RequestContext& context);
// The administrator's tools for one person: edit their details and role, record that they left.
void person_edit(http::RequestContext& context);
void person_update(http::RequestContext& context);
void person_leaver(http::RequestContext& context);
void people_export(http::RequestContext& context);
void import_new(http::RequestContext& context);
void import_preview(http::RequestContext& context);
void import_show(http::RequestContext& context);
void import_commit(http::RequestContext& context);
void import_progress(http::RequestContext& context);

} // namespace trellis::people::handlers
