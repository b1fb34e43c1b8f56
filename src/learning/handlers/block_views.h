#pragma once

// Turns one block of a module, with the person's saved state, into HTML. The same rendering serves
// the whole page and the fragment a script asks for after saving, so the two never disagree.

#include <string>

#include "http/views.h"
#include "learning/activities.h"
#include "learning/content/library.h"
#include "learning/service.h"

namespace trellis::learning::handlers {

struct BlockView {
    const content::ContentSnapshot& library;
    const content::Module& module;
    int page_number = 1;
    const content::Block& block;
    const BlockStates& states;
    std::string csrf;
    std::string error;                     // a refused answer's message, shown at the block
    const Submission* submitted = nullptr; // what was sent with a refused answer, shown back
};

std::string render_block(const http::Views& views, const BlockView& view);

// Where the files of a module are served: "/learning/SLUG/".
std::string module_address(const content::Module& module);

} // namespace trellis::learning::handlers
