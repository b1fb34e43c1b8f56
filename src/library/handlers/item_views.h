#pragma once

#include <map>
#include <string>
#include <vector>

#include <mstch/mstch.hpp>

#include "http/request_context.h"
#include "library/catalogue.h"

// What the library's pages share: tags in words, the choices of each tag, and an item as a row.
namespace trellis::library::handlers {

// The trust's priorities (and the actor's school's) by id, as titles.
std::map<std::string, std::string> priority_titles(http::RequestContext& context);
// A tag in words, e.g. "Key stage 2 reading" for a priority, "Primary" for a phase.
std::string tag_label(const Tag& tag, const std::map<std::string, std::string>& priorities);
// The item for a page: title, link, kind, size, description, tags and where it is used.
mstch::map item_view(const Item& item, const std::map<std::string, std::string>& priorities);
// Options for each of the four tags, marked where the value is among `chosen` (the key of each
// list is "priorities", "phases", "groups", "mechanisms").
mstch::map tag_options(const std::map<std::string, std::string>& priorities, const std::vector<Tag>& chosen);
// The form's tags as sent, for showing it again.
std::vector<Tag> tags_sent(const ItemForm& form);

} // namespace trellis::library::handlers
