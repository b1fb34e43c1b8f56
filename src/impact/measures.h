#pragma once

#include "impact/model.h"
#include "reports/small_groups.h"
#include "surveys/results.h"

// What the impact page reads from a programme's surveys: pure, under the surveys' small-group rule.
namespace trellis::impact {

// The first grid question of a survey (the confidence grid), or nullptr.
const surveys::Question* confidence_grid(const std::vector<surveys::Question>& questions);

// Level 2: each statement of the confidence grid before and after, in the view, with the mean change
// of the people whose before and after share a match key.
Learning learning_of(const surveys::Question& before_grid, const std::vector<surveys::Response>& before,
                     const surveys::Question& after_grid, const std::vector<surveys::Response>& after,
                     const surveys::Filter& filter, int smallest);

// The terms of a school year ("2026-autumn", "2027-spring", "2027-summer") and their labels.
std::vector<Term> terms_of_year(int starts_in);
// "Autumn 2026" for "2026-autumn"; "" for a key that is not a term.
std::string term_label(const std::string& key);

} // namespace trellis::impact
