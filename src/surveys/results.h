#pragma once

#include <optional>
#include <string>
#include <vector>

#include "reports/small_groups.h"
#include "surveys/model.h"

// A survey's answers summed up for whoever asks, never pointing at a person: any view of fewer than
// the smallest reportable group is withheld, and so is any view whose figures, taken from a larger
// view beside its neighbours, would leave a smaller group behind (a school's total minus its staff
// groups). Pure: it reads responses and questions, and says what may be shown.
namespace trellis::surveys {

// Which responses to look at: one school (-1 any; 0 the central team), staff group and phase ("" any).
struct Filter {
    long long school_id = -1;
    std::optional<people::StaffGroup> staff_group;
    std::string phase;

    bool matches(const Respondent& respondent) const;
    bool any() const { return school_id >= 0 || staff_group || !phase.empty(); }
};

// How many gave each option or point, and what that is as a share of those who answered.
struct Tally {
    std::string label;
    int count = 0;
    double percent = 0;
};

struct QuestionResult {
    Question question;
    int answered = 0;
    bool hidden = false;                  // fewer answered than the smallest reportable group
    std::vector<Tally> tallies;           // per option (choice, ranking: times ranked first) or scale point
    std::optional<double> mean;           // rating: the mean point, 1 = the lowest
    std::vector<double> scores;           // ranking: each option's mean points (the top place of n scores n)
    std::vector<std::vector<Tally>> grid; // per statement, per point
    std::vector<std::optional<double>> row_means;
    std::vector<std::string> texts; // free text, shuffled out of the order it came in
};

struct Results {
    int responses = 0; // in the view
    bool hidden = false;
    int smallest = 0; // the fewest answers a shown figure describes
    std::vector<QuestionResult> questions;
};

// Who gave each response, in the same order.
std::vector<Respondent> respondents_of(const std::vector<Response>& responses);

// Whether a view may be shown: it has at least `smallest` responses, and along each thing it fixes
// (school, staff group, phase) it is not among the siblings that must be withheld so that the
// withheld ones add up to none or to at least `smallest`.
bool view_allowed(const std::vector<Respondent>& respondents, const Filter& filter, int smallest);

// The answers in the view, question by question; everything hidden when the view is not allowed.
Results results_of(const std::vector<Question>& questions, const std::vector<Response>& responses,
                   const Filter& filter, int smallest);

} // namespace trellis::surveys

namespace trellis::surveys {

// The results as CSV, one line per figure (question, statement, option or point, count, percent or
// mean); a withheld question or view says "fewer than N answers" and gives no figures.
std::string csv_of(const Results& results, const std::string& view_label);

} // namespace trellis::surveys
