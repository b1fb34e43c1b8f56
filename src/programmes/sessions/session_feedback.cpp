#include "programmes/sessions/session_feedback.h"

#include <stdexcept>

#include "attendance/store.h"
#include "feedback/ratings.h"
#include "feedback/store.h"
#include "reports/small_groups.h"

namespace trellis::programmes {

namespace {

feedback::About about(const Activity& activity) {
    return {feedback::AboutKind::Activity, activity.id};
}

// Someone may rate a live session they were marked at, live or from its recording.
bool took_part(soci::session& sql, const accounts::Actor& person, const Activity& activity) {
    if (activity.kind != ActivityKind::Live)
        return false;
    const auto mark = attendance::store::mark_of(
        sql, activity.trust_id, {attendance::SessionKind::Activity, activity.id}, person.person_id);
    return mark && (mark->present || mark->caught_up);
}

std::vector<feedback::Item> items_of(const Activity& activity) {
    return {{activity.id, activity.title}};
}

} // namespace

std::vector<feedback::Question> SessionFeedback::questions(const accounts::Actor& person,
                                                           const Activity& activity) {
    auto session = m_database.lease();
    if (person.trust_id != activity.trust_id || !took_part(*session, person, activity))
        return {};
    return feedback::questions_of(
        items_of(activity),
        feedback::store::answers_of(*session, activity.trust_id, about(activity), person.person_id));
}

void SessionFeedback::submit(const accounts::Actor& person, const Activity& activity,
                             const std::vector<feedback::Field>& fields) {
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    if (person.trust_id != activity.trust_id || !took_part(sql, person, activity))
        throw std::invalid_argument("Feedback on a session is for those who were there or caught up from its "
                                    "recording.");
    feedback::store::save_answers(sql, activity.trust_id, about(activity), person.person_id,
                                  feedback::answers_from(items_of(activity), fields));
    transaction.commit();
}

SessionFeedback::Results SessionFeedback::results(const Activity& activity, int smallest) {
    auto session = m_database.lease();
    return results(*session, activity, smallest);
}

SessionFeedback::Results SessionFeedback::results(soci::session& sql, const Activity& activity,
                                                  int smallest) {
    const auto responses = feedback::store::responses_to(sql, activity.trust_id, about(activity));
    Results results;
    results.session = feedback::summarise(activity.title, activity.id, responses);
    if (reports::too_small(results.session.responses, smallest))
        results.session = feedback::RatingSummary{.label = activity.title,
                                                  .item_id = activity.id,
                                                  .responses = results.session.responses,
                                                  .hidden = true,
                                                  .smallest = smallest};
    results.by_school = feedback::by_school(responses, smallest);
    results.by_staff_group = feedback::by_staff_group(responses, smallest);
    return results;
}

} // namespace trellis::programmes
