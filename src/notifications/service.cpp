#include "notifications/service.h"

#include <algorithm>

#include "notifications/store.h"

namespace trellis::notifications {

std::vector<Notice> NotificationService::notices_for(const accounts::Actor& actor) {
    // One read of the person's notices tells what is owed and what to show, unless something owed
    // has to be written first. On the home page the person sees them now: no email.
    std::vector<Owed> owed;
    store::NoticesHeld held;
    {
        db::Database::Lease session(m_database);
        held = store::notices_held(*session, actor.trust_id, actor.person_id);
        owed = missing(*session, actor, held.links);
    }
    if (owed.empty())
        return held.active;
    write(actor, owed, /*by_email=*/false);
    db::Database::Lease session(m_database);
    return store::notices_held(*session, actor.trust_id, actor.person_id).active;
}

int NotificationService::write_owed(const accounts::Actor& actor, bool by_email) {
    std::vector<Owed> owed;
    {
        db::Database::Lease session(m_database);
        owed = missing(*session, actor, store::notices_held(*session, actor.trust_id, actor.person_id).links);
    }
    write(actor, owed, by_email);
    return static_cast<int>(owed.size());
}

std::vector<Owed> NotificationService::missing(soci::session& sql, const accounts::Actor& actor,
                                               const std::vector<std::string>& links) {
    std::vector<Owed> found;
    for (const OwedSource& source : m_sources)
        for (Owed& owed : source(sql, actor))
            if (std::find(links.begin(), links.end(), owed.link) == links.end())
                found.push_back(std::move(owed));
    return found;
}

void NotificationService::write(const accounts::Actor& actor, const std::vector<Owed>& missing,
                                bool by_email) {
    // Written only when something is owed, so an ordinary visit to the home page only reads.
    if (missing.empty())
        return;
    db::Transaction transaction(m_database);
    for (const Owed& owed : missing)
        store::add_once(transaction.session(), actor.trust_id, actor.person_id, owed.text, owed.link,
                        by_email);
    transaction.commit();
}

bool NotificationService::dismiss(const accounts::Actor& actor, long long notice_id) {
    db::Transaction transaction(m_database);
    const bool dismissed = store::dismiss(transaction.session(), actor.trust_id, actor.person_id, notice_id);
    transaction.commit();
    return dismissed;
}

} // namespace trellis::notifications
