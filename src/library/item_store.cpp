#include "library/item_store.h"

#include <algorithm>
#include <cctype>

#include "db/database.h"
#include "db/json_pairs.h"
#include "db/rows.h"

namespace trellis::library::item_store {

namespace {

// An item's columns and its tags, read in the one statement: a list of 50 items used to read their
// tags in a second one, a round trip more on every view of the library.
std::string item_columns(soci::session& sql) {
    return "SELECT i.id, i.trust_id, i.school_id, i.kind, COALESCE(i.material_id, 0), i.title, "
           "i.description, i.link, i.filename, i.stored_name, i.content_type, i.bytes, i.used_in_kind, "
           "i.used_in_id, i.used_in_title, i.used_in_path, COALESCE(i.added_by, 0), i.added_at, " +
           db::json_pairs_column(sql, "t.dimension", "t.value",
                                 "FROM library_tags t WHERE t.trust_id = i.trust_id AND t.item_id = i.id") +
           " ";
}
// A workshop's materials join the library once the workshop is approved.
constexpr const char* kVisibleOffer =
    " AND (i.used_in_kind <> 'offer' OR EXISTS (SELECT 1 FROM workshop_offers o WHERE o.id = i.used_in_id "
    "AND o.trust_id = i.trust_id AND o.status = 'approved'))";
constexpr const char* kInsert =
    "INSERT INTO library_items (trust_id, school_id, kind, material_id, title, description, link, filename, "
    "stored_name, content_type, bytes, body, used_in_kind, used_in_id, used_in_title, used_in_path, "
    "added_by, "
    "added_at) VALUES (:trust, :school, :kind, :material, :title, :description, :link, :filename, :stored, "
    ":type, :bytes, :body, :used_kind, :used_id, :used_title, :used_path, :by, :at) RETURNING id";

bool on_sqlite(soci::session& sql) {
    return sql.get_backend_name() == "sqlite3";
}

// Tags in the order the library shows them: priorities, phases, staff groups, then the rest.
int dimension_place(const std::string& dimension) {
    if (dimension == "priority")
        return 0;
    if (dimension == "phase")
        return 1;
    return dimension == "staff_group" ? 2 : 3;
}

std::vector<Tag> tags_in_order(const std::string& column) {
    std::vector<Tag> tags;
    for (auto& [dimension, value] : db::json_pairs(column))
        tags.push_back({std::move(dimension), std::move(value)});
    std::sort(tags.begin(), tags.end(), [](const Tag& a, const Tag& b) {
        return std::pair(dimension_place(a.dimension), a.value) <
               std::pair(dimension_place(b.dimension), b.value);
    });
    return tags;
}

struct ItemColumns {
    Item item;
    std::string kind;
    std::string tags;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(item.id));
        statement.exchange(soci::into(item.trust_id));
        statement.exchange(soci::into(item.school_id));
        statement.exchange(soci::into(kind));
        statement.exchange(soci::into(item.material_id));
        statement.exchange(soci::into(item.title));
        statement.exchange(soci::into(item.description));
        statement.exchange(soci::into(item.link));
        statement.exchange(soci::into(item.filename));
        statement.exchange(soci::into(item.stored_name));
        statement.exchange(soci::into(item.content_type));
        statement.exchange(soci::into(item.bytes));
        statement.exchange(soci::into(item.used_in_kind));
        statement.exchange(soci::into(item.used_in_id));
        statement.exchange(soci::into(item.used_in_title));
        statement.exchange(soci::into(item.used_in_path));
        statement.exchange(soci::into(item.added_by));
        statement.exchange(soci::into(item.added_at));
        statement.exchange(soci::into(tags));
    }
    Item fetched() const {
        Item row = item;
        row.tags = tags_in_order(tags);
        row.kind = kind == "link" ? ItemKind::Link : kind == "material" ? ItemKind::Material : ItemKind::File;
        return row;
    }
};

// The words of a search, lower-cased, each of letters and digits (and any non-ASCII letters), so
// that no character of either engine's query syntax reaches it.
std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) || byte >= 0x80) {
            word += static_cast<char>(std::tolower(byte));
        } else if (!word.empty()) {
            words.push_back(word);
            word.clear();
        }
    }
    if (!word.empty())
        words.push_back(word);
    if (words.size() > 12)
        words.resize(12);
    return words;
}

// Every word must match: FTS5 reads quoted words side by side as AND, to_tsquery needs '&'.
std::string match_of(const std::vector<std::string>& words, bool sqlite) {
    std::string match;
    for (const std::string& word : words) {
        if (!match.empty())
            match += sqlite ? " " : " & ";
        match += sqlite ? "\"" + word + "\"" : word;
    }
    return match;
}

