#include "record/logged_store.h"

#include "db/database.h"
#include "db/rows.h"

namespace trellis::record::logged_store {

namespace {

constexpr const char* kColumns = "SELECT id, day, category, title, minutes, link, reflection, shared FROM "
                                 "record_entries WHERE trust_id = :trust AND person_id = :person ";

struct EntryColumns {
    Entry entry;
    std::string category;
    long long minutes = 0, shared = 0;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(entry.logged_id));
        statement.exchange(soci::into(entry.day));
        statement.exchange(soci::into(category));
        statement.exchange(soci::into(entry.title));
        statement.exchange(soci::into(minutes));
        statement.exchange(soci::into(entry.link));
        statement.exchange(soci::into(entry.reflection));
        statement.exchange(soci::into(shared));
    }
    Entry fetched() const {
        Entry row = entry;
        row.kind = EntryKind::Logged;
        row.category = category_from_text(category).value_or(Category::Other);
        row.minutes = static_cast<int>(minutes);
        row.shared = shared != 0;
        row.context = "Logged by you";
        return row;
    }
};

std::vector<Entry> select(soci::session& sql, const std::string& where, long long trust_id,
                          long long person_id, const long long* entry_id) {
    std::vector<Entry> entries;
    EntryColumns columns;
    db::fetch_rows(
        sql, std::string(kColumns) + where, columns,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(person_id));
            if (entry_id)
                statement.exchange(soci::use(*entry_id));
        },
        [&](const Entry& entry) { entries.push_back(entry); });
    return entries;
}

} // namespace

long long insert(soci::session& sql, long long trust_id, long long person_id, const Entry& entry) {
    const std::string category = text_of(entry.category);
    const long long minutes = entry.minutes, shared = entry.shared ? 1 : 0, now = db::now_seconds();
    long long id = 0;
    sql << "INSERT INTO record_entries (trust_id, person_id, day, category, title, minutes, link, "
           "reflection, "
           "shared, created_at, updated_at) VALUES (:trust, :person, :day, :category, :title, :minutes, "
           ":link, "
           ":reflection, :shared, :created, :updated) RETURNING id",
        soci::use(trust_id), soci::use(person_id), soci::use(entry.day), soci::use(category),
        soci::use(entry.title), soci::use(minutes), soci::use(entry.link), soci::use(entry.reflection),
        soci::use(shared), soci::use(now), soci::use(now), soci::into(id);
    return id;
}

bool update(soci::session& sql, long long trust_id, long long person_id, const Entry& entry) {
    const std::string category = text_of(entry.category);
    const long long minutes = entry.minutes, shared = entry.shared ? 1 : 0, now = db::now_seconds();
    auto statement = db::run_change(
        sql,
        "UPDATE record_entries SET day = :day, category = :category, title = :title, minutes = "
        ":minutes, link = :link, reflection = :reflection, shared = :shared, updated_at = :now "
        "WHERE trust_id = :trust AND person_id = :person AND id = :id",
        soci::use(entry.day), soci::use(category), soci::use(entry.title), soci::use(minutes),
        soci::use(entry.link), soci::use(entry.reflection), soci::use(shared), soci::use(now),
        soci::use(trust_id), soci::use(person_id), soci::use(entry.logged_id));
    return statement.get_affected_rows() > 0;
}

bool remove(soci::session& sql, long long trust_id, long long person_id, long long entry_id) {
    auto statement = db::run_change(
        sql, "DELETE FROM record_entries WHERE trust_id = :trust AND person_id = :person AND id = :id",
        soci::use(trust_id), soci::use(person_id), soci::use(entry_id));
    return statement.get_affected_rows() > 0;
}

std::optional<Entry> find(soci::session& sql, long long trust_id, long long person_id, long long entry_id) {
    auto rows = select(sql, "AND id = :id", trust_id, person_id, &entry_id);
    if (rows.empty())
        return std::nullopt;
    return rows.front();
}

// The day, title, category as the context, link and reflection as the two times, the id, whether
// it is shared as the other id, and the minutes.
const char* const kRecordPart =
    "day, title, category, link, reflection, id, shared, minutes FROM record_entries "
    "WHERE trust_id = :trust AND person_id = :person";

Entry from_record_row(const RecordRow& row) {
    EntryColumns columns;
    columns.entry.logged_id = row.id;
    columns.entry.day = row.day;
    columns.category = row.context;
    columns.entry.title = row.title;
    columns.minutes = row.minutes;
    columns.entry.link = row.starts_at;
    columns.entry.reflection = row.ends_at;
    columns.shared = row.other_id;
    return columns.fetched();
}

} // namespace trellis::record::logged_store
