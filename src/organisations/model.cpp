#include "organisations/model.h"

namespace trellis::organisations {

bool is_known_phase(const std::string& phase) {
    return phase == "primary" || phase == "secondary" || phase == "special" || phase == "all-through";
}

} // namespace trellis::organisations
