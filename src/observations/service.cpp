#include "observations/service.h"

#include <stdexcept>

#include "calendar/school_year.h"
#include "mentoring/store.h"
#include "notifications/store.h"
#include "observations/store.h"
#include "people/colleagues.h"
#include "text/form_values.h"
#include "text/words.h"

namespace trellis::observations {

namespace {

constexpr std::size_t kLongestLine = 200, kLongestPart = 2000;

void require(bool holds, const char* problem) {
    if (!holds)
        throw std::invalid_argument(problem);
}

std::string link_of(long long observation_id) {
    return "/observations/" + std::to_string(observation_id);
}

Observation observation_from(soci::session& sql, const accounts::Actor& host, const Invitation& invitation,
                             const std::string& today) {
    Observation observation;
    observation.host_id = host.person_id;
    observation.day = text::trimmed(invitation.day);
    require(calendar::parse_day(observation.day) && observation.day >= today,
            "Give the day of the lesson or session, today or later.");
    observation.minutes = text::whole_number_in(invitation.minutes, "Minutes to watch", 5, 120);
    observation.what_to_watch = text::trimmed(invitation.what_to_watch);
    require(
        !observation.what_to_watch.empty() && observation.what_to_watch.size() <= kLongestLine,
        "Say what to watch, for example \"Year 8 history, the first 20 minutes\", in up to 200 characters.");
    const std::string step = text::trimmed(invitation.step);
    if (!step.empty()) {
        const auto id = text::positive_id(step);
        const auto found = id ? mentoring::store::find_step(sql, host.trust_id, *id) : std::nullopt;
        require(found.has_value(), "Choose a step from the library, or write the focus in your own words.");
        observation.step_id = found->id;
        observation.step_title = found->title;
    }
    observation.focus = text::trimmed(invitation.focus);
    if (observation.focus.empty())
        observation.focus = observation.step_title;
    require(!observation.focus.empty() && observation.focus.size() <= kLongestLine,
            "Give the observer a focus: a step from the library or your own words, up to 200 characters.");
    return observation;
}

} // namespace

long long ObservationService::invite(const accounts::Actor& host, const Invitation& invitation,
                                     const std::string& today) {
    db::Transaction transaction(m_database);
    soci::session& sql = transaction.session();
    Observation observation = observation_from(sql, host, invitation, today);
    const people::Person observer =
        people::colleague_by_email(sql, host.trust_id, invitation.observer_email,
                                   "There is no member of staff with that email to invite.");
    require(observer.id != host.person_id, "Invite a colleague, not yourself.");
    observation.observer_id = observer.id;
    observation.status = Status::Invited;
    const long long id = store::insert(sql, host.trust_id, observation);
    notifications::store::add_once(sql, host.trust_id, observer.id,
                                   host.display_name + " invites you to watch " + observation.what_to_watch +
                                       ", focusing on " + observation.focus + ".",
                                   link_of(id));
    transaction.commit();
    return id;
}

std::vector<Observation> ObservationService::of(const accounts::Actor& person) {
    auto session = m_database.lease();
    return store::of_person(*session, person.trust_id, person.person_id);
}

std::optional<Observation> ObservationService::find_for(const accounts::Actor& person,
                                                        long long observation_id) {
    auto session = m_database.lease();
    auto observation = store::find(*session, person.trust_id, observation_id);
    if (!observation || !observation->has(person.person_id))
        return std::nullopt;
    return observation;
}

void ObservationService::write_note(const accounts::Actor& observer, long long observation_id,
                                    const Note& typed, const std::string& today) {
    const Note note{text::trimmed(typed.what_i_saw), text::trimmed(typed.what_i_wondered),
                    text::trimmed(typed.one_thing_to_try)};
    require(!note.what_i_saw.empty() && note.what_i_saw.size() <= kLongestPart,
            "Say what you saw, in up to 2,000 characters.");
    require(!note.what_i_wondered.empty() && note.what_i_wondered.size() <= kLongestPart,
            "Say what you wondered, in up to 2,000 characters.");
    require(!note.one_thing_to_try.empty() && note.one_thing_to_try.size() <= kLongestLine * 2,
            "Suggest one thing to try, in up to 400 characters.");
    db::Transaction transaction(m_database);
    soci::session& sql = transaction.session();
    const auto observation = store::find(sql, observer.trust_id, observation_id);
    require(observation && observation->observer_id == observer.person_id,
            "Only the observer writes the note.");
    require(observation->status == Status::Invited,
            "This observation already has its note, or was declined.");
    require(observation->day <= today, "Write the note once you have watched: on the day or after.");
    store::write_note(sql, observer.trust_id, observation_id, note);
    notifications::store::add_to_each(sql, observer.trust_id, {observation->host_id},
                                      observer.display_name + " wrote their note on watching " +
                                          observation->what_to_watch + ".",
                                      link_of(observation_id));
    transaction.commit();
}

void ObservationService::decline(const accounts::Actor& observer, long long observation_id) {
    db::Transaction transaction(m_database);
    soci::session& sql = transaction.session();
    const auto observation = store::find(sql, observer.trust_id, observation_id);
    require(observation && observation->observer_id == observer.person_id &&
                observation->status == Status::Invited,
            "Only the person invited can decline, before writing the note.");
    store::decline(sql, observer.trust_id, observation_id);
    notifications::store::add_to_each(sql, observer.trust_id, {observation->host_id},
                                      observer.display_name + " cannot watch " + observation->what_to_watch +
                                          ": invite someone else.",
                                      link_of(observation_id));
    transaction.commit();
}

} // namespace trellis::observations
