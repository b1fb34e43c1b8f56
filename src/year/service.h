#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "db/person_batch.h"
#include "events/day/day_service.h"
#include "events/service.h"
#include "programmes/service.h"
#include "programmes/store.h"
#include "year/model.h"
#include "year/store.h"

namespace trellis::year {

// Each person's year across Trellis: the activities of the programmes they take part in and the
// training days they are part of, in date order, and a calendar subscription that carries them.
class YearService {
  public:
    YearService(db::Database& database, programmes::ProgrammeService& programmes,
                events::EventService& events, events::DayService& day)
        : m_database(database), m_programmes(programmes), m_events(events), m_day(day) {}

    std::vector<YearItem> items_for(const accounts::Actor& actor);
    // The first `count` of them on or after `from_day`, given the person's programme statuses as read
    // beside other reads; only those are built.
    std::vector<YearItem> upcoming_for(const accounts::Actor& actor,
                                       const std::map<long long, std::string>& programme_statuses,
                                       const std::string& from_day, std::size_t count);

    // Emails calendar invitations so the person's calendar holds what their year holds at set times
    // from `today` on: programme sessions, collaboration time and workshop places on a published
    // training day; updates when one moves, a cancellation when a place is taken away. Sent from
    // `organiser_address` in the trust's name. Returns how many emails were queued.
    int send_invitations(const accounts::Actor& actor, const std::string& organiser_address,
                         const std::string& today);
    // Tomorrow's sessions and training days, each a notice once (and so an email).
    void remind_of_tomorrow(const accounts::Actor& actor, const std::string& today);
    // A new subscription address token for the person; any earlier one stops working.
    std::string new_feed_token(const accounts::Actor& actor);
    // The person's year and whether they subscribe to it, their programme places and their
    // subscription read as one statement.
    struct YearOf {
        std::vector<YearItem> items;
        bool has_feed = false;
    };
    YearOf year_of(const accounts::Actor& actor);
    // The person a subscription token belongs to.
    std::optional<accounts::Actor> feed_owner(const std::string& token);

  private:
    // The items on or after `from_day` ("" for all of them), in date order.
    std::vector<YearItem> items_from(const accounts::Actor& actor,
                                     const std::vector<programmes::ProgrammeWithActivities>& taking_part,
                                     const std::string& from_day);

    db::Database& m_database;
    db::PersonBatch m_year_reads{{programmes::store::kStatusRows, store::kFeedRows}};
    programmes::ProgrammeService& m_programmes;
    events::EventService& m_events;
    events::DayService& m_day;
};

} // namespace trellis::year
