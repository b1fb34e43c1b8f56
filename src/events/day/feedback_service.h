#pragma once

#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "events/day/day_model.h"
#include "feedback/model.h"

namespace trellis::events {

// Which workshops' results someone may read.
enum class ResultsScope { OwnWorkshops, Everything };

// The survey after a training day: only people marked present answer, once per workshop they
// attended and once for the day, and may change their answers while the survey is open. The
// answers and their rules are feedback's (src/feedback/); this decides who is asked about what.
class FeedbackService {
  public:
    explicit FeedbackService(db::Database& database) : m_database(database) {}

    // The questions for this person: each workshop they attended, then the day. Empty when they were
    // not marked present anywhere at the event.
    std::vector<feedback::Question> survey(const accounts::Actor& actor, const Event& event);
    // Saves every answered question in one transaction. Throws std::invalid_argument (nothing saved)
    // for a rating outside 1 to 5, a comment without a rating, a workshop they did not attend, or
    // nothing answered at all.
    void submit(const accounts::Actor& actor, const Event& event, const std::vector<feedback::Field>& fields);
    // The results: for OwnWorkshops only the workshops the actor runs; Everything adds the day, and
    // workshop ratings by school and by staff group (small groups hidden).
    FeedbackResults results(const accounts::Actor& actor, const Event& event, ResultsScope scope);

  private:
    db::Database& m_database;
};

} // namespace trellis::events
