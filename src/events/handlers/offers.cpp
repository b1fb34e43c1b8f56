#include "events/handlers/offers.h"

#include <map>
#include <stdexcept>

#include "accounts/permissions.h"
#include "events/handlers/offer_views.h"
#include "events/offers/offer_service.h"
#include "http/app.h"
#include "http/response.h"
#include "library/handlers/views.h"

namespace trellis::events::handlers {

namespace {

mstch::map brief_data(const EventLayout& layout) {
    const Event& event = layout.event;
    mstch::array priorities;
    for (const Priority& priority : layout.priorities)
        priorities.push_back(mstch::map{{"title", priority.title}});
    auto or_none = [](const std::string& text) { return text.empty() ? std::string("Not set yet") : text; };
    return mstch::map{{"id", std::to_string(event.id)},
                      {"title", event.title},
                      {"date", long_date(event.event_date)},
                      {"venue", event.venue},
                      {"offers_close", long_date(event.offers_close)},
                      {"purpose", or_none(event.brief_purpose)},
                      {"audiences", or_none(event.brief_audiences)},
                      {"format", or_none(event.brief_format)},
                      {"length", or_none(event.brief_length)},
                      {"quality", or_none(event.brief_quality)},
                      {"priorities", priorities}};
}

// Why this person cannot offer a workshop to the event now ("" when they can).
std::string closed_reason(const accounts::Actor& actor, const EventLayout& layout) {
    if (layout.event.stage != Stage::Offers)
        return "The call for offers has closed: the event is now at the stage \"" +
               label_of(layout.event.stage) + "\".";
    if (!takes_part(layout.event, actor.staff_group, actor.school_id))
        return "Your school or staff group is not taking part in this event, so you cannot offer a "
               "workshop to it.";
    return "";
}

// The call for offers page (a new offer) or the edit page of an offer (`offer` given).
void render_form(http::RequestContext& context, const EventLayout& layout, const OfferForm& form,
                 const Offer* offer, const std::string& error, int status) {
    mstch::map data = offer_form_data(layout, form);
    data["event"] = brief_data(layout);
    if (!error.empty())
        data["error"] = error;
    if (offer) {
        data["editing"] = true;
        data["action"] = "/offers/" + std::to_string(offer->id);
        data["offer_id"] = std::to_string(offer->id);
        data["open"] = true;
        auto reviews =
            reviews_data(context.app.offers.reviews_of(offer->trust_id, offer->id), rubric_for(layout));
        data["has_reviews"] = !reviews.empty();
        data["reviews"] = reviews;
        return http::render_page(context, "events/offer_form", "Change your offer: " + offer->title, data,
                                 status);
    }
    const std::string reason = closed_reason(context.signed_in(), layout);
    data["open"] = reason.empty();
    data["closed_reason"] = reason;
    data["action"] = "/events/" + std::to_string(layout.event.id) + "/offers";
    http::render_page(context, "events/offer_form", "Call for workshops: " + layout.event.title, data,
                      status);
}

// The offer when the caller is its presenter; otherwise renders 404 (cannot see it) or 403.
std::optional<Offer> own_offer(http::RequestContext& context) {
    auto offer = offer_or_404(context);
    if (!offer)
        return std::nullopt;
    const accounts::Actor& actor = context.signed_in();
    if (accounts::may_edit_offer(actor, offer->presenter_id))
        return offer;
    const bool visible =
        accounts::may_view_offer(actor, offer->presenter_id, offer->status == OfferStatus::Approved,
                                 may_review_event(context, offer->event_id));
    if (visible)
        http::render_error(context, 403, "Only the person who offered this workshop can change it.");
    else
        http::render_error(context, 404, "There is no such workshop offer.");
    return std::nullopt;
}

} // namespace

void call_show(http::RequestContext& context) {
    auto layout = event_in_route(context);
    if (!layout)
        return;
    OfferForm blank;
    blank.max_group = "30";
    render_form(context, *layout, blank, nullptr, "", 200);
}

void offer_create(http::RequestContext& context) {
    auto layout = event_in_route(context);
    if (!layout)
        return;
    const OfferForm form = offer_form_from(context);
    try {
        const long long id = context.app.offers.submit(context.signed_in(), *layout, form);
        http::redirect(context, "/offers/" + std::to_string(id) + "?sent=1");
    } catch (const std::invalid_argument& problem) {
        render_form(context, *layout, form, nullptr, problem.what(), 400);
    }
}

void offers_mine(http::RequestContext& context) {
    const accounts::Actor& actor = context.signed_in();
    // Reached from an event's page (/events/N/offers/mine), only that event's offers are listed.
    std::optional<EventLayout> only_event;
    if (!context.capture(1).empty() && !(only_event = event_in_route(context)))
        return;
    std::map<long long, std::optional<EventLayout>> layouts;
    mstch::array offers;
    for (const Offer& offer : context.app.offers.offers_of_presenter(actor.trust_id, actor.person_id)) {
        if (only_event && offer.event_id != only_event->event.id)
            continue;
        auto [found, added] = layouts.try_emplace(offer.event_id);
        if (added)
            found->second = context.app.events.layout(actor.trust_id, offer.event_id);
        if (!found->second)
            continue;
        mstch::map row = offer_data(offer, *found->second);
        const bool needs_changes = offer.status == OfferStatus::ChangesRequested;
        row["needs_changes"] = needs_changes;
        row["can_edit"] = needs_changes || offer.status == OfferStatus::Submitted;
        if (needs_changes || offer.status == OfferStatus::Declined) {
            // The comments of the reviews that asked for this outcome are what the presenter acts on.
            auto reviews = context.app.offers.reviews_of(actor.trust_id, offer.id);
            std::erase_if(
                reviews, [&](const Review& review) { return status_after(review.decision) != offer.status; });
            row["has_reviews"] = !reviews.empty();
            row["reviews"] = reviews_data(reviews, rubric_for(*found->second));
        }
        offers.push_back(row);
    }
    mstch::array open_events;
    for (const Event& event : context.app.events.events_for(actor))
        if (event.stage == Stage::Offers)
            open_events.push_back(mstch::map{{"id", std::to_string(event.id)}, {"title", event.title}});
    http::render_page(context, "events/offer_mine", "My workshop offers",
                      mstch::map{{"offers", offers},
                                 {"any", !offers.empty()},
                                 {"open_events", open_events},
                                 {"any_open", !open_events.empty()}});
}

void render_offer_page(http::RequestContext& context, const Offer& offer, const EventLayout& layout,
                       const std::string& upload_error, int status) {
    const accounts::Actor& actor = context.signed_in();
    const bool reviewer = may_review_event(context, offer.event_id);
    const bool presenter = accounts::may_edit_offer(actor, offer.presenter_id);
    const bool manage = accounts::may_manage_materials(actor, offer.presenter_id);
    mstch::map data = offer_data(offer, layout);
    data["sent"] = context.query("sent") == "1" && presenter;
    data["is_presenter"] = presenter;
    data["can_edit"] = presenter && (offer.status == OfferStatus::Submitted ||
                                     offer.status == OfferStatus::ChangesRequested);
    data["can_review"] = reviewer && !presenter;
    if (presenter || reviewer) {
        auto reviews =
            reviews_data(context.app.offers.reviews_of(offer.trust_id, offer.id), rubric_for(layout));
        data["has_reviews"] = !reviews.empty();
        data["reviews"] = reviews;
        data["show_reviews"] = true;
    }
    const auto materials = library::handlers::material_rows(
        context.app.materials.of(offer.trust_id, {library::OwnerKind::Offer, offer.id}), "/materials");
    data["materials"] = materials;
    data["has_materials"] = !materials.empty();
    data["can_delete"] = manage;
    data["can_upload"] = manage;
    data["upload_action"] = "/offers/" + std::to_string(offer.id) + "/materials";
    data["upload_hint"] =
        std::string("Everyone in the trust can download the materials of an approved workshop.");
    if (!upload_error.empty())
        data["upload_error"] = upload_error;
    http::render_page(context, "events/offer_show", offer.title, data, status);
}

void offer_show(http::RequestContext& context) {
    auto offer = offer_or_404(context);
    if (!offer)
        return;
    const bool visible = accounts::may_view_offer(context.signed_in(), offer->presenter_id,
                                                  offer->status == OfferStatus::Approved,
                                                  may_review_event(context, offer->event_id));
    if (!visible)
        return http::render_error(context, 404, "There is no such workshop offer.");
    if (auto layout = event_of_offer(context, *offer))
        render_offer_page(context, *offer, *layout);
}

void offer_edit(http::RequestContext& context) {
    auto offer = own_offer(context);
    if (!offer)
        return;
    auto layout = event_of_offer(context, *offer);
    if (!layout)
        return;
    if (offer->status == OfferStatus::Approved || offer->status == OfferStatus::Declined)
        return http::render_error(context, 400,
                                  "This offer is already decided (" + label_of(offer->status) +
                                      "), so it can no longer be changed. Ask the trust PD lead if it must.");
    render_form(context, *layout, form_of(*offer), &*offer, "", 200);
}

void offer_update(http::RequestContext& context) {
    auto offer = own_offer(context);
    if (!offer)
        return;
    auto layout = event_of_offer(context, *offer);
    if (!layout)
        return;
    const OfferForm form = offer_form_from(context);
    try {
        context.app.offers.resubmit(context.signed_in(), *layout, *offer, form);
        http::redirect(context, "/offers/" + std::to_string(offer->id) + "?sent=1");
    } catch (const std::invalid_argument& problem) {
        render_form(context, *layout, form, &*offer, problem.what(), 400);
    }
}

} // namespace trellis::events::handlers
