#pragma once

#include <optional>
#include <string>
#include <vector>

#include "surveys/model.h"

// Impact over time by Guskey's five levels (schema: 0020_impact.sql). Each programme's impact plan
// chooses its measures: (1) reactions, the short feedback after each live session; (2) learning, the
// same confidence grid before the programme and after it, matched per person; (3) organisational
// support, "I have the time and support to use this" asked after it; (4) use, check-ins 6 and 12 weeks
// after its last session; (5) pupil outcomes the lead enters per school and term as aggregate figures.
// Levels 2 to 4 are surveys of the programme (surveys/), asked of its people only.
namespace trellis::impact {

// What a survey measures for its programme, as stored in surveys.purpose.
inline constexpr const char* kBefore = "before";
inline constexpr const char* kAfter = "after";
inline constexpr const char* kFollowUp6 = "follow_up_6";
inline constexpr const char* kFollowUp12 = "follow_up_12";

struct Plan {
    long long programme_id = 0;
    bool reactions = true;
    bool learning = false;                // a before and an after survey exist
    bool support = false;                 // the after survey asks about support
    bool use = false;                     // the follow-up check-ins exist
    bool anonymous = true;                // the surveys keep no names (matched by a code the person keeps)
    std::vector<std::string> statements;  // the confidence grid's, for learning
    std::vector<std::string> measures;    // level 5: the pupil outcomes it will report
    std::vector<surveys::Survey> surveys; // the programme's, by purpose
};

// The plan as typed into its form.
struct PlanForm {
    bool reactions = true, learning = false, support = false, use = false, anonymous = true;
    std::string statements; // one per line
    std::string measures;   // one per line
};

// The school terms a figure may be entered for: "2026-autumn" …
struct Term {
    std::string key;   // "2026-autumn"
    std::string label; // "Autumn 2026"
};

struct Outcome {
    long long id = 0;
    long long school_id = 0;
    std::string school_name;
    std::string term; // a Term key
    std::string measure;
    double value = 0;
};

struct OutcomeForm {
    std::string school_id, term, measure, value;
};

// One statement before and after: the means of everyone who answered each (in the view), and the mean
// change of those whose two answers can be matched; nullopt where the group is too small.
struct LearningRow {
    std::string statement;
    std::optional<double> before, after, change;
};
struct Learning {
    int before_answers = 0, after_answers = 0, matched = 0;
    bool hidden = false; // the view is too small to show
    bool change_hidden = false;
    std::vector<LearningRow> rows;
};

} // namespace trellis::impact
