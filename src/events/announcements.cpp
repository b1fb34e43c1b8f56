#include "events/announcements.h"

#include <algorithm>

#include "events/event_store.h"
#include "text/dates.h"

namespace trellis::events {

namespace {

using notifications::Owed;

// The person's standing on the trust's training days that have news for them, as OwedRows (the day,
// its stage, nothing, workshops they were marked present at, workshops they run, three unused): days
// published or in feedback where they are placed in a workshop or run one, and days open for choices where
// they have chosen.
constexpr const char* kStanding =
    "SELECT e.id, e.stage, '', "
    "(SELECT COUNT(*) FROM attendance_marks a JOIN workshop_sessions s ON s.id = a.session_id "
    "AND s.trust_id = a.trust_id WHERE a.trust_id = :trust AND s.event_id = e.id AND a.person_id = :person "
    "AND a.session_kind = 'workshop' AND a.status = 'present'), "
    "(SELECT COUNT(*) FROM workshop_sessions s JOIN workshop_offers o ON o.id = s.offer_id "
    "AND o.trust_id = s.trust_id WHERE s.trust_id = :trust AND s.event_id = e.id AND o.presenter_id = "
    ":person), 0, 0, 0 "
    "FROM events e WHERE e.trust_id = :trust AND ((e.stage IN ('published', 'feedback') AND ("
    "EXISTS (SELECT 1 FROM placements pl WHERE pl.trust_id = :trust AND pl.event_id = e.id "
    "AND pl.person_id = :person AND pl.session_id IS NOT NULL) OR "
    "EXISTS (SELECT 1 FROM workshop_sessions s JOIN workshop_offers o ON o.id = s.offer_id "
    "AND o.trust_id = s.trust_id WHERE s.trust_id = :trust AND s.event_id = e.id AND o.presenter_id = "
    ":person))) OR (e.stage = 'choices' AND EXISTS (SELECT 1 FROM workshop_choices c WHERE c.trust_id = "
    ":trust AND c.event_id = e.id AND c.person_id = :person)))";

// The row of the person's standing for `event`, if it has one; its text is the stage it was read at.
const notifications::OwedRow* standing_on(const std::vector<notifications::OwedRow>& standing,
                                          const Event& event) {
    const auto found = std::find_if(standing.begin(), standing.end(),
                                    [&](const notifications::OwedRow& row) { return row.id == event.id; });
    return found == standing.end() ? nullptr : &*found;
}

// The notices the published days owe the person, whether or not they have had them.
std::vector<Owed> owed_for_stages(const std::vector<Event>& events,
                                  const std::vector<notifications::OwedRow>& standing) {
    std::vector<Owed> owed;
    for (const Event& event : events) {
        const notifications::OwedRow* row = standing_on(standing, event);
        if (!row)
            continue;
        const bool attended = row->first > 0, presenting = row->second > 0;
        const std::string base = "/events/" + std::to_string(event.id);
        // Once feedback is open the day is over: a timetable not yet told of is no longer news.
        if (row->text == "published")
            owed.push_back({"Your timetable for " + event.title +
                                " is ready: where to be and when, and a calendar file.",
                            base + "/timetable"});
        if (row->text == "feedback" && presenting)
            owed.push_back({"Feedback on the workshop you ran at " + event.title +
                                " is coming in: ratings and comments, without names.",
                            base + "/results"});
        if (row->text == "feedback" && attended)
            owed.push_back(
                {"How was " + event.title + "? Rate the workshops you attended; it takes two minutes.",
                 base + "/feedback"});
    }
    return owed;
}

// An invitation to offer a workshop for each event whose call is open to the person.
std::vector<Owed> owed_calls(const std::vector<Event>& events, const accounts::Actor& actor) {
    std::vector<Owed> owed;
    for (const Event& event : events)
        if (event.stage == Stage::Offers && takes_part(event, actor.staff_group, actor.school_id))
            owed.push_back(
                {"Workshop offers are open for " + event.title +
                     (event.offers_close.empty() ? "" : " until " + long_date(event.offers_close)) +
                     ": share something that works in your classroom or role.",
                 "/events/" + std::to_string(event.id) + "/offers"});
    return owed;
}

// For each event with choices open that the person takes part in and has not chosen for yet, an
// invitation to choose, and a reminder when choices close within two days of `today`.
std::vector<Owed> owed_choices(const std::vector<Event>& events,
                               const std::vector<notifications::OwedRow>& standing,
                               const accounts::Actor& actor, const std::string& today) {
    std::vector<Owed> owed;
    for (const Event& event : events) {
        const notifications::OwedRow* chosen = standing_on(standing, event);
        if (event.stage != Stage::Choices || !takes_part(event, actor.staff_group, actor.school_id) ||
            (chosen && chosen->text == "choices"))
            continue;
        const std::string link = "/events/" + std::to_string(event.id) + "/choices";
        owed.push_back({"Choose your workshops for " + event.title +
                            (event.choices_close.empty() ? "" : " by " + long_date(event.choices_close)) +
                            ": read what each offers and rank the ones you want.",
                        link});
        if (!event.choices_close.empty() && today <= event.choices_close &&
            event.choices_close <= text::days_after(today, 2))
            owed.push_back({"Choices for " + event.title + " close on " + long_date(event.choices_close) +
                                ": rank the workshops you want before then.",
                            link + "?closing"});
    }
    return owed;
}

} // namespace

std::string standing_for_notices() {
    return kStanding;
}

std::vector<Owed> owed_notices(const accounts::Actor& actor, const std::string& today,
                               const std::vector<Event>& events,
                               const std::vector<notifications::OwedRow>& standing) {
    auto owed = owed_for_stages(events, standing);
    for (Owed& choose : owed_choices(events, standing, actor, today))
        owed.push_back(std::move(choose));
    for (Owed& call : owed_calls(events, actor))
        owed.push_back(std::move(call));
    return owed;
}

} // namespace trellis::events
