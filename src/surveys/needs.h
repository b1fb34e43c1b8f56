#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "reports/small_groups.h"
#include "surveys/model.h"
#include "surveys/results.h"

// From needs to priorities: how strongly people ask for help with each of the trust's priorities,
// read from the questions and options tagged with them. Pure, like results.h, and under the same
// rule: a view too small to show gives no figure.
//
// Each tagged item gives a need between 0 and 1 over those in the view who answered it: an option of
// a single or multiple choice, the share who chose it; an option of a ranking, its mean points over
// the most an option can score; a rating or grid question tagged as a whole, the share who answered
// in the lower half of its scale (little confidence, little support). A priority's need is the mean
// of its items'.
namespace trellis::surveys {

// Needs by priority id in the view; priorities with no tagged item answered are left out.
std::map<long long, double> needs_in(const std::vector<Question>& questions,
                                     const std::vector<Response>& responses, const Filter& filter);

// Needs for each priority (rows, in `priority_ids` order) in each view (columns); a column too small
// to show is nullopt throughout.
struct NeedColumn {
    std::string label;
    Filter filter;
};
struct NeedTable {
    std::vector<std::string> columns;
    std::vector<bool> hidden; // per column
    std::vector<long long> priority_ids;
    std::vector<std::vector<std::optional<double>>> cells; // [priority][column]
};
NeedTable needs_by(const std::vector<Question>& questions, const std::vector<Response>& responses,
                   const std::vector<long long>& priority_ids, const std::vector<NeedColumn>& columns,
                   int smallest);

// Options no priority is tied to yet, most chosen first (share of those who answered their question):
// what people asked for that the trust's priorities may not cover.
struct UntaggedOption {
    long long question_id = 0;
    std::size_t option = 0;
    std::string label;
    double share = 0;
    int answered = 0;
};
std::vector<UntaggedOption> popular_untagged(const std::vector<Question>& questions,
                                             const std::vector<Response>& responses, std::size_t limit,
                                             int smallest);

} // namespace trellis::surveys
