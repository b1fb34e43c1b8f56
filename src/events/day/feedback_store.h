#pragma once

#include <string>
#include <utility>
#include <vector>

#include <soci/soci.h>

// Who may give feedback on a training day; the answers themselves are kept by feedback/store.h.
namespace trellis::events::feedback_store {

// The workshops (offer id, title) a person was marked present at, by title.
std::vector<std::pair<long long, std::string>> attended_workshops(soci::session& sql, long long trust_id,
                                                                  long long event_id, long long person_id);

} // namespace trellis::events::feedback_store
