#pragma once

#include <string>

#include <soci/soci.h>

#include "people/model.h"

namespace trellis::people {

// A current member of staff of the trust named by email in a form (a mentor, an observer): found
// however the address was typed, or std::invalid_argument with `problem`, for the person to read.
Person colleague_by_email(soci::session& sql, long long trust_id, const std::string& email,
                          const std::string& problem);

} // namespace trellis::people
