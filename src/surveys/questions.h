#pragma once

#include <set>
#include <string>
#include <vector>

#include "surveys/model.h"

// The rules of survey questions and answers, wherever they are asked: what a question needs to be
// asked, and what a valid answer to each kind is. Broken rules throw std::invalid_argument with a
// message for the person.
namespace trellis::surveys {

inline constexpr std::size_t kMaxPrompt = 500;
inline constexpr std::size_t kMaxTextAnswer = 4000;
inline constexpr std::size_t kMaxOptions = 20;

// The scale a new rating or grid question starts with.
std::vector<std::string> default_scale();

// The question a builder form describes. Choice and ranking questions need two options or more,
// grids a statement or more; rating and grid scales need two points or more (the default scale when
// left empty). `priorities` are the ids the question may be tagged with.
Question question_from(const QuestionForm& form, const std::set<long long>& priorities);
// The form that shows a question as it is, for editing.
QuestionForm form_of(const Question& question);

// An answer as typed: one value for a rating, single choice or text (an option or point index as
// text for the first two); the ticked option indexes for multiple choice; the rank typed beside each
// option ("" when unranked) for a ranking; the point chosen for each statement ("" when skipped) for
// a grid.
struct TypedAnswer {
    std::vector<std::string> values;
};

// The answer the person gave, or an empty one when they left it blank. Throws for an index out of
// range, a rank used twice or ranks with a gap, or text past 4,000 characters.
Answer answer_from(const Question& question, const TypedAnswer& typed);

// Picks as stored ("2,0,1") and back.
std::string text_of_picks(const std::vector<int>& picks);
std::vector<int> picks_from_text(const std::string& text);

} // namespace trellis::surveys
