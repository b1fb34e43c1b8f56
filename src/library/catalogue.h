#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "db/per_trust.h"
#include "learning/content/library.h"
#include "library/model.h"
#include "priorities/service.h"
#include "storage/file_store.h"

// The trust's library: one search over every training material in Trellis, tagged by priority,
// phase, staff group and EEF mechanism (schema: 0023_library.sql).
namespace trellis::library {

// An item as typed into its form. A new item has a file (filename and content) or a link.
struct ItemForm {
    std::string title;
    std::string description;
    std::string link;
    std::string filename;
    std::string content;
    std::vector<std::string> priorities; // ids, as sent
    std::vector<std::string> phases;
    std::vector<std::string> staff_groups;
    std::vector<std::string> mechanisms;
};

// Everyone in the trust searches the trust's items and their own school's; leads add files and
// links and tag anything (accounts::may_keep_library). A broken rule throws std::invalid_argument
// with a message for the person, and nothing is saved.
class Library {
  public:
    // `modules` are the online modules, whose printable resources the library lists for every trust.
    Library(db::Database& database, storage::FileStore& files, priorities::PrioritiesService& priorities,
            const learning::content::ContentLibrary& modules)
        : m_database(database), m_files(files), m_priorities(priorities), m_modules(modules) {}

    std::vector<Item> search(const accounts::Actor& actor, const Query& query);
    // The item when the actor may find it; nullopt otherwise, as if it did not exist.
    std::optional<Item> find(const accounts::Actor& actor, long long item_id);
    // Adds a file (checked like every upload, its words read for search) or a link, for the trust
    // or, for a school PD lead, for their school; returns its id.
    long long add(const accounts::Actor& actor, const ItemForm& form);
    // Saves an item's title, description, link (for a link) and tags.
    void update(const accounts::Actor& actor, const Item& item, const ItemForm& form);
    // Removes a file or link the lead added; a workshop's or programme's file goes from its own page.
    void remove(const accounts::Actor& actor, const Item& item);
    // The bytes of an added file.
    std::string read(const Item& item);
    // The tags the form names, each checked (an unknown priority, phase, group or mechanism throws).
    std::vector<Tag> tags_of(long long trust_id, const ItemForm& form);

  private:
    // Brings the trust's items for the modules' resources up to date with the modules as loaded now:
    // once per trust each time the modules change, on the first search after.
    void keep_module_resources_of(long long trust_id);

    db::Database& m_database;
    storage::FileStore& m_files;
    priorities::PrioritiesService& m_priorities;
    const learning::content::ContentLibrary& m_modules;
    std::mutex m_kept_mutex;
    // For each trust, the modules its items were last brought up to date with.
    std::map<long long, std::shared_ptr<const learning::content::ContentSnapshot>> m_kept_for;
    // The library's first page (its newest items, no words or tags asked) for each trust and school
    // scope, kept with the trust's shared version (migration 0041): most visits to the library open it.
    db::PerTrust<std::vector<Item>, std::pair<long long, long long>> m_newest;
};

} // namespace trellis::library
