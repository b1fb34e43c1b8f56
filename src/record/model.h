#pragma once

#include <string>

// Each person's record of professional development, filled in from what Trellis already knows:
// modules completed, training-day workshops attended or presented, programme sessions attended
// live or caught up from a recording, and collaboration groups met in.
namespace trellis::record {

enum class EntryKind {
    Module,
    WorkshopAttended,
    WorkshopPresented,
    SessionLive,
    SessionCaughtUp,
    Collaboration
};
std::string label_of(EntryKind kind);

struct Entry {
    std::string day; // YYYY-MM-DD
    EntryKind kind = EntryKind::Module;
    std::string title;
    std::string context; // the event or programme it was part of
    int minutes = 0;     // 0 when not known
    std::string link;    // the page it came from, or ""
};

} // namespace trellis::record
