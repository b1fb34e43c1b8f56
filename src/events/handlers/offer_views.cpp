#include "events/handlers/offer_views.h"

#include <algorithm>
#include <ctime>

#include "accounts/permissions.h"
#include "http/app.h"
#include "http/response.h"
#include "text/dates.h"

namespace trellis::events::handlers {

namespace {

constexpr std::pair<const char*, const char*> kPhases[] = {
    {"", "Any phase"},      {"primary", "Primary"},         {"secondary", "Secondary"},
    {"special", "Special"}, {"all-through", "All-through"},
};

std::string phase_label(const std::string& phase) {
    for (const auto& [value, label] : kPhases)
        if (phase == value)
            return label;
    return phase;
}

} // namespace

std::optional<Offer> offer_or_404(http::RequestContext& context) {
    const auto id = context.id_capture(1);
    auto offer = id ? context.app.offers.find(context.signed_in().trust_id, *id) : std::nullopt;
    if (!offer)
        http::render_error(context, 404, "There is no such workshop offer.");
    return offer;
}

std::optional<EventLayout> event_of_offer(http::RequestContext& context, const Offer& offer) {
    auto layout = context.app.events.layout(offer.trust_id, offer.event_id);
    if (!layout)
        http::render_error(context, 404, "There is no such training day.");
    return layout;
}

bool may_review_event(http::RequestContext& context, long long event_id) {
    const accounts::Actor& actor = context.signed_in();
    return accounts::may_review_offers(
        actor, context.app.events.is_reviewer(actor.trust_id, event_id, actor.person_id));
}

std::string audience_label(const std::vector<people::StaffGroup>& audience) {
    std::string text;
    for (const auto group : audience)
        text += (text.empty() ? "" : ", ") + people::label_of(group);
    return text.empty() ? "Everyone" : text;
}

std::string priority_title(const EventLayout& layout, long long priority_id) {
    for (const Priority& priority : layout.priorities)
        if (priority.id == priority_id)
            return priority.title;
    return "None named";
}

mstch::map offer_data(const Offer& offer, const EventLayout& layout) {
    return mstch::map{
        {"id", std::to_string(offer.id)},
        {"title", offer.title},
        {"summary", offer.summary},
        {"presenter", offer.presenter_name},
        {"audience", audience_label(offer.audience)},
        {"phase", phase_label(offer.phase)},
        {"outcomes", offer.outcomes},
        {"priority", priority_title(layout, offer.priority_id)},
        {"max_group", std::to_string(offer.max_group)},
        {"room_needs", offer.room_needs.empty() ? std::string("Nothing special") : offer.room_needs},
        {"can_repeat", std::string(offer.can_repeat ? "Yes" : "No, once only")},
        {"status", label_of(offer.status)},
        {"status_class", text_of(offer.status)},
        {"updated", text::day_of(offer.updated_at)},
        {"event_id", std::to_string(layout.event.id)},
        {"event_title", layout.event.title},
        {"event_date", long_date(layout.event.event_date)}};
}

mstch::array reviews_data(const std::vector<Review>& reviews, const std::vector<RubricCriterion>& rubric) {
    mstch::array rows;
    for (const Review& review : reviews) {
        mstch::array scores;
        for (const RubricCriterion& criterion : rubric) {
            auto score = review.scores.find(criterion.key);
            scores.push_back(mstch::map{
                {"label", criterion.label},
                {"score", score == review.scores.end() ? std::string("—") : std::to_string(score->second)}});
        }
        rows.push_back(mstch::map{{"reviewer", review.reviewer_name},
                                  {"decision", label_of(review.decision)},
                                  {"comment", review.comment},
                                  {"has_comment", !review.comment.empty()},
                                  {"date", text::day_of(review.created_at)},
                                  {"scores", scores}});
    }
    return rows;
}

mstch::map offer_form_data(const EventLayout& layout, const OfferForm& form) {
    std::vector<people::StaffGroup> groups = layout.event.staff_groups;
    if (groups.empty())
        groups = {people::StaffGroup::Teacher, people::StaffGroup::Ect, people::StaffGroup::Support,
                  people::StaffGroup::Leader};
    mstch::array audience;
    for (const auto group : groups) {
        const std::string value = people::text_of(group);
        const bool ticked =
            std::find(form.audience.begin(), form.audience.end(), value) != form.audience.end();
        audience.push_back(
            mstch::map{{"value", value}, {"label", people::label_of(group)}, {"ticked", ticked}});
    }
    mstch::array phases;
    for (const auto& [value, label] : kPhases)
        phases.push_back(mstch::map{
            {"value", std::string(value)}, {"label", std::string(label)}, {"selected", form.phase == value}});
    mstch::array priorities;
    for (const Priority& priority : layout.priorities)
        priorities.push_back(mstch::map{{"value", std::to_string(priority.id)},
                                        {"label", priority.title},
                                        {"selected", form.priority_id == std::to_string(priority.id)}});
    return mstch::map{{"title", form.title},          {"summary", form.summary},
                      {"audience", audience},         {"phases", phases},
                      {"outcomes", form.outcomes},    {"priorities", priorities},
                      {"max_group", form.max_group},  {"room_needs", form.room_needs},
                      {"can_repeat", form.can_repeat}};
}

OfferForm offer_form_from(const http::RequestContext& context) {
    OfferForm form;
    form.title = context.form("title");
    form.summary = context.form("summary");
    form.audience = context.form_all("audience");
    form.phase = context.form("phase");
    form.outcomes = context.form("outcomes");
    form.priority_id = context.form("priority_id");
    form.max_group = context.form("max_group");
    form.room_needs = context.form("room_needs");
    form.can_repeat = context.form("can_repeat") == "yes";
    return form;
}

} // namespace trellis::events::handlers
