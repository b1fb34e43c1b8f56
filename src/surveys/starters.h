#pragma once

#include <string>
#include <vector>

#include "priorities/model.h"
#include "surveys/model.h"

// Surveys a lead can send in five minutes and then edit: needs surveys for teachers, for teaching
// assistants and other support staff, and for leaders, each asking people to rank the trust's own
// priorities so the answers map onto them; and a CPD culture check asking leaders and staff the same
// statements.
namespace trellis::surveys {

struct Starter {
    std::string key; // "teachers", "support", "leaders", "culture"
    std::string title;
    std::string summary; // what it asks, for the lead choosing one
    SurveyForm form;
    std::vector<Question> questions;
};

// The starters, with a ranking of `priorities` (the trust's own) among each one's questions.
std::vector<Starter> starters(const std::vector<priorities::Priority>& priorities);

} // namespace trellis::surveys
