#include "events/offers/offer_service.h"

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "accounts/secrets.h"
#include "events/event_store.h"
#include "events/model.h"
#include "events/offers/offer_store.h"
#include "notifications/store.h"
#include "organisations/model.h"

namespace trellis::events {

namespace {

// Text a person must write, between 1 and `longest` characters once trimmed.
std::string required_text(const std::string& text, std::size_t longest, const std::string& message) {
    std::string kept = trimmed(text);
    if (kept.empty() || kept.size() > longest)
        throw std::invalid_argument(message);
    return kept;
}

std::optional<long long> whole_number(const std::string& text) {
    const std::string kept = trimmed(text);
    if (kept.empty() || kept.size() > 9 || !std::all_of(kept.begin(), kept.end(), ::isdigit))
        return std::nullopt;
    return std::stoll(kept);
}

Offer offer_from(const EventLayout& layout, const OfferForm& form) {
    Offer offer;
    offer.event_id = layout.event.id;
    offer.trust_id = layout.event.trust_id;
    offer.title = required_text(form.title, 150, "Give the workshop a title (up to 150 characters).");
    offer.summary = required_text(
        form.summary, 2000, "Write a summary of the workshop for the catalogue (up to 2000 characters).");
    for (const auto& name : form.audience) {
        auto group = people::staff_group_from_text(name);
        if (!group)
            throw std::invalid_argument("One of the staff groups ticked is not a staff group.");
        if (!layout.event.staff_groups.empty() &&
            std::find(layout.event.staff_groups.begin(), layout.event.staff_groups.end(), *group) ==
                layout.event.staff_groups.end())
            throw std::invalid_argument(people::label_of(*group) + " are not taking part in this event.");
        if (std::find(offer.audience.begin(), offer.audience.end(), *group) == offer.audience.end())
            offer.audience.push_back(*group);
    }
    if (offer.audience.empty())
        throw std::invalid_argument("Tick at least one staff group the workshop is for.");
    offer.phase = trimmed(form.phase);
    if (!offer.phase.empty() && !organisations::is_known_phase(offer.phase))
        throw std::invalid_argument("Choose a phase from the list, or any phase.");
    offer.outcomes =
        required_text(form.outcomes, 2000,
                      "Say what people will be able to do after the workshop (up to 2000 characters).");
    const auto priority_id = whole_number(form.priority_id);
    const bool known_priority =
        priority_id && std::any_of(layout.priorities.begin(), layout.priorities.end(),
                                   [&](const Priority& priority) { return priority.id == *priority_id; });
    if (!known_priority)
        throw std::invalid_argument("Choose the trust priority the workshop serves.");
    offer.priority_id = *priority_id;
    const auto max_group = whole_number(form.max_group);
    if (!max_group || *max_group < 2 || *max_group > 500)
        throw std::invalid_argument("The largest group must be a whole number from 2 to 500.");
    offer.max_group = static_cast<int>(*max_group);
    offer.room_needs = trimmed(form.room_needs);
    if (offer.room_needs.size() > 500)
        throw std::invalid_argument("Keep what the room needs to under 500 characters.");
    offer.can_repeat = form.can_repeat;
    return offer;
}

bool may_still_change(OfferStatus status) {
    return status == OfferStatus::Submitted || status == OfferStatus::ChangesRequested;
}

std::map<std::string, int> scores_from(const std::vector<RubricCriterion>& rubric, const ReviewForm& form) {
    std::map<std::string, int> scores;
    for (const RubricCriterion& criterion : rubric) {
        auto sent = form.scores.find(criterion.key);
        auto score = sent == form.scores.end() ? std::nullopt : whole_number(sent->second);
        if (!score || *score < kLowestScore || *score > kHighestScore)
            throw std::invalid_argument("Score \"" + criterion.label + "\" from 1 to 4.");
        scores[criterion.key] = static_cast<int>(*score);
    }
    return scores;
}

} // namespace

std::vector<RubricCriterion> rubric_for(const EventLayout& layout) {
    const Event& event = layout.event;
    std::string priorities;
    for (const Priority& priority : layout.priorities)
        priorities += (priorities.empty() ? "" : "; ") + priority.title;
    auto or_else = [](const std::string& text, const std::string& fallback) {
        return text.empty() ? fallback : text;
    };
    return {
        {"priority", "Serves its priority",
         "Does the workshop clearly serve the trust priority it names? The priorities: " + priorities + "."},
        {"audience", "Right for its audience",
         or_else(event.brief_audiences, "Is it pitched at the staff groups and phase it names?")},
        {"format", "Format and length fit the brief",
         or_else(trimmed(event.brief_format +
                         (event.brief_length.empty() ? "" : " Length: " + event.brief_length)),
                 "Does the plan fit the time and the way the day runs?")},
        {"quality", "Clear outcomes and quality",
         or_else(event.brief_quality, "Will people leave able to do something they could not before?")},
    };
}

OfferForm form_of(const Offer& offer) {
    OfferForm form;
    form.title = offer.title;
    form.summary = offer.summary;
    for (const auto group : offer.audience)
        form.audience.push_back(people::text_of(group));
    form.phase = offer.phase;
    form.outcomes = offer.outcomes;
    form.priority_id = std::to_string(offer.priority_id);
    form.max_group = std::to_string(offer.max_group);
    form.room_needs = offer.room_needs;
    form.can_repeat = offer.can_repeat;
    return form;
}

namespace {

// Tells the event's reviewers (or, when none are named, the lead who made the day) that an offer
// waits for them. A reviewer who has not yet dismissed the last notice for it is not told twice.
void tell_reviewers(soci::session& sql, const Event& event, const Offer& offer,
                    const std::string& presenter) {
    std::vector<long long> reviewers = store::reviewers_of(sql, event.trust_id, event.id);
    if (reviewers.empty())
        reviewers.push_back(event.created_by);
    std::erase(reviewers, offer.presenter_id);
    notifications::store::add_to_each(sql, event.trust_id, reviewers,
                                      presenter + "'s workshop offer \u201c" + offer.title + "\u201d for " +
                                          event.title + " is waiting for your review.",
                                      "/offers/" + std::to_string(offer.id) + "/review");
}

// Tells the presenter what the review decided, replacing any earlier notice about the same offer.
void tell_presenter(soci::session& sql, const Event& event, const Offer& offer, Decision decision) {
    const std::string link = "/offers/" + std::to_string(offer.id);
    const std::string title = "\u201c" + offer.title + "\u201d";
    std::string text;
    switch (decision) {
    case Decision::Approve:
        text = "Your workshop offer " + title + " is approved for " + event.title + ".";
        break;
    case Decision::RequestChanges:
        text = "A reviewer asked for changes to your offer " + title +
               ": read their comments and send it again.";
        break;
    case Decision::Decline:
        text =
            "Your offer " + title + " was not taken up for " + event.title + ": read the reviewer's comment.";
        break;
    }
    notifications::store::dismiss_link(sql, event.trust_id, offer.presenter_id, link);
    notifications::store::add_to_each(sql, event.trust_id, {offer.presenter_id}, text, link);
}

} // namespace

long long OfferService::submit(const accounts::Actor& presenter, const EventLayout& layout,
                               const OfferForm& form) {
    if (layout.event.stage != Stage::Offers)
        throw std::invalid_argument("The call for offers for this event has closed.");
    if (!takes_part(layout.event, presenter.staff_group, presenter.school_id))
        throw std::invalid_argument("Your school or staff group is not taking part in this event.");
    Offer offer = offer_from(layout, form);
    offer.presenter_id = presenter.person_id;
    db::Transaction transaction(m_database);
    offer.id = store::insert_offer(transaction.session(), offer);
    tell_reviewers(transaction.session(), layout.event, offer, presenter.display_name);
    transaction.commit();
    const long long id = offer.id;
    return id;
}

void OfferService::resubmit(const accounts::Actor& presenter, const EventLayout& layout, const Offer& offer,
                            const OfferForm& form) {
    if (!may_still_change(offer.status))
        throw std::invalid_argument("This offer is already decided (" + label_of(offer.status) +
                                    "), so it can no longer be changed. Ask the trust PD lead if it must.");
    Offer changed = offer_from(layout, form);
    changed.id = offer.id;
    changed.presenter_id = presenter.person_id;
    changed.status = OfferStatus::Submitted;
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    // Read again inside the transaction: a reviewer may have decided since the form was opened.
    auto current = store::find_offer(sql, presenter.trust_id, offer.id);
    if (!current || !may_still_change(current->status))
        throw std::invalid_argument("A reviewer decided on this offer while you were editing it.");
    store::update_offer(sql, changed);
    tell_reviewers(sql, layout.event, changed, presenter.display_name);
    transaction.commit();
}

std::optional<Offer> OfferService::find(long long trust_id, long long offer_id) {
    db::Database::Lease session(m_database);
    return store::find_offer(*session, trust_id, offer_id);
}

std::vector<Offer> OfferService::offers_of_presenter(long long trust_id, long long person_id) {
    db::Database::Lease session(m_database);
    return store::offers_of_presenter(*session, trust_id, person_id);
}

std::vector<Offer> OfferService::offers_of_event(long long trust_id, long long event_id) {
    db::Database::Lease session(m_database);
    return store::offers_of_event(*session, trust_id, event_id);
}

void OfferService::review(const accounts::Actor& reviewer, const EventLayout& layout, const Offer& offer,
                          const ReviewForm& form) {
    if (offer.event_id != layout.event.id)
        throw std::invalid_argument("This offer is not part of this event.");
    if (offer.presenter_id == reviewer.person_id)
        throw std::invalid_argument("You cannot review your own offer; another reviewer will.");
    Review review;
    review.offer_id = offer.id;
    review.reviewer_id = reviewer.person_id;
    review.scores = scores_from(rubric_for(layout), form);
    auto decision = decision_from_text(form.decision);
    if (!decision)
        throw std::invalid_argument("Choose a decision: approve, ask for changes or decline.");
    review.decision = *decision;
    review.comment = trimmed(form.comment);
    if (review.comment.size() > 4000)
        throw std::invalid_argument("Keep the comment to under 4000 characters.");
    if (review.comment.empty() && review.decision != Decision::Approve)
        throw std::invalid_argument("Write a comment telling the presenter what to change, or why the offer "
                                    "is declined.");
    const std::string scores = nlohmann::json(review.scores).dump();
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    store::insert_review(sql, reviewer.trust_id, review, scores);
    store::set_offer_status(sql, reviewer.trust_id, offer.id, status_after(review.decision));
    tell_presenter(sql, layout.event, offer, review.decision);
    transaction.commit();
}

std::vector<Review> OfferService::reviews_of(long long trust_id, long long offer_id) {
    db::Database::Lease session(m_database);
    std::vector<Review> reviews;
    for (auto& [review, scores] : store::reviews_of(*session, trust_id, offer_id)) {
        const auto parsed = nlohmann::json::parse(scores, nullptr, false);
        if (parsed.is_object())
            for (const auto& [key, value] : parsed.items())
                if (value.is_number_integer())
                    review.scores[key] = value.get<int>();
        reviews.push_back(review);
    }
    return reviews;
}

Coverage OfferService::coverage(const EventLayout& layout) {
    Coverage coverage;
    const auto offers = offers_of_event(layout.event.trust_id, layout.event.id);
    for (const Priority& priority : layout.priorities)
        coverage.priorities.push_back({priority.title, 0});
    std::vector<people::StaffGroup> groups = layout.event.staff_groups;
    if (groups.empty())
        groups = {people::StaffGroup::Teacher, people::StaffGroup::Ect, people::StaffGroup::Support,
                  people::StaffGroup::Leader};
    for (const auto group : groups)
        coverage.groups.push_back({people::label_of(group), 0});
    for (const Offer& offer : offers) {
        if (offer.status == OfferStatus::Submitted)
            ++coverage.waiting;
        if (offer.status != OfferStatus::Approved)
            continue;
        ++coverage.approved;
        for (std::size_t i = 0; i < layout.priorities.size(); ++i)
            if (layout.priorities[i].id == offer.priority_id)
                ++coverage.priorities[i].approved;
        for (std::size_t i = 0; i < groups.size(); ++i)
            if (std::find(offer.audience.begin(), offer.audience.end(), groups[i]) != offer.audience.end())
                ++coverage.groups[i].approved;
    }
    return coverage;
}

} // namespace trellis::events
