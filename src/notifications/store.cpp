#include "notifications/store.h"

#include <regex>

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

// The person's notices as the first part of a sourced read: source 0, in OwedRow's columns.
constexpr const char* kNoticesAsRows = "SELECT 0, id, text, link, created_at, dismissed_at FROM notices "
                                       "WHERE trust_id = :trust AND person_id = :person";

struct SourcedColumns {
    long long source = 0;
    OwedRow row;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(source));
        statement.exchange(soci::into(row.id));
        statement.exchange(soci::into(row.text));
        statement.exchange(soci::into(row.more));
        statement.exchange(soci::into(row.first));
        statement.exchange(soci::into(row.second));
    }
    const SourcedColumns& fetched() const { return *this; }
};

} // namespace

SourcedRead sourced_read(const std::vector<std::string>& queries) {
    std::string joined = kNoticesAsRows;
    for (std::size_t i = 0; i < queries.size(); ++i) {
        const std::string n = std::to_string(i + 1);
        joined += " UNION ALL SELECT " + n + ", s" + n + ".* FROM (" + queries[i] + ") s" + n;
    }
    joined += " ORDER BY 1, 5 DESC, 2 DESC"; // the notices newest first, as notices_held reads them
    // Each use of :trust and :person becomes a parameter of its own: SQLite gives every use of one
    // name a single parameter, and binding here is by position.
    SourcedRead read;
    read.sources = queries.size();
    static const std::regex parameter(":(trust|person)\\b");
    std::size_t copied = 0;
    for (auto found = std::sregex_iterator(joined.begin(), joined.end(), parameter);
         found != std::sregex_iterator(); ++found) {
        read.query += joined.substr(copied, static_cast<std::size_t>(found->position()) - copied);
        read.query += ":p" + std::to_string(read.is_person.size());
        read.is_person.push_back((*found)[1] == "person");
        copied = static_cast<std::size_t>(found->position() + found->length());
    }
    read.query += joined.substr(copied);
    return read;
}

NoticesAndSources read_sourced(soci::session& sql, const SourcedRead& read, long long trust_id,
                               long long person_id) {
    NoticesAndSources found;
    found.sourced.resize(read.sources);
    SourcedColumns columns;
    db::fetch_rows(
        sql, read.query, columns,
        [&](soci::statement& statement) {
            for (const bool is_person : read.is_person)
                statement.exchange(soci::use(is_person ? person_id : trust_id));
        },
        [&](const SourcedColumns& row) {
            if (row.source > 0) {
                found.sourced.at(static_cast<std::size_t>(row.source - 1)).push_back(row.row);
                return;
            }
            found.held.links.push_back(row.row.more);
            if (row.row.second == 0)
                found.held.active.push_back(Notice{row.row.id, row.row.text, row.row.more, row.row.first});
        });
    return found;
}

NoticesHeld notices_held(soci::session& sql, long long trust_id, long long person_id) {
    static const SourcedRead notices_alone = sourced_read({});
    return read_sourced(sql, notices_alone, trust_id, person_id).held;
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
