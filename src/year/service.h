#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "events/service.h"
#include "programmes/service.h"
#include "year/model.h"

namespace trellis::year {

// Each person's year across Trellis: the activities of the programmes they take part in and the
// training days they are part of, in date order, and a calendar subscription that carries them.
class YearService {
  public:
    YearService(db::Database& database, programmes::ProgrammeService& programmes,
                events::EventService& events)
        : m_database(database), m_programmes(programmes), m_events(events) {}

    std::vector<YearItem> items_for(const accounts::Actor& actor);
    // A new subscription address token for the person; any earlier one stops working.
    std::string new_feed_token(const accounts::Actor& actor);
    bool has_feed(const accounts::Actor& actor);
    // The person a subscription token belongs to.
    std::optional<accounts::Actor> feed_owner(const std::string& token);

  private:
    db::Database& m_database;
    programmes::ProgrammeService& m_programmes;
    events::EventService& m_events;
};

} // namespace trellis::year
