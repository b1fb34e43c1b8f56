#include "year/service.h"

#include <algorithm>

#include "accounts/secrets.h"
#include "year/store.h"

namespace trellis::year {

namespace {

YearItem item_of(const programmes::Programme& programme, const programmes::Activity& activity) {
    using programmes::ActivityKind;
    YearItem item;
    const bool timed = activity.kind == ActivityKind::Live || activity.kind == ActivityKind::Collaboration;
    item.day = timed ? activity.starts_on : activity.due_on;
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

} // namespace

std::vector<YearItem> YearService::items_for(const accounts::Actor& actor) {
    std::vector<YearItem> items;
    for (const auto& taking : m_programmes.taking_part(actor))
        for (const auto& activity : taking.activities)
            items.push_back(item_of(taking.programme, activity));
    for (const events::Event& event : m_events.events_for(actor)) {
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

std::string YearService::new_feed_token(const accounts::Actor& actor) {
    const std::string token = accounts::random_token();
    db::Transaction transaction(m_database);
    store::replace_feed(transaction.session(), actor.trust_id, actor.person_id, accounts::hash_token(token));
    transaction.commit();
    return token;
}

bool YearService::has_feed(const accounts::Actor& actor) {
    auto session = m_database.lease();
    return store::has_feed(*session, actor.trust_id, actor.person_id);
}

std::optional<accounts::Actor> YearService::feed_owner(const std::string& token) {
    auto session = m_database.lease();
    return store::feed_owner(*session, accounts::hash_token(token));
}

} // namespace trellis::year
