#pragma once

#include <optional>
#include <string>
#include <vector>

#include <mstch/mstch.hpp>

#include "events/handlers/events.h"
#include "events/model.h"
#include "events/offers/offer_model.h"
#include "http/request_context.h"

// What the offer, review and material pages share: finding rows in the caller's trust and turning
// offers into template data.
namespace trellis::events::handlers {

// The offer of the route's first capture in the caller's trust; otherwise renders 404.
std::optional<Offer> offer_or_404(http::RequestContext& context);
// The offer's event, laid out; otherwise renders 404.
std::optional<EventLayout> event_of_offer(http::RequestContext& context, const Offer& offer);
// True when the caller may review this event's offers (accounts::may_review_offers).
bool may_review_event(http::RequestContext& context, long long event_id);

// "Teachers, Support staff"
std::string audience_label(const std::vector<people::StaffGroup>& audience);
std::string priority_title(const EventLayout& layout, long long priority_id);
// The fields of an offer as people read them, with its event and status.
mstch::map offer_data(const Offer& offer, const EventLayout& layout);
// The reviews of an offer with their scores against the rubric.
mstch::array reviews_data(const std::vector<Review>& reviews, const std::vector<RubricCriterion>& rubric);
// The offer form's fields as typed, with the event's groups, phases and priorities to choose from.
mstch::map offer_form_data(const EventLayout& layout, const OfferForm& form);
// The offer form as the presenter filled it in.
OfferForm offer_form_from(const http::RequestContext& context);

// The workshop's page (offers.cpp), with a message about a failed upload when there is one.
void render_offer_page(http::RequestContext& context, const Offer& offer, const EventLayout& layout,
                       const std::string& upload_error = "", int status = 200);

} // namespace trellis::events::handlers
