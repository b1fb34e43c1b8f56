#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <soci/soci.h>

#include "library/model.h"

// The only SQL for library_items, library_tags and the search index. Every function names the
// trust in its query. The two engines search differently (SQLite's FTS5 table, PostgreSQL's
// tsvector column); that difference stays inside this file.
namespace trellis::library::item_store {

// Adds the item with its tags and its words to the search index; returns its id.
long long insert(soci::session& sql, const Item& item);
// Saves the item's title, description and tags, and indexes its words again.
void update(soci::session& sql, const Item& item);
void remove(soci::session& sql, long long trust_id, long long item_id);
// Removes the library items of these materials, inside the caller's transaction that removes them.
void forget_materials(soci::session& sql, long long trust_id, const std::vector<long long>& material_ids);
// Keeps an item that stands for something kept elsewhere in Trellis (a module's printable resource, a
// session's recording), found by its trust, `used_in_kind` and `link`: added the first time, its title,
// words and where it is used brought up to date after that (its tags stay as a lead set them).
void keep(soci::session& sql, const Item& item);
// The links of the trust's kept items of one kind, with their ids.
std::vector<std::pair<long long, std::string>> kept_links(soci::session& sql, long long trust_id,
                                                          const std::string& used_in_kind);

// The item with its tags, when it is the trust's and within `school_scope` (a school id, or
// kEverySchool): items for the whole trust are in every scope.
std::optional<Item> find(soci::session& sql, long long trust_id, long long school_scope, long long item_id);
// Items matching every word and tag of the query, best first (newest first with no words), at most
// kMostFound, each with its tags. A workshop's materials are found only once it is approved.
std::vector<Item> search(soci::session& sql, long long trust_id, long long school_scope, const Query& query);

} // namespace trellis::library::item_store
