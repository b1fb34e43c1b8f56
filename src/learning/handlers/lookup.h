#pragma once

// What every module handler looks up first: the module named in the address, the block named in
// it, and the signed-in person as a learner.

#include <filesystem>
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

Learner learner_of(const accounts::Actor& actor);

// The bytes of one of a module's files, as stored ("" when it cannot be read).
std::string read_module_file(const std::filesystem::path& path);

} // namespace trellis::learning::handlers
