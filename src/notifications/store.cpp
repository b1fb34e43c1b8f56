#include "notifications/store.h"

#include "db/database.h"
#include "db/rows.h"
#include "mail/model.h"
#include "mail/store.h"

namespace trellis::notifications::store {

namespace {

// A person who still has the same notice on their home page is not given it twice.
constexpr const char* kAddToEach =
    "INSERT INTO notices (trust_id, person_id, text, link, created_at) "
    "SELECT :trust, :person, :text, :link, :now WHERE NOT EXISTS (SELECT 1 FROM notices "
    "WHERE trust_id = :trust2 AND person_id = :person2 AND link = :link2 AND dismissed_at = 0)";
constexpr const char* kAddOnce =
    "INSERT INTO notices (trust_id, person_id, text, link, created_at) "
    "SELECT :trust, :person, :text, :link, :at WHERE NOT EXISTS (SELECT 1 FROM notices "
    "WHERE trust_id = :trust2 AND person_id = :person2 AND link = :link2)";
// Two page views at once could both find the notice missing; on PostgreSQL the person's row lock
// makes the second wait and then find it. SQLite's write transaction already does.
constexpr const char* kLockPerson =
    "SELECT id FROM people WHERE trust_id = :trust AND id = :person FOR UPDATE";
constexpr const char* kDismissLink = "UPDATE notices SET dismissed_at = :at WHERE trust_id = :trust "
                                     "AND person_id = :person AND link = :link AND dismissed_at = 0";
constexpr const char* kDismiss = "UPDATE notices SET dismissed_at = :at WHERE trust_id = :trust "
                                 "AND person_id = :person AND id = :id AND dismissed_at = 0";

} // namespace

// Newest first, as the batch orders each read by `first` (when it was given) and then its id.
const char* const kNoticesRows = "SELECT id, text, link, created_at, dismissed_at, 0, 0, 0 FROM notices "
                                 "WHERE trust_id = :trust AND person_id = :person";

NoticesHeld held_from(const std::vector<db::BatchRow>& rows) {
    NoticesHeld held;
    for (const db::BatchRow& row : rows) {
        held.links.push_back(row.more);
        if (row.second == 0) // not dismissed
            held.active.push_back(Notice{row.id, row.text, row.more, row.first});
    }
    return held;
}

NoticesHeld notices_held(soci::session& sql, long long trust_id, long long person_id) {
    static const db::PersonBatch notices_alone({kNoticesRows});
    return held_from(notices_alone.read(sql, trust_id, person_id).front());
}

void add_once(soci::session& sql, long long trust_id, long long person_id, const std::string& text,
              const std::string& link, bool by_email) {
    if (sql.get_backend_name() == "postgresql") {
        long long locked = 0;
        db::read_one(sql, kLockPerson, soci::use(trust_id), soci::use(person_id), soci::into(locked));
    }
    const long long now = db::now_seconds();
    sql << kAddOnce, soci::use(trust_id), soci::use(person_id), soci::use(text), soci::use(link),
        soci::use(now), soci::use(trust_id), soci::use(person_id), soci::use(link);
    if (by_email)
        mail::store::queue_notices(sql, trust_id, link, now, mail::next_digest_at(now));
}

void dismiss_link(soci::session& sql, long long trust_id, long long person_id, const std::string& link) {
    const long long now = db::now_seconds();
    sql << kDismissLink, soci::use(now), soci::use(trust_id), soci::use(person_id), soci::use(link);
}

bool dismiss(soci::session& sql, long long trust_id, long long person_id, long long notice_id) {
    const long long now = db::now_seconds();
    auto statement = db::run_change(sql, kDismiss, soci::use(now), soci::use(trust_id), soci::use(person_id),
                                    soci::use(notice_id));
    return statement.get_affected_rows() > 0;
}

void add_to_each(soci::session& sql, long long trust_id, const std::vector<long long>& person_ids,
                 const std::string& text, const std::string& link) {
    if (person_ids.empty())
        return;
    const long long now = db::now_seconds();
    std::vector<long long> people = person_ids;
    std::vector<long long> trusts(people.size(), trust_id), times(people.size(), now);
    std::vector<std::string> texts(people.size(), text), links(people.size(), link);
    sql << kAddToEach, soci::use(trusts), soci::use(people), soci::use(texts), soci::use(links),
        soci::use(times), soci::use(trusts), soci::use(people), soci::use(links);
    mail::store::queue_notices(sql, trust_id, link, now, mail::next_digest_at(now));
}

} // namespace trellis::notifications::store
