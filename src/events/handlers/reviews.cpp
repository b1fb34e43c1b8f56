#include <algorithm>
#include <stdexcept>

#include "accounts/permissions.h"
#include "events/handlers/offer_views.h"
#include "events/handlers/offers.h"
#include "events/offers/offer_service.h"
#include "http/app.h"
#include "http/response.h"

namespace trellis::events::handlers {

namespace {

constexpr const char* kNotAReviewer =
    "Only the reviewers the trust PD lead chose for this training day can review its offers.";

// Offers still waiting for a decision come first, then those sent back, then the decided ones.
int review_order(OfferStatus status) {
    switch (status) {
    case OfferStatus::Submitted:
        return 0;
    case OfferStatus::ChangesRequested:
        return 1;
    case OfferStatus::Approved:
        return 2;
    case OfferStatus::Declined:
        return 3;
    }
    return 4;
}

const char* kScoreWords[] = {"", "Not yet", "Partly", "Mostly", "Strongly"};

mstch::array rubric_data(const std::vector<RubricCriterion>& rubric, const ReviewForm& form) {
    mstch::array criteria;
    for (const RubricCriterion& criterion : rubric) {
        auto sent = form.scores.find(criterion.key);
        mstch::array scores;
        for (int score = kLowestScore; score <= kHighestScore; ++score)
            scores.push_back(
                mstch::map{{"value", std::to_string(score)},
                           {"words", std::string(kScoreWords[score])},
                           {"checked", sent != form.scores.end() && sent->second == std::to_string(score)}});
        criteria.push_back(mstch::map{{"key", criterion.key},
                                      {"label", criterion.label},
                                      {"guidance", criterion.guidance},
                                      {"scores", scores}});
    }
    return criteria;
}

mstch::array decisions_data(const std::string& chosen) {
    mstch::array decisions;
    for (const Decision decision : {Decision::Approve, Decision::RequestChanges, Decision::Decline})
        decisions.push_back(mstch::map{{"value", text_of(decision)},
                                       {"label", label_of(decision)},
                                       {"checked", chosen == text_of(decision)}});
    return decisions;
}

void render_review(http::RequestContext& context, const Offer& offer, const EventLayout& layout,
                   const ReviewForm& form, const std::string& error, int status) {
    const auto rubric = rubric_for(layout);
    mstch::map data = offer_data(offer, layout);
    data["own_offer"] = offer.presenter_id == context.signed_in().person_id;
    data["criteria"] = rubric_data(rubric, form);
    data["decisions"] = decisions_data(form.decision);
    data["comment"] = form.comment;
    auto reviews = reviews_data(context.app.offers.reviews_of(offer.trust_id, offer.id), rubric);
    data["has_reviews"] = !reviews.empty();
    data["reviews"] = reviews;
    if (!error.empty())
        data["error"] = error;
    http::render_page(context, "events/review_form", "Review: " + offer.title, data, status);
}

// The offer and its event when the caller may review it; otherwise renders 404 or 403.
std::optional<std::pair<Offer, EventLayout>> reviewable_offer(http::RequestContext& context) {
    auto offer = offer_or_404(context);
    if (!offer)
        return std::nullopt;
    if (!may_review_event(context, offer->event_id)) {
        http::render_error(context, 403, kNotAReviewer);
        return std::nullopt;
    }
    auto layout = event_of_offer(context, *offer);
    if (!layout)
        return std::nullopt;
    return std::pair{*offer, *layout};
}

mstch::array coverage_lines(const std::vector<Coverage::Line>& lines, mstch::array& warnings,
                            const std::string& kind) {
    mstch::array rows;
    for (const Coverage::Line& line : lines) {
        rows.push_back(mstch::map{{"label", line.label},
                                  {"approved", std::to_string(line.approved)},
                                  {"none", line.approved == 0}});
        if (line.approved == 0)
            warnings.push_back(
                mstch::map{{"text", kind + " “" + line.label + "” has no approved workshop yet."}});
    }
    return rows;
}

} // namespace

void reviews_list(http::RequestContext& context) {
    auto layout = event_in_route(context);
    if (!layout)
        return;
    if (!may_review_event(context, layout->event.id))
        return http::render_error(context, 403, kNotAReviewer);
    auto offers = context.app.offers.offers_of_event(layout->event.trust_id, layout->event.id);
    std::stable_sort(offers.begin(), offers.end(), [](const Offer& a, const Offer& b) {
        return review_order(a.status) < review_order(b.status);
    });
    mstch::array rows;
    int waiting = 0;
    for (const Offer& offer : offers) {
        mstch::map row = offer_data(offer, *layout);
        row["own_offer"] = offer.presenter_id == context.signed_in().person_id;
        row["waiting"] = offer.status == OfferStatus::Submitted;
        waiting += offer.status == OfferStatus::Submitted ? 1 : 0;
        rows.push_back(row);
    }
    http::render_page(context, "events/review_list", "Review offers: " + layout->event.title,
                      mstch::map{{"event_id", std::to_string(layout->event.id)},
                                 {"event_title", layout->event.title},
                                 {"offers", rows},
                                 {"any", !rows.empty()},
                                 {"count", std::to_string(rows.size())},
                                 {"waiting", std::to_string(waiting)},
                                 {"can_see_coverage", accounts::allows(context.signed_in(),
                                                                       accounts::Permission::ManageEvents)}});
}

void review_show(http::RequestContext& context) {
    if (auto found = reviewable_offer(context))
        render_review(context, found->first, found->second, ReviewForm{}, "", 200);
}

void review_submit(http::RequestContext& context) {
    auto found = reviewable_offer(context);
    if (!found)
        return;
    const auto& [offer, layout] = *found;
    ReviewForm form;
    for (const RubricCriterion& criterion : rubric_for(layout))
        form.scores[criterion.key] = context.form("score_" + criterion.key);
    form.comment = context.form("comment");
    form.decision = context.form("decision");
    try {
        context.app.offers.review(context.signed_in(), layout, offer, form);
        http::redirect(context, "/events/" + std::to_string(layout.event.id) + "/reviews");
    } catch (const std::invalid_argument& problem) {
        render_review(context, offer, layout, form, problem.what(), 400);
    }
}

void coverage_show(http::RequestContext& context) {
    auto layout = event_in_route(context);
    if (!layout)
        return;
    const Coverage coverage = context.app.offers.coverage(*layout);
    mstch::array warnings;
    mstch::array priorities = coverage_lines(coverage.priorities, warnings, "Priority");
    mstch::array groups = coverage_lines(coverage.groups, warnings, "Staff group");
    http::render_page(context, "events/offer_coverage", "What the workshops cover: " + layout->event.title,
                      mstch::map{{"event_id", std::to_string(layout->event.id)},
                                 {"event_title", layout->event.title},
                                 {"approved", std::to_string(coverage.approved)},
                                 {"waiting", std::to_string(coverage.waiting)},
                                 {"priorities", priorities},
                                 {"groups", groups},
                                 {"warnings", warnings},
                                 {"has_warnings", !warnings.empty()}});
}

} // namespace trellis::events::handlers
