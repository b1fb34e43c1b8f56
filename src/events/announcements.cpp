#include "events/announcements.h"

#include "db/database.h"
#include "db/rows.h"
#include "events/choices/choice_store.h"
#include "events/event_store.h"
#include "text/dates.h"

namespace trellis::events {

namespace {

using notifications::Owed;

constexpr const char* kEventsToAnnounce =
    "SELECT e.id, e.title, e.stage, "
    "(SELECT COUNT(*) FROM attendance_marks a JOIN workshop_sessions s ON s.id = a.session_id "
    "AND s.trust_id = a.trust_id WHERE a.trust_id = :trust1 AND s.event_id = e.id AND a.person_id = :person1 "
    "AND a.session_kind = 'workshop' AND a.status = 'present'), "
    "(SELECT COUNT(*) FROM workshop_sessions s JOIN workshop_offers o ON o.id = s.offer_id "
    "AND o.trust_id = s.trust_id WHERE s.trust_id = :trust5 AND s.event_id = e.id AND o.presenter_id = "
    ":person4) "
    "FROM events e WHERE e.trust_id = :trust2 AND e.stage IN ('published', 'feedback') AND ("
    "EXISTS (SELECT 1 FROM placements pl WHERE pl.trust_id = :trust3 AND pl.event_id = e.id "
    "AND pl.person_id = :person2 AND pl.session_id IS NOT NULL) OR "
    "EXISTS (SELECT 1 FROM workshop_sessions s JOIN workshop_offers o ON o.id = s.offer_id "
    "AND o.trust_id = s.trust_id WHERE s.trust_id = :trust4 AND s.event_id = e.id AND o.presenter_id = "
    ":person3)) "
    "ORDER BY e.event_date, e.id";

struct EventColumns {
    EventToAnnounce event;
    long long attended = 0, presenting = 0;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(event.event_id));
        statement.exchange(soci::into(event.title));
        statement.exchange(soci::into(event.stage));
        statement.exchange(soci::into(attended));
        statement.exchange(soci::into(presenting));
    }
    EventToAnnounce fetched() const {
        EventToAnnounce result = event;
        result.attended = attended > 0;
        result.presenting = presenting > 0;
        return result;
    }
};

// The notices the events' stages owe the person, whether or not they have had them.
std::vector<Owed> owed_for_stages(const std::vector<EventToAnnounce>& events) {
    std::vector<Owed> owed;
    for (const auto& event : events) {
        const std::string base = "/events/" + std::to_string(event.event_id);
        // Once feedback is open the day is over: a timetable not yet told of is no longer news.
        if (event.stage == "published")
            owed.push_back({"Your timetable for " + event.title +
                                " is ready: where to be and when, and a calendar file.",
                            base + "/timetable"});
        if (event.stage == "feedback" && event.presenting)
            owed.push_back({"Feedback on the workshop you ran at " + event.title +
                                " is coming in: ratings and comments, without names.",
                            base + "/results"});
        if (event.stage == "feedback" && event.attended)
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
std::vector<Owed> owed_choices(soci::session& sql, const std::vector<Event>& events,
                               const accounts::Actor& actor, const std::string& today) {
    std::vector<Owed> owed;
    for (const Event& event : events) {
        if (event.stage != Stage::Choices || !takes_part(event, actor.staff_group, actor.school_id) ||
            !store::choices_of_person(sql, actor.trust_id, event.id, actor.person_id).empty())
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

std::vector<EventToAnnounce> events_to_announce(soci::session& sql, long long trust_id, long long person_id) {
    std::vector<EventToAnnounce> events;
    EventColumns columns;
    db::fetch_rows(
        sql, kEventsToAnnounce, columns,
        [&](soci::statement& statement) {
            // In the order the query names them.
            for (long long* value : {&trust_id, &person_id, &trust_id, &person_id, &trust_id, &trust_id,
                                     &person_id, &trust_id, &person_id})
                statement.exchange(soci::use(*value));
        },
        [&](const EventToAnnounce& event) { events.push_back(event); });
    return events;
}

std::vector<Owed> owed_notices(soci::session& sql, const accounts::Actor& actor, const std::string& today,
                               const std::vector<Event>& events) {
    auto owed = owed_for_stages(events_to_announce(sql, actor.trust_id, actor.person_id));
    for (Owed& choose : owed_choices(sql, events, actor, today))
        owed.push_back(std::move(choose));
    for (Owed& call : owed_calls(events, actor))
        owed.push_back(std::move(call));
    return owed;
}

} // namespace trellis::events
