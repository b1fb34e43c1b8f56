#include "year/service.h"

#include <algorithm>

#include "accounts/secrets.h"
#include "events/day/day_calendar.h"
#include "mail/store.h"
#include "notifications/store.h"
#include "text/dates.h"
#include "year/invitations.h"
#include "year/store.h"

namespace trellis::year {

namespace {

bool at_a_time(const programmes::Activity& activity) {
    return activity.kind == programmes::ActivityKind::Live ||
           activity.kind == programmes::ActivityKind::Collaboration;
}

// The day an activity falls on in the person's year: when it meets, or when it is due.
const std::string& day_of(const programmes::Activity& activity) {
    return at_a_time(activity) ? activity.starts_on : activity.due_on;
}

YearItem item_of(const programmes::Programme& programme, const programmes::Activity& activity) {
    using programmes::ActivityKind;
    YearItem item;
    const bool timed = at_a_time(activity);
    item.day = day_of(activity);
    item.starts_at = timed ? activity.starts_at : "";
    item.ends_at = timed ? activity.ends_at : "";
    item.title = activity.title;
    item.kind = programmes::text_of(activity.kind);
    item.what = programmes::label_of(activity.kind);
    item.source = programme.title;
    const std::string path =
        "/programmes/" + std::to_string(programme.id) + "/activities/" + std::to_string(activity.id);
    if (activity.kind == ActivityKind::Practice || activity.kind == ActivityKind::FollowUp)
        item.href = path + "/reflection";
    else if (activity.kind == ActivityKind::Collaboration)
        item.href = path + "/groups";
    else
        item.href =
            "/programmes/" + std::to_string(programme.id) + "#activity-" + std::to_string(activity.id);
    if (activity.kind == ActivityKind::Live && activity.delivery != programmes::Delivery::Online)
        item.location = activity.venue + (activity.room.empty() ? "" : ", " + activity.room);
    else if (activity.kind == ActivityKind::Live)
        item.location = "Online";
    item.uid = "activity-" + std::to_string(activity.id) + "@trellis";
    item.sequence = activity.revision;
    item.due = !timed;
    return item;
}

bool at_set_time(const YearItem& item) {
    return !item.due && !item.starts_at.empty() && item.kind != "training_day";
}

// "Tuesday 2 March 2027, 09:00–10:30, Library, Oakfield Academy"
std::string when_and_where(const calendar::ics::CalendarEntry& entry) {
    return text::long_date(entry.date) + ", " + entry.starts_at + "–" + entry.ends_at +
           (entry.location.empty() ? "" : ", " + entry.location);
}

mail::InvitationEmail email_of(const accounts::Actor& actor, const InvitationChange& change,
                               const std::string& organiser_address, long long now) {
    using calendar::ics::Method;
    const auto& entry = change.invitation.entry;
    const bool cancel = change.method == Method::Cancel;
    const std::string subject = cancel              ? "Cancelled: " + entry.summary
                                : change.first_sent ? "Invitation: " + entry.summary
                                                    : "Updated: " + entry.summary;
    const std::string text =
        cancel ? entry.summary + " on " + text::long_date(entry.date) +
                     " is no longer in your diary: your place was taken away or the session was dropped."
               : entry.summary + ": " + when_and_where(entry) +
                     (change.first_sent ? "." : " (changed: this replaces the earlier invitation).");
    calendar::ics::Invitation invitation{.entry = entry,
                                         .method = change.method,
                                         .organizer_name = actor.trust_name,
                                         .organizer_address = organiser_address,
                                         .attendee_name = actor.display_name,
                                         .attendee_address = actor.email};
    return mail::InvitationEmail{.trust_id = actor.trust_id,
                                 .person_id = actor.person_id,
                                 .key = "person " + std::to_string(actor.person_id) + " " + entry.uid + " " +
                                        std::to_string(entry.sequence),
                                 .subject = subject + ", " + text::formatted_date(entry.date, "%a %e %b"),
                                 .text = text,
                                 .link = change.invitation.link,
                                 .calendar = calendar::ics::invitation(invitation, now),
                                 .method = calendar::ics::method_name(change.method)};
}

} // namespace

std::vector<YearItem> YearService::items_for(const accounts::Actor& actor) {
    return items_from(actor, m_programmes.taking_part(actor), "");
}

std::vector<YearItem> YearService::upcoming_for(const accounts::Actor& actor,
                                                const std::map<long long, std::string>& programme_statuses,
                                                const std::string& from_day, std::size_t count) {
    std::vector<YearItem> items =
        items_from(actor, m_programmes.taking_part(actor, programme_statuses), from_day);
    if (items.size() > count)
        items.resize(count);
    return items;
}

std::vector<YearItem>
YearService::items_from(const accounts::Actor& actor,
                        const std::vector<programmes::ProgrammeWithActivities>& taking_part,
                        const std::string& from_day) {
    std::vector<YearItem> items;
    for (const auto& taking : taking_part)
        for (const auto& activity : taking.activities)
            if (day_of(activity) >= from_day)
                items.push_back(item_of(taking.programme, activity));
    for (const events::Event& event : m_events.events_for(actor)) {
        if (event.event_date < from_day)
            continue;
        YearItem item;
        item.day = event.event_date;
        item.title = event.title;
        item.kind = "training_day";
        item.what = "Training day";
        item.location = event.venue;
        item.href = "/events/" + std::to_string(event.id);
        item.uid = "training-day-" + std::to_string(event.id) + "@trellis";
        items.push_back(item);
    }
    std::stable_sort(items.begin(), items.end(), [](const YearItem& a, const YearItem& b) {
        return a.day != b.day ? a.day < b.day : a.starts_at < b.starts_at;
    });
    return items;
}

int YearService::send_invitations(const accounts::Actor& actor, const std::string& organiser_address,
                                  const std::string& today) {
    std::vector<Invited> wanted;
    for (const YearItem& item : items_for(actor))
        if (at_set_time(item) && item.day >= today)
            wanted.push_back({{.uid = item.uid,
                               .date = item.day,
                               .starts_at = item.starts_at,
                               .ends_at = item.ends_at,
                               .summary = item.title,
                               .location = item.location,
                               .description = item.what + (item.source.empty() ? "" : " · " + item.source)},
                              item.href});
    for (const events::Event& event : m_events.events_for(actor))
        if (event.stage == events::Stage::Published && event.event_date >= today)
            for (auto& entry : events::workshop_entries(m_day.timetable(actor, event), actor.person_id))
                wanted.push_back({std::move(entry), "/events/" + std::to_string(event.id) + "/timetable"});

    const long long now = db::now_seconds();
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    int queued = 0;
    for (const InvitationChange& change :
         plan_invitations(store::sent_invitations(sql, actor.trust_id, actor.person_id), wanted, today))
        if (store::keep_sent(sql, actor.trust_id, actor.person_id, change, now) &&
            mail::store::queue_invitation(sql, email_of(actor, change, organiser_address, now), now))
            ++queued;
    transaction.commit();
    return queued;
}

void YearService::remind_of_tomorrow(const accounts::Actor& actor, const std::string& today) {
    const std::string tomorrow = text::days_after(today, 1);
    std::vector<YearItem> due;
    for (const YearItem& item : items_for(actor))
        if (item.day == tomorrow && (at_set_time(item) || item.kind == "training_day"))
            due.push_back(item);
    if (due.empty())
        return;
    db::Transaction transaction(m_database);
    for (const YearItem& item : due) {
        // The day in the link makes it a reminder of its own, apart from other notices about the page.
        const auto anchor = item.href.find('#');
        const std::string link = item.href.substr(0, anchor) + "?on=" + item.day +
                                 (anchor == std::string::npos ? "" : item.href.substr(anchor));
        const std::string text =
            item.kind == "training_day"
                ? "Tomorrow: " + item.title + (item.location.empty() ? "" : " at " + item.location) +
                      ". Your timetable says where to be and when."
                : "Tomorrow: " + item.title + ", " + item.starts_at + "–" + item.ends_at +
                      (item.location.empty() ? "" : ", " + item.location) + ".";
        notifications::store::add_once(transaction.session(), actor.trust_id, actor.person_id, text, link);
    }
    transaction.commit();
}

std::string YearService::new_feed_token(const accounts::Actor& actor) {
    const std::string token = accounts::random_token();
    db::Transaction transaction(m_database);
    store::replace_feed(transaction.session(), actor.trust_id, actor.person_id, accounts::hash_token(token));
    transaction.commit();
    return token;
}

YearService::YearOf YearService::year_of(const accounts::Actor& actor) {
    std::vector<std::vector<db::BatchRow>> rows;
    {
        auto session = m_database.lease();
        rows = m_year_reads.read(*session, actor.trust_id, actor.person_id);
    }
    return {items_from(actor, m_programmes.taking_part(actor, programmes::store::statuses_from(rows[0])), ""),
            !rows[1].empty()};
}

std::optional<accounts::Actor> YearService::feed_owner(const std::string& token) {
    auto session = m_database.lease();
    return store::feed_owner(*session, accounts::hash_token(token));
}

} // namespace trellis::year
