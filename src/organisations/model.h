#pragma once

#include <string>

namespace trellis::organisations {

// A tenant: a multi-academy trust, or a stand-alone school registered as a trust of one.
struct Trust {
    long long id = 0;
    std::string slug;
    std::string name;
};

struct School {
    long long id = 0;
    long long trust_id = 0;
    std::string name;
    std::string phase; // primary, secondary, special, all-through
};

// True when `phase` is one of the phases a school or person may have.
bool is_known_phase(const std::string& phase);

} // namespace trellis::organisations
