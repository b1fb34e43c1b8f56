#pragma once

#include <set>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "feedback/model.h"
#include "programmes/model.h"

namespace trellis::programmes {

// The short feedback after a programme's live session, asked of those who were there or caught up
// from its recording, with the answers and their rules kept by feedback (src/feedback/), as training
// days' are. Its results never show a group smaller than the trust allows: not the session as a whole, not a
// school or staff group, and no comments until five have answered.
class SessionFeedback {
  public:
    explicit SessionFeedback(db::Database& database) : m_database(database) {}

    // The one question, with the person's earlier answer; empty when they may not answer (not a
    // live session, or they were neither there nor caught up).
    std::vector<feedback::Question> questions(const accounts::Actor& person, const Activity& activity);
    // Saves the answer; throws std::invalid_argument, saying why, and saves nothing when the
    // person may not answer or the answer breaks a rule.
    void submit(const accounts::Actor& person, const Activity& activity,
                const std::vector<feedback::Field>& fields);

    struct Results {
        feedback::RatingSummary session;
        std::vector<feedback::RatingSummary> by_school;
        std::vector<feedback::RatingSummary> by_staff_group;
    };
    Results results(const Activity& activity, int smallest);
    // The same on a session the caller holds (a report reading many sessions' results).
    Results results(soci::session& sql, const Activity& activity, int smallest);

  private:
    db::Database& m_database;
};

} // namespace trellis::programmes
