#include "notifications/service.h"

#include <algorithm>

#include "notifications/store.h"

namespace trellis::notifications {

std::vector<Notice> NotificationService::notices_for(const accounts::Actor& actor) {
    // On the home page the person sees them now: no email.
    write_owed(actor, /*by_email=*/false);
    db::Database::Lease session(m_database);
    return store::active_notices(*session, actor.trust_id, actor.person_id);
}

int NotificationService::write_owed(const accounts::Actor& actor, bool by_email) {
    std::vector<Owed> missing;
    {
        db::Database::Lease session(m_database);
        const auto links = store::links_noticed(*session, actor.trust_id, actor.person_id);
        for (const OwedSource& source : m_sources)
            for (Owed& owed : source(*session, actor))
                if (std::find(links.begin(), links.end(), owed.link) == links.end())
                    missing.push_back(std::move(owed));
    }
    // Written only when something is owed, so an ordinary visit to the home page only reads.
    if (!missing.empty()) {
        db::Transaction transaction(m_database);
        for (const Owed& owed : missing)
            store::add_once(transaction.session(), actor.trust_id, actor.person_id, owed.text, owed.link,
                            by_email);
        transaction.commit();
    }
    return static_cast<int>(missing.size());
}

bool NotificationService::dismiss(const accounts::Actor& actor, long long notice_id) {
    db::Transaction transaction(m_database);
    const bool dismissed = store::dismiss(transaction.session(), actor.trust_id, actor.person_id, notice_id);
    transaction.commit();
    return dismissed;
}

} // namespace trellis::notifications
