#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "impact/model.h"
#include "programmes/model.h"
#include "programmes/sessions/session_feedback.h"
#include "surveys/results.h"
#include "surveys/service.h"

namespace trellis::impact {

// Level 1: the feedback after one live session.
struct Reaction {
    std::string day, title;
    int responses = 0;
    std::optional<double> mean; // 1 to 5; nullopt when too few answered
};

// Level 3 at one moment (after the programme, 6 and 12 weeks on): the mean agreement per statement.
struct SupportColumn {
    std::string label;
    int answered = 0;
    bool hidden = true; // nothing to show yet, or too few
    std::vector<std::optional<double>> means;
};

// Level 4: one check-in on use.
struct CheckIn {
    std::string label, opens_on, state;
    surveys::QuestionResult how_often;
    surveys::QuestionResult what_changed;
    int answered = 0;
    bool hidden = true;
};

struct Report {
    Plan plan;
    std::vector<Reaction> reactions;
    std::optional<Learning> learning;
    std::vector<std::string> support_statements;
    std::vector<SupportColumn> support;
    std::vector<CheckIn> use;
    std::vector<Outcome> outcomes;
    int smallest = 0; // the fewest people a shown figure describes
};

// A programme's impact plan and what it has found. Kept by those who keep the programme; a broken
// rule throws std::invalid_argument with a message for the person, and nothing is saved.
class ImpactService {
  public:
    ImpactService(db::Database& database, programmes::SessionFeedback& feedback)
        : m_database(database), m_feedback(feedback) {}

    Plan plan(const programmes::Programme& programme);
    // Saves the plan, making, moving or removing the programme's surveys to match it. Surveys open
    // on dates from the programme's activities: before, the fortnight before its first (from `today`
    // when that has passed); after, its last; check-ins 6 and 12 weeks after its last.
    void save_plan(const accounts::Actor& actor, const programmes::Programme& programme, const PlanForm& form,
                   const std::string& today);
    // Every figure about fewer than `smallest` people (the trust's choice) is withheld.
    Report report(const programmes::Programme& programme, const surveys::Filter& filter, int smallest,
                  const std::string& today);

    void save_outcome(const accounts::Actor& actor, const programmes::Programme& programme,
                      const OutcomeForm& form);
    bool delete_outcome(const accounts::Actor& actor, const programmes::Programme& programme,
                        long long outcome_id);

  private:
    db::Database& m_database;
    programmes::SessionFeedback& m_feedback;
};

} // namespace trellis::impact
