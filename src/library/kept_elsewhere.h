#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "learning/content/library.h"
#include "library/model.h"

// Library items for what other areas keep themselves: the online modules' printable resources (the
// same for every trust, from the module folders) and programme sessions' recordings (searched by the
// words of their captions). Each item links to where the thing is kept, which still decides who may
// open it.
namespace trellis::library {

// The modules' printable resources as items of the whole trust, each with its words: a Markdown source's
// text, or the text of a file (PDF, Markdown or plain text).
std::vector<Item> module_resource_items(const learning::content::ContentSnapshot& modules,
                                        const std::filesystem::path& directory);
// Makes the trust's library hold exactly these module resources, once each (an item whose resource left
// its module goes). Several servers may do this at once: each waits for the others.
void keep_module_resources(soci::session& sql, long long trust_id, const std::vector<Item>& resources);

} // namespace trellis::library
