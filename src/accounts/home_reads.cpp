#include "accounts/home_reads.h"

#include <span>

#include "learning/store.h"
#include "programmes/store.h"

namespace trellis::accounts {

namespace {

// The batch: the notices' reads, then these three, in this order.
std::vector<std::string> home_queries(const notifications::NotificationService& notices) {
    std::vector<std::string> queries = notices.reads();
    queries.push_back(learning::store::kProgressRows);
    queries.push_back(programmes::store::kStatusRows);
    queries.push_back(surveys::response_store::kStandingRows);
    return queries;
}

} // namespace

HomeReads::HomeReads(db::Database& database, notifications::NotificationService& notices)
    : m_database(database), m_notices(notices), m_notice_reads(notices.reads().size()),
      m_batch(home_queries(notices)) {}

HomeStanding HomeReads::read(const Actor& actor) {
    std::vector<std::vector<db::BatchRow>> rows;
    {
        auto session = m_database.lease(); // given back before the notices may write what is owed
        rows = m_batch.read(*session, actor.trust_id, actor.person_id);
    }
    const std::size_t after = m_notice_reads; // the home page's own reads follow the notices'
    HomeStanding standing;
    standing.notices = m_notices.notices_for(actor, std::span(rows.data(), after));
    standing.modules = learning::LearningService::standings_of(learning::store::progress_from(rows[after]));
    standing.programme_statuses = programmes::store::statuses_from(rows[after + 1]);
    standing.surveys = surveys::response_store::standings_from(rows[after + 2]);
    return standing;
}

} // namespace trellis::accounts
