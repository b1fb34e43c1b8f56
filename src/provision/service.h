#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "learning/content/library.h"
#include "provision/model.h"
#include "provision/needs_map.h"
#include "surveys/kept_by_responses.h"
#include "surveys/service.h"

namespace trellis::provision {

// A needs survey the map can read: one the actor keeps, with answers tied to priorities.
struct NeedsSurvey {
    long long id = 0;
    std::string title;
    std::string closes_on;
};

// Reads needs against provision, and fairness, for those who lead professional development: the
// whole trust for trust PD leads and administrators, their own school for a school PD lead. `today`
// ("YYYY-MM-DD") chooses the school year.
class ProvisionService {
  public:
    ProvisionService(db::Database& database, const learning::content::ContentLibrary& content,
                     surveys::SurveyService& surveys)
        : m_database(database), m_content(content), m_surveys(surveys) {}

    static bool may_see(const accounts::Actor& actor);
    // The surveys the map can take its needs from: those closed by `today`, the latest first, then
    // those still open.
    std::vector<NeedsSurvey> needs_surveys(const accounts::Actor& actor, const std::string& today);
    // The map from the chosen needs survey (0: the latest), within the actor's reach.
    ProvisionMap map(const accounts::Actor& actor, const std::string& today, long long survey_id = 0);
    Fairness fairness(const accounts::Actor& actor, const std::string& today);

  private:
    NeedGrid kept_needs(const MapInputs& inputs, int smallest);

    db::Database& m_database;
    const learning::content::ContentLibrary& m_content;
    surveys::SurveyService& m_surveys;

    // The needs half of the maps drawn lately: the map read again costs the provision half only.
    surveys::KeptByResponses<NeedGrid, 8> m_kept;
};

} // namespace trellis::provision
