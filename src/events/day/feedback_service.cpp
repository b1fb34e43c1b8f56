#include "events/day/feedback_service.h"

#include <algorithm>
#include <iterator>
#include <stdexcept>

#include "events/day/day_store.h"
#include "events/day/feedback_store.h"
#include "feedback/ratings.h"
#include "feedback/store.h"

namespace trellis::events {

namespace {

constexpr const char* kTheDay = "The day as a whole";

feedback::About about(const Event& event) {
    return {feedback::AboutKind::Event, event.id};
}

// What the person may rate: each workshop they were marked present at, then the day; nothing when
// they were at none.
std::vector<feedback::Item> items_for(soci::session& sql, const accounts::Actor& actor, const Event& event) {
    std::vector<feedback::Item> items;
    for (const auto& [offer_id, title] :
         feedback_store::attended_workshops(sql, actor.trust_id, event.id, actor.person_id))
        items.push_back({offer_id, title});
    if (!items.empty())
        items.push_back({0, kTheDay});
    return items;
}

std::vector<feedback::Response> about_item(const std::vector<feedback::Response>& responses,
                                           long long item_id) {
    std::vector<feedback::Response> about;
    std::copy_if(responses.begin(), responses.end(), std::back_inserter(about),
                 [&](const feedback::Response& response) { return response.item_id == item_id; });
    return about;
}

} // namespace

std::vector<feedback::Question> FeedbackService::survey(const accounts::Actor& actor, const Event& event) {
    db::Database::Lease session(m_database);
    const auto items = items_for(*session, actor, event);
    if (items.empty())
        return {};
    return feedback::questions_of(
        items, feedback::store::answers_of(*session, actor.trust_id, about(event), actor.person_id));
}

void FeedbackService::submit(const accounts::Actor& actor, const Event& event,
                             const std::vector<feedback::Field>& fields) {
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    const auto items = items_for(sql, actor, event);
    if (items.empty())
        throw std::invalid_argument("The survey is for people who were marked present at a workshop.");
    feedback::store::save_answers(sql, actor.trust_id, about(event), actor.person_id,
                                  feedback::answers_from(items, fields));
    transaction.commit();
}

FeedbackResults FeedbackService::results(const accounts::Actor& actor, const Event& event,
                                         ResultsScope scope) {
    db::Database::Lease session(m_database);
    const auto responses = feedback::store::responses_to(*session, actor.trust_id, about(event));
    FeedbackResults results;
    results.event = event;
    results.everything = scope == ResultsScope::Everything;
    std::vector<long long> seen;
    for (const SessionView& view : day_store::sessions_of(*session, actor.trust_id, event.id)) {
        if (std::find(seen.begin(), seen.end(), view.offer_id) != seen.end())
            continue;
        if (!results.everything && view.presenter_id != actor.person_id)
            continue;
        seen.push_back(view.offer_id);
        results.workshops.push_back(
            feedback::summarise(view.title, view.offer_id, about_item(responses, view.offer_id)));
    }
    std::sort(
        results.workshops.begin(), results.workshops.end(),
        [](const feedback::RatingSummary& a, const feedback::RatingSummary& b) { return a.label < b.label; });
    if (!results.everything)
        return results;
    results.day = feedback::summarise(kTheDay, 0, about_item(responses, 0));
    results.by_school = feedback::by_school(responses, actor.smallest_group);
    results.by_staff_group = feedback::by_staff_group(responses, actor.smallest_group);
    return results;
}

} // namespace trellis::events
