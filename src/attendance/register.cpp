#include "attendance/register.h"

#include <algorithm>

namespace trellis::attendance {

void tick(std::vector<RegisterEntry>& entries, const std::vector<long long>& present_ids) {
    for (RegisterEntry& entry : entries)
        entry.present =
            std::find(present_ids.begin(), present_ids.end(), entry.person_id) != present_ids.end();
}

void apply_marks(std::vector<RegisterEntry>& entries, const std::map<long long, store::StoredMark>& marks) {
    for (RegisterEntry& entry : entries)
        if (auto mark = marks.find(entry.person_id); mark != marks.end()) {
            entry.present = mark->second.present;
            entry.caught_up = mark->second.caught_up;
            entry.checked_in =
                mark->second.present && (mark->second.how == "code" || mark->second.how == "qr");
        }
}

int present_count(const std::vector<RegisterEntry>& entries) {
    return static_cast<int>(std::count_if(entries.begin(), entries.end(), [](const RegisterEntry& entry) {
        return entry.present.value_or(false);
    }));
}

} // namespace trellis::attendance
