#pragma once

#include <mstch/mstch.hpp>

#include "http/request_context.h"
#include "learning/service.h"

// HTTP handlers for online learning: the catalogue, taking a module, and what it leaves people.
namespace trellis::learning::handlers {

// catalogue.cpp
void catalogue_show(http::RequestContext& context);
void module_show(http::RequestContext& context);

// player.cpp
void module_continue(http::RequestContext& context);
void module_page(http::RequestContext& context);
void block_submit(http::RequestContext& context);
void transcript_show(http::RequestContext& context);
void media_show(http::RequestContext& context);

// documents.cpp
void resource_download(http::RequestContext& context);
void action_plan_download(http::RequestContext& context);
void certificate_show(http::RequestContext& context);
void certificate_download(http::RequestContext& context);
void certificate_badge(http::RequestContext& context);
void verify_show(http::RequestContext& context);
void verify_badge(http::RequestContext& context);
void my_learning(http::RequestContext& context);

// The person's certificates for a page's {{> partials/certificates}} section.
mstch::map certificates_section(http::RequestContext& context, const Learner& learner);

} // namespace trellis::learning::handlers
