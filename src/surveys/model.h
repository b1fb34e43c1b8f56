#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "people/model.h"

// Surveys a lead sends to staff: needs surveys, culture surveys, anything asked of many people at
// once (schema: 0019_surveys.sql). A survey is anonymous (an answer keeps only the school, staff
// group and phase of who gave it, and the day) or named. Questions can be asked of some staff
// groups only, so support staff answer a version about their own roles.
namespace trellis::surveys {

enum class QuestionKind {
    Rating,   // one point on a labelled scale ("Not at all" … "A great deal")
    Single,   // one of several options
    Multiple, // any of several options
    Rank,     // the options put in order, most important first (as many as the person wants)
    Grid,     // a confidence grid: each statement (row) rated on the scale
    Text,     // free text
};

std::optional<QuestionKind> question_kind_from_text(const std::string& text);
std::string text_of(QuestionKind kind);
// A label for people, e.g. "Confidence grid".
std::string label_of(QuestionKind kind);
inline constexpr QuestionKind kQuestionKinds[] = {QuestionKind::Rating,   QuestionKind::Single,
                                                  QuestionKind::Multiple, QuestionKind::Rank,
                                                  QuestionKind::Grid,     QuestionKind::Text};

// An option of a choice or ranking question, tagged with the priority it speaks to (0: none).
struct Option {
    std::string label;
    long long priority_id = 0;
};

struct Question {
    long long id = 0;
    long long survey_id = 0;
    int position = 0;
    QuestionKind kind = QuestionKind::Text;
    std::string prompt;
    std::string help;
    std::vector<Option> options;            // Single, Multiple, Rank
    std::vector<std::string> rows;          // Grid: the statements
    std::vector<std::string> scale;         // Rating and Grid: the points, lowest first
    std::vector<people::StaffGroup> groups; // asked of these staff groups; empty: everyone
    long long priority_id = 0;              // the priority the whole question speaks to (0: none)

    bool asked_of(people::StaffGroup group) const;
};

// When a survey takes answers, from its dates and the day it is.
enum class SurveyState { Draft, Scheduled, Open, Closed };
std::string label_of(SurveyState state);

struct Survey {
    long long id = 0;
    long long trust_id = 0;
    long long school_id = 0; // 0: the whole trust
    std::string school_name;
    std::string title;
    std::string intro;
    bool anonymous = true;
    std::string opens_on;                   // YYYY-MM-DD; "" while a draft
    std::string closes_on;                  // YYYY-MM-DD, the last day answers are taken
    std::vector<people::StaffGroup> groups; // who it is for; empty: everyone
    long long created_by = 0;
    long long programme_id = 0; // asked for a programme's impact plan: its people only
    std::string purpose;        // for a programme: before, after, follow_up_6, follow_up_12

    SurveyState state(const std::string& today) const;
    bool meant_for(const people::Person& person) const;
};

// The survey's details as typed into its form.
struct SurveyForm {
    std::string title;
    std::string intro;
    bool anonymous = true;
    std::string opens_on;
    std::string closes_on;
    std::vector<std::string> groups;
};

// A question as typed into the builder: options, statements and scale one per line.
struct QuestionForm {
    std::string kind;
    std::string prompt;
    std::string help;
    std::string options;
    std::string rows;
    std::string scale;
    std::vector<std::string> groups;
    std::string priority_id;
};

// What a person has said to one question, as stored: the option or scale point indexes (in the
// person's order for a ranking; one per statement for a grid, -1 where a statement was skipped) or
// the text.
struct Answer {
    long long question_id = 0;
    std::vector<int> picks;
    std::string text;

    bool empty() const { return picks.empty() && text.empty(); }
};

using Answers = std::map<long long, Answer>; // by question id

// Who gave a response, as far as reports may know: never the person.
struct Respondent {
    long long school_id = 0;
    std::string school_name;
    people::StaffGroup staff_group = people::StaffGroup::Teacher;
    std::string phase;
};

// A sent response with its answers, for results.
struct Response {
    Respondent respondent;
    Answers answers;
    // What matches the same person's responses to two surveys (before and after): "p" and the person
    // for a named survey, the hash of the code they keep for an anonymous one; "" when neither.
    std::string match_key;
};

// One survey on a person's list: where it stands for them.
struct SurveyStanding {
    Survey survey;
    bool answered = false;
    bool started = false; // a draft is kept
};

} // namespace trellis::surveys
