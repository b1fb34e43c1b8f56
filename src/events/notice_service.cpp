#include "events/notice_service.h"

#include <algorithm>

#include "events/choice_store.h"
#include "events/event_store.h"
#include "events/notice_store.h"

namespace trellis::events {

namespace {

struct Owed {
    std::string text;
    std::string link;
};

// The notices the events' stages owe the person, whether or not they have had them.
std::vector<Owed> owed_notices(const std::vector<notice_store::EventToAnnounce>& events) {
    std::vector<Owed> owed;
    for (const auto& event : events) {
        const std::string base = "/events/" + std::to_string(event.event_id);
        owed.push_back(
            {"Your timetable for " + event.title + " is ready: where to be and when, and a calendar file.",
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
std::vector<Owed> owed_calls(soci::session& sql, const accounts::Actor& actor) {
    std::vector<Owed> owed;
    for (const Event& event : store::events_of(sql, actor.trust_id))
        if (event.stage == Stage::Offers && takes_part(event, actor.staff_group, actor.school_id))
            owed.push_back(
                {"Workshop offers are open for " + event.title +
                     (event.offers_close.empty() ? "" : " until " + long_date(event.offers_close)) +
                     ": share something that works in your classroom or role.",
                 "/events/" + std::to_string(event.id) + "/offers"});
    return owed;
}

// An invitation to choose for each event with choices open that the person takes part in and has
// not chosen for yet.
std::vector<Owed> owed_choices(soci::session& sql, const accounts::Actor& actor) {
    std::vector<Owed> owed;
    for (const Event& event : store::events_of(sql, actor.trust_id))
        if (event.stage == Stage::Choices && takes_part(event, actor.staff_group, actor.school_id) &&
            store::choices_of_person(sql, actor.trust_id, event.id, actor.person_id).empty())
            owed.push_back({"Choose your workshops for " + event.title +
                                (event.choices_close.empty() ? "" : " by " + long_date(event.choices_close)) +
                                ": read what each offers and rank the ones you want.",
                            "/events/" + std::to_string(event.id) + "/choices"});
    return owed;
}

} // namespace

std::vector<Notice> NoticeService::notices_for(const accounts::Actor& actor) {
    std::vector<Owed> missing;
    {
        db::Database::Lease session(m_database);
        const auto links = notice_store::links_noticed(*session, actor.trust_id, actor.person_id);
        auto owed = owed_notices(notice_store::events_to_announce(*session, actor.trust_id, actor.person_id));
        for (Owed& choose : owed_choices(*session, actor))
            owed.push_back(std::move(choose));
        for (Owed& call : owed_calls(*session, actor))
            owed.push_back(std::move(call));
        for (const Owed& notice : owed)
            if (std::find(links.begin(), links.end(), notice.link) == links.end())
                missing.push_back(notice);
    }
    // Written only when something is owed, so an ordinary visit to the home page only reads.
    if (!missing.empty()) {
        db::Transaction transaction(m_database);
        for (const Owed& owed : missing)
            notice_store::add_once(transaction.session(), actor.trust_id, actor.person_id, owed.text,
                                   owed.link);
        transaction.commit();
    }
    db::Database::Lease session(m_database);
    return notice_store::active_notices(*session, actor.trust_id, actor.person_id);
}

bool NoticeService::dismiss(const accounts::Actor& actor, long long notice_id) {
    db::Transaction transaction(m_database);
    const bool dismissed =
        notice_store::dismiss(transaction.session(), actor.trust_id, actor.person_id, notice_id);
    transaction.commit();
    return dismissed;
}

void NoticeService::add(long long trust_id, long long person_id, const std::string& text,
                        const std::string& link) {
    db::Transaction transaction(m_database);
    notice_store::add_once(transaction.session(), trust_id, person_id, text, link);
    transaction.commit();
}

} // namespace trellis::events
