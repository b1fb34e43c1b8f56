#pragma once

// What happens when a learner answers an activity: the rules of each block type, with no HTTP and
// no SQL. A block's saved state is a small JSON object; these functions read the old state and the
// learner's submission and produce the new state, or a message saying what to fix.

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "learning/content/model.h"

namespace trellis::learning {

// The fields a learner sent for one block (a form post): names to values, a name may repeat.
struct Submission {
    std::multimap<std::string, std::string> fields;

    // The first value of a field ("" when absent).
    std::string get(const std::string& name) const;
    // Every value of a field, in the order sent.
    std::vector<std::string> all(const std::string& name) const;
};

// The outcome of a submission. When `error` is set nothing may be saved, and `state` is unchanged.
struct ActivityResult {
    nlohmann::json state;
    bool done = false;
    std::string error;
};

// Applies a submission to a block whose saved state is `saved` (null when never answered).
ActivityResult apply_submission(const content::Block& block, const nlohmann::json& saved,
                                const Submission& submission);

// Marks a watch-or-open block (video, resource) as done, keeping whatever it saved before.
ActivityResult mark_opened(const content::Block& block, const nlohmann::json& saved);

// True when a block's saved state counts as done, by the rules above.
bool is_done(const content::Block& block, const nlohmann::json& state);

// The order in which a sort block's items are first shown: fixed for the block, never the answer.
std::vector<std::size_t> sort_display_order(const content::Block& block);

// The steps of a saved action plan: ticked suggestions first, then the person's own lines.
std::vector<std::string> action_plan_steps(const content::ActionPlanBlock& plan, const nlohmann::json& state);

// Where a scenario stands: the node the learner is at now (the start when never played).
const content::ScenarioNode& scenario_position(const content::ScenarioBlock& scenario,
                                               const nlohmann::json& state);

// The longest reflection or note a person may save, in characters (not bytes: a reflection in
// Chinese or Polish gets as many characters as one in English).
constexpr std::size_t kMaxAnswerCharacters = 20000;

// How many characters UTF-8 text holds (every byte but continuation bytes starts one).
std::size_t characters_in(const std::string& text);

} // namespace trellis::learning
