#pragma once

// What every module handler looks up first: the module named in the address, the block named in
// it, and the signed-in person as a learner.

#include <memory>
#include <optional>
#include <string>

#include "http/request_context.h"
#include "learning/content/library.h"
#include "learning/service.h"

namespace trellis::learning::handlers {

// A module together with the snapshot that holds it, so both stay alive for the request.
struct ModuleInContext {
    std::shared_ptr<const content::ContentSnapshot> library;
    const content::Module* module = nullptr;
};

// The module whose slug is the route's first capture; renders the 404 page and returns nullopt
// when there is none.
std::optional<ModuleInContext> module_in(http::RequestContext& context);

struct LocatedBlock {
    const content::Block* block = nullptr; // null when the module has no such block
    int page_number = 0;                   // 1-based
};

// The activity block with this id, and its page.
LocatedBlock locate_block(const content::Module& module, const std::string& block_id);

Learner learner_of(const accounts::Actor& actor);

} // namespace trellis::learning::handlers
