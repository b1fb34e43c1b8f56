#pragma once

#include <string>

namespace trellis::organisations {

// A tenant: a multi-academy trust, or a stand-alone school registered as a trust of one.
struct Trust {
    long long id = 0;
    std::string slug;
    std::string name;
    // The fewest people a report may describe: a chart, table or export over fewer shows "fewer
    // than N" instead. Never below kFewestReportable.
    int smallest_group = 5;
};

// The least a trust may set its smallest group to: a figure over one or two people points at them.
inline constexpr int kFewestReportable = 3;
// The most: beyond this a small school's groups would all be hidden.
inline constexpr int kMostReportable = 30;

struct School {
    long long id = 0;
    long long trust_id = 0;
    std::string name;
    std::string phase; // primary, secondary, special, all-through
};

// True when `phase` is one of the phases a school or person may have.
bool is_known_phase(const std::string& phase);

} // namespace trellis::organisations
