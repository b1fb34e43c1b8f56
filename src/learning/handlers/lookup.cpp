#include "learning/handlers/lookup.h"

#include "http/response.h"

namespace trellis::learning::handlers {

std::optional<ModuleInContext> module_in(http::RequestContext& context) {
    ModuleInContext found{context.app.content.snapshot(), nullptr};
    found.module = found.library->find(context.capture(1));
    if (found.module == nullptr) {
        http::render_error(context, 404, "There is no learning module at this address.");
        return std::nullopt;
    }
    return found;
}

LocatedBlock locate_block(const content::Module& module, const std::string& block_id) {
    if (block_id.empty())
        return {};
    for (std::size_t page = 0; page < module.pages.size(); ++page)
        for (const content::Block& block : module.pages[page].blocks)
            if (block.id == block_id)
                return LocatedBlock{&block, static_cast<int>(page) + 1};
    return {};
}

Learner learner_of(const accounts::Actor& actor) {
    return Learner{actor.trust_id, actor.person_id, actor.display_name};
}

} // namespace trellis::learning::handlers
