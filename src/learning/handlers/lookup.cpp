#include "learning/handlers/lookup.h"

#include <fstream>
#include <sstream>

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

std::string read_module_file(const std::filesystem::path& path) {
    std::ifstream stream(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << stream.rdbuf();
    return bytes.str();
}

Learner learner_of(const accounts::Actor& actor) {
    return Learner{actor.trust_id, actor.person_id, actor.display_name};
}

} // namespace trellis::learning::handlers
