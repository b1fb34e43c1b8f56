#pragma once

#include <functional>
#include <string>
#include <vector>

#include "feedback/model.h"

// The rules of feedback that hold wherever it is asked: what a valid answer is, and how answers are
// summed up without showing a small group.
namespace trellis::feedback {

inline constexpr std::size_t kMaxComment = 2000;

// The items as questions, each with the person's earlier answer when there is one.
std::vector<Question> questions_of(const std::vector<Item>& items, const std::vector<Answer>& answers);

// The answers given, blanks left out. Throws std::invalid_argument (naming the item) for a rating
// outside 1 to 5, a comment without a rating, a comment past 2,000 characters, an item that is not
// among `items`, or nothing answered at all.
std::vector<Answer> answers_from(const std::vector<Item>& items, const std::vector<Field>& fields);

// Sums up ratings (label and item id are copied in); comments keep their order, blanks are left out.
RatingSummary summarise(const std::string& label, long long item_id, const std::vector<Response>& responses);

// The answers about items other than the whole (item 0), summed up per school or per staff group, by
// label. A group with fewer answers than the smallest reportable group is hidden, and so is the next
// smallest when only one would be, so that no hidden figure can be worked out from the others.
std::vector<RatingSummary> by_school(const std::vector<Response>& responses, int smallest);
std::vector<RatingSummary> by_staff_group(const std::vector<Response>& responses, int smallest);

} // namespace trellis::feedback