// Writes the item's words to SQLite's index (PostgreSQL computes its column itself).
void reindex(soci::session& sql, long long item_id) {
    if (!on_sqlite(sql))
        return;
    sql << "DELETE FROM library_search WHERE rowid = :id", soci::use(item_id);
    sql << "INSERT INTO library_search (rowid, title, description, body) SELECT id, title, description, body "
           "FROM library_items WHERE id = :id",
        soci::use(item_id);
}

void write_tags(soci::session& sql, const Item& item) {
    sql << "DELETE FROM library_tags WHERE trust_id = :trust AND item_id = :id", soci::use(item.trust_id),
        soci::use(item.id);
    for (const Tag& tag : item.tags)
        sql << "INSERT INTO library_tags (item_id, trust_id, dimension, value) VALUES (:id, :trust, "
               ":dimension, "
               ":value)",
            soci::use(item.id), soci::use(item.trust_id), soci::use(tag.dimension), soci::use(tag.value);
}

// Ranking reads the words of every match, which for a common word among 20,000 items takes longer
// than a search should (a third of a second for 1,600 matches on PostgreSQL under load). Past this
// many matches the newest come first, found in milliseconds however many there are; a second word
// or a tag soon brings a search back under it.
constexpr int kRankedAtMost = 500;

// True when the words match few enough items (in any trust: only the cost is judged) to rank them
// all; counting stops one past the limit.
bool rank_all(soci::session& sql, const std::string& match, bool sqlite) {
    long long matches = 0;
    const std::string limit = " LIMIT " + std::to_string(kRankedAtMost + 1) + ") found";
    const std::string count =
        sqlite
            ? "SELECT COUNT(*) FROM (SELECT 1 FROM library_search WHERE library_search MATCH :match" + limit
            : "SELECT COUNT(*) FROM (SELECT 1 FROM library_items WHERE search @@ to_tsquery('english', "
              ":match)" +
                  limit;
    auto statement = db::run_once(sql, count, soci::into(matches), soci::use(match));
    statement.fetch();
    return matches <= kRankedAtMost;
}

std::string scope_condition(long long school_scope) {
    return school_scope == kEverySchool ? "" : " AND i.school_id IN (0, :school)";
}

} // namespace

long long insert(soci::session& sql, const Item& item) {
    long long id = 0;
    const std::string kind = text_of(item.kind);
    const long long now = item.added_at ? item.added_at : db::now_seconds();
    long long material_id = item.material_id;
    soci::indicator material_known = item.material_id ? soci::i_ok : soci::i_null;
    long long added_by = item.added_by;
    soci::indicator by_known = item.added_by ? soci::i_ok : soci::i_null;
    sql << kInsert, soci::use(item.trust_id), soci::use(item.school_id), soci::use(kind),
        soci::use(material_id, material_known), soci::use(item.title), soci::use(item.description),
        soci::use(item.link), soci::use(item.filename), soci::use(item.stored_name),
        soci::use(item.content_type), soci::use(item.bytes), soci::use(item.body),
        soci::use(item.used_in_kind), soci::use(item.used_in_id), soci::use(item.used_in_title),
        soci::use(item.used_in_path), soci::use(added_by, by_known), soci::use(now), soci::into(id);
    Item saved = item;
    saved.id = id;
    write_tags(sql, saved);
    reindex(sql, id);
    return id;
}

void update(soci::session& sql, const Item& item) {
    sql << "UPDATE library_items SET title = :title, description = :description, link = :link WHERE trust_id "
           "= "
           ":trust AND id = :id",
        soci::use(item.title), soci::use(item.description), soci::use(item.link), soci::use(item.trust_id),
        soci::use(item.id);
    write_tags(sql, item);
    reindex(sql, item.id);
}

void remove(soci::session& sql, long long trust_id, long long item_id) {
    if (on_sqlite(sql))
        sql << "DELETE FROM library_search WHERE rowid IN (SELECT id FROM library_items WHERE trust_id = "
               ":trust "
               "AND id = :id)",
            soci::use(trust_id), soci::use(item_id);
    sql << "DELETE FROM library_tags WHERE trust_id = :trust AND item_id = :id", soci::use(trust_id),
        soci::use(item_id);
    sql << "DELETE FROM library_items WHERE trust_id = :trust AND id = :id", soci::use(trust_id),
        soci::use(item_id);
}

