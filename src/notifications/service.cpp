#include "notifications/service.h"

#include <algorithm>
#include <stdexcept>

#include "notifications/store.h"

namespace trellis::notifications {

NotificationService::NotificationService(db::Database& database, std::vector<OwedSource> sources)
    : m_database(database), m_sources(std::move(sources)), m_batch(reads()) {}

std::vector<std::string> NotificationService::reads() const {
    std::vector<std::string> queries{store::kNoticesRows};
    for (const OwedSource& source : m_sources)
        queries.push_back(source.query);
    return queries;
}

std::vector<Notice> NotificationService::notices_for(const accounts::Actor& actor,
                                                     std::span<const std::vector<db::BatchRow>> read) {
    // What was read tells what is owed and what to show, unless something owed has to be written
    // first. On the home page the person sees them now: no email.
    Standing standing;
    {
        db::Database::Lease session(m_database); // given back before write() takes one of its own
        standing = standing_of(*session, actor, read);
    }
    if (standing.missing.empty())
        return standing.held.active;
    write(actor, standing.missing, /*by_email=*/false);
    db::Database::Lease session(m_database);
    return store::notices_held(*session, actor.trust_id, actor.person_id).active;
}

int NotificationService::write_owed(const accounts::Actor& actor, bool by_email) {
    Standing standing;
    {
        db::Database::Lease session(m_database);
        standing = standing_of(*session, actor, m_batch.read(*session, actor.trust_id, actor.person_id));
    }
    write(actor, standing.missing, by_email);
    return static_cast<int>(standing.missing.size());
}

NotificationService::Standing
NotificationService::standing_of(soci::session& sql, const accounts::Actor& actor,
                                 std::span<const std::vector<db::BatchRow>> read) {
    if (read.size() != m_sources.size() + 1)
        throw std::logic_error("the notices were given " + std::to_string(read.size()) + " reads, not " +
                               std::to_string(m_sources.size() + 1));
    Standing standing{store::held_from(read[0]), {}};
    const auto& links = standing.held.links;
    for (std::size_t i = 0; i < m_sources.size(); ++i)
        for (Owed& owed : m_sources[i].owed(sql, actor, read[i + 1]))
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
