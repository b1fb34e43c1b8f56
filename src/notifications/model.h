#pragma once

#include <string>

#include "db/person_batch.h"

// Notices on a person's home page in place of email (schema: the notices table in 0003_events.sql):
// a timetable that is out, a survey to fill in, an offer waiting for review.
namespace trellis::notifications {

struct Notice {
    long long id = 0;
    std::string text;
    std::string link;
    long long created_at = 0;
};

// A notice something owes a person because of where they stand (a call open to them, a timetable
// out): given once per link, whether or not they dismissed it since.
struct Owed {
    std::string text;
    std::string link;
};

// A row of what an area reads of a person's standing for their notices (see OwedSource): what each
// column means is the area's own.
using OwedRow = db::BatchRow;

} // namespace trellis::notifications
