#include "notifications/service.h"

#include <algorithm>

#include "notifications/store.h"

namespace trellis::notifications {

namespace {

std::vector<std::string> queries_of(const std::vector<OwedSource>& sources) {
    std::vector<std::string> queries;
    for (const OwedSource& source : sources)
        queries.push_back(source.query);
    return queries;
}

} // namespace

NotificationService::NotificationService(db::Database& database, std::vector<OwedSource> sources)
    : m_database(database), m_sources(std::move(sources)),
      m_read(store::sourced_read(queries_of(m_sources))) {}

std::vector<Notice> NotificationService::notices_for(const accounts::Actor& actor) {
    // One read of the person's notices and of their standing in each area tells what is owed and what
    // to show, unless something owed has to be written first. On the home page the person sees them
    // now: no email.
    Standing standing = standing_of(actor);
    if (standing.missing.empty())
        return standing.held.active;
    write(actor, standing.missing, /*by_email=*/false);
    db::Database::Lease session(m_database);
    return store::notices_held(*session, actor.trust_id, actor.person_id).active;
}

int NotificationService::write_owed(const accounts::Actor& actor, bool by_email) {
    const Standing standing = standing_of(actor);
    write(actor, standing.missing, by_email);
    return static_cast<int>(standing.missing.size());
}

NotificationService::Standing NotificationService::standing_of(const accounts::Actor& actor) {
    db::Database::Lease session(m_database);
    store::NoticesAndSources read = store::read_sourced(*session, m_read, actor.trust_id, actor.person_id);
    Standing standing{std::move(read.held), {}};
    const auto& links = standing.held.links;
    for (std::size_t i = 0; i < m_sources.size(); ++i)
        for (Owed& owed : m_sources[i].owed(*session, actor, read.sourced[i]))
            if (std::find(links.begin(), links.end(), owed.link) == links.end())
                standing.missing.push_back(std::move(owed));
    return standing;
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
