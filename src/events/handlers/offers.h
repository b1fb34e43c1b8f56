#pragma once

#include "http/request_context.h"

// HTTP handlers for a training day's call for offers, their quality assurance and workshop
// materials (steps 2, 3 and 10 of a training day).
namespace trellis::events::handlers {

// offers.cpp: the brief and the offer form, a presenter's offers, a workshop's page.
void call_show(http::RequestContext& context);
void offer_create(http::RequestContext& context);
void offers_mine(http::RequestContext& context);
void offer_show(http::RequestContext& context);
void offer_edit(http::RequestContext& context);
void offer_update(http::RequestContext& context);

// reviews.cpp: reviewers score and decide; the lead sees what the approved workshops cover.
void reviews_list(http::RequestContext& context);
void review_show(http::RequestContext& context);
void review_submit(http::RequestContext& context);
void coverage_show(http::RequestContext& context);

// materials.cpp: a presenter's slides and handouts.
void material_upload(http::RequestContext& context);
void material_delete(http::RequestContext& context);
void material_download(http::RequestContext& context);

} // namespace trellis::events::handlers
