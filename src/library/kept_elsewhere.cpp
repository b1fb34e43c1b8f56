#include "library/kept_elsewhere.h"

#include <set>

#include "library/file_text.h"
#include "library/files.h"
#include "library/item_store.h"

namespace trellis::library {

namespace {

constexpr const char* kModuleResource = "module";

// Any fixed number no other part of Trellis uses as an advisory lock key (one for every trust: listing
// the resources is rare and quick).
constexpr long long kModuleResourcesLockKey = 7317160002;

std::string words_of_resource(const learning::content::ResourceBlock& resource,
                              const std::filesystem::path& folder) {
    try {
        const std::string& name = resource.source.empty() ? resource.file : resource.source;
        return searchable_text(name, read_file(folder / name));
    } catch (const std::exception&) {
        return ""; // a file that cannot be read is still listed, found by its title
    }
}

} // namespace

std::vector<Item> module_resource_items(const learning::content::ContentSnapshot& modules,
                                        const std::filesystem::path& directory) {
    std::vector<Item> items;
    for (const learning::content::Module& module : modules.modules())
        for (const learning::content::Page& page : module.pages)
            for (const learning::content::Block& block : page.blocks) {
                if (block.type != learning::content::BlockType::Resource)
                    continue;
                const auto& resource = block.as<learning::content::ResourceBlock>();
                Item item;
                item.kind = ItemKind::Material;
                item.title = resource.title;
                item.link = "/learning/" + module.slug + "/resources/" + block.id;
                item.filename = resource.source.empty()
                                    ? std::filesystem::path(resource.file).filename().string()
                                    : block.id + ".pdf";
                item.body = words_of_resource(resource, directory / module.slug);
                item.used_in_kind = kModuleResource;
                item.used_in_title = "Online module: " + module.title;
                item.used_in_path = "/learning/" + module.slug;
                items.push_back(item);
            }
    return items;
}

void keep_module_resources(soci::session& sql, long long trust_id, const std::vector<Item>& resources) {
    if (sql.get_backend_name() != "sqlite3") // SQLite's BEGIN IMMEDIATE already lets one writer in
        sql << "SELECT pg_advisory_xact_lock(" << kModuleResourcesLockKey << ")";
    std::set<std::string> links;
    for (Item item : resources) {
        item.trust_id = trust_id;
        links.insert(item.link);
        item_store::keep(sql, item);
    }
    for (const auto& [id, link] : item_store::kept_links(sql, trust_id, kModuleResource))
        if (!links.count(link))
            item_store::remove(sql, trust_id, id);
}

} // namespace trellis::library
