#pragma once

#include <map>
#include <set>
#include <string>

#include "accounts/model.h"
#include "db/database.h"
#include "db/person_batch.h"

namespace trellis::programmes {

// What a programme's page shows that is the person's alone.
struct PersonStanding {
    std::map<long long, std::string> statuses; // their places, by programme
    std::set<long long> written;               // activities they have written a reflection on
    std::set<long long> attended;              // sessions they were at or caught up from the recording
    std::set<long long> gave_feedback;         // sessions they have given feedback on
};

// Reads the person's places, reflections, attendance and feedback as one statement: a programme's
// page needs all four on every view, and on PostgreSQL every statement is a round trip.
class PersonReads {
  public:
    explicit PersonReads(db::Database& database);

    PersonStanding read(const accounts::Actor& actor);

  private:
    db::Database& m_database;
    db::PersonBatch m_batch;
};

} // namespace trellis::programmes
