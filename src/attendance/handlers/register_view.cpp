#include "attendance/handlers/register_view.h"

#include "attendance/register.h"

namespace trellis::attendance::handlers {

mstch::map register_view(const std::vector<RegisterEntry>& entries, const std::string& action, bool saved) {
    mstch::array rows;
    for (const RegisterEntry& entry : entries)
        rows.push_back(mstch::map{{"person_id", std::to_string(entry.person_id)},
                                  {"name", entry.name},
                                  {"school", entry.school_name},
                                  {"group", people::label_of(entry.staff_group)},
                                  {"present", entry.present.value_or(false)},
                                  {"checked_in", entry.checked_in},
                                  {"caught_up", entry.caught_up}});
    return mstch::map{{"entries", rows},
                      {"any", !rows.empty()},
                      {"count", std::to_string(entries.size())},
                      {"present_count", std::to_string(present_count(entries))},
                      {"saved", saved},
                      {"action", action}};
}

std::vector<long long> ticked_ids(const http::RequestContext& context) {
    std::vector<long long> ids;
    for (const std::string& value : context.form_all("present"))
        if (auto id = http::parse_id(value))
            ids.push_back(*id);
    return ids;
}

} // namespace trellis::attendance::handlers