void keep(soci::session& sql, const Item& item) {
    long long id = 0;
    Item kept;
    if (!db::read_one(sql,
                      "SELECT id, title, school_id, body, used_in_id, used_in_title, used_in_path FROM "
                      "library_items WHERE trust_id = :trust AND used_in_kind = :kind AND link = :link",
                      soci::use(item.trust_id), soci::use(item.used_in_kind), soci::use(item.link),
                      soci::into(id), soci::into(kept.title), soci::into(kept.school_id),
                      soci::into(kept.body), soci::into(kept.used_in_id), soci::into(kept.used_in_title),
                      soci::into(kept.used_in_path))) {
        insert(sql, item);
        return;
    }
    // Unchanged, it is left alone: every write raises the trust's shared version (0041), which
    // would make every server read the trust's kept pages again each time a server starts.
    if (kept.title == item.title && kept.school_id == item.school_id && kept.body == item.body &&
        kept.used_in_id == item.used_in_id && kept.used_in_title == item.used_in_title &&
        kept.used_in_path == item.used_in_path)
        return;
    sql << "UPDATE library_items SET title = :title, school_id = :school, body = :body, used_in_id = "
           ":used_id, "
           "used_in_title = :used_title, used_in_path = :used_path WHERE trust_id = :trust AND id = :id",
        soci::use(item.title), soci::use(item.school_id), soci::use(item.body), soci::use(item.used_in_id),
        soci::use(item.used_in_title), soci::use(item.used_in_path), soci::use(item.trust_id), soci::use(id);
    reindex(sql, id);
}

std::vector<std::pair<long long, std::string>> kept_links(soci::session& sql, long long trust_id,
                                                          const std::string& used_in_kind) {
    std::vector<std::pair<long long, std::string>> found;
    long long id = 0;
    std::string link;
    auto rows = db::run_once(
        sql,
        "SELECT id, link FROM library_items WHERE trust_id = :trust AND used_in_kind = :kind ORDER BY id",
        soci::into(id), soci::into(link), soci::use(trust_id), soci::use(used_in_kind));
    while (rows.fetch())
        found.emplace_back(id, link);
    return found;
}

void forget_materials(soci::session& sql, long long trust_id, const std::vector<long long>& material_ids) {
    for (long long material_id : material_ids) {
        long long item_id = 0;
        soci::indicator found = soci::i_null;
        const bool read = db::read_one(
            sql, "SELECT id FROM library_items WHERE trust_id = :trust AND material_id = :material",
            soci::use(trust_id), soci::use(material_id), soci::into(item_id, found));
        if (read && found == soci::i_ok)
            remove(sql, trust_id, item_id);
    }
}

std::optional<Item> find(soci::session& sql, long long trust_id, long long school_scope, long long item_id) {
    std::vector<Item> rows;
    ItemColumns columns;
    db::fetch_rows(
        sql,
        item_columns(sql) + "FROM library_items i WHERE i.trust_id = :trust AND i.id = :id" +
            scope_condition(school_scope) + kVisibleOffer,
        columns,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(item_id));
            if (school_scope != kEverySchool)
                statement.exchange(soci::use(school_scope));
        },
        [&](const Item& row) { rows.push_back(row); });
    if (rows.empty())
        return std::nullopt;
    return rows.front();
}

std::vector<Item> search(soci::session& sql, long long trust_id, long long school_scope, const Query& query) {
    const bool sqlite = on_sqlite(sql);
    const std::vector<std::string> words = words_of(query.text);
    const std::string match = match_of(words, sqlite);
    std::string from, order;
    if (words.empty()) {
        from = "FROM library_items i WHERE i.trust_id = :trust";
        order = " ORDER BY i.added_at DESC, i.id DESC";
    } else if (sqlite) {
        // bm25 weighs a word in the title above one in the description, and both above the file's text.
        from = "FROM library_search JOIN library_items i ON i.id = library_search.rowid WHERE library_search "
               "MATCH :match AND i.trust_id = :trust";
        order = rank_all(sql, match, sqlite) ? " ORDER BY bm25(library_search, 10.0, 4.0, 1.0), i.id DESC"
                                             : " ORDER BY library_search.rowid DESC";
    } else {
        from = "FROM library_items i, (SELECT to_tsquery('english', :match) AS query) q WHERE i.search @@ "
               "q.query "
               "AND i.trust_id = :trust";
        order = rank_all(sql, match, sqlite) ? " ORDER BY ts_rank(i.search, q.query) DESC, i.id DESC"
                                             : " ORDER BY i.id DESC";
    }
    std::string where = scope_condition(school_scope) + kVisibleOffer;
    for (std::size_t index = 0; index < query.tags.size(); ++index)
        where +=
            " AND EXISTS (SELECT 1 FROM library_tags t WHERE t.item_id = i.id AND t.trust_id = i.trust_id "
            "AND t.dimension = :dimension" +
            std::to_string(index) + " AND t.value = :value" + std::to_string(index) + ")";
    std::vector<Item> rows;
    ItemColumns columns;
    db::fetch_rows(
        sql, item_columns(sql) + from + where + order + " LIMIT " + std::to_string(kMostFound), columns,
        [&](soci::statement& statement) {
            if (!words.empty())
                statement.exchange(soci::use(match));
            statement.exchange(soci::use(trust_id));
            if (school_scope != kEverySchool)
                statement.exchange(soci::use(school_scope));
            for (const Tag& tag : query.tags) {
                statement.exchange(soci::use(tag.dimension));
                statement.exchange(soci::use(tag.value));
            }
        },
        [&](const Item& row) { rows.push_back(row); });
    return rows;
}

} // namespace trellis::library::item_store
