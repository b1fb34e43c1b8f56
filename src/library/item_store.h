#pragma once

#include <optional>
#include <string>
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
// The item with its tags, when it is the trust's and within `school_scope` (a school id, or
// kEverySchool): items for the whole trust are in every scope.
std::optional<Item> find(soci::session& sql, long long trust_id, long long school_scope, long long item_id);
// Items matching every word and tag of the query, best first (newest first with no words), at most
// kMostFound, each with its tags. A workshop's materials are found only once it is approved.
std::vector<Item> search(soci::session& sql, long long trust_id, long long school_scope, const Query& query);

} // namespace trellis::library::item_store
