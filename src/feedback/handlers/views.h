#pragma once

#include <string>
#include <vector>

#include <mstch/mstch.hpp>

#include "feedback/model.h"
#include "http/request_context.h"

// The feedback form and its results for every area that asks for feedback
// (templates/partials/feedback_form.mustache and feedback_results.mustache).
namespace trellis::feedback::handlers {

// The form's data: each question with five rating choices and a comment box. `saved` says the
// answers shown are the stored ones rather than what was just typed and refused.
mstch::map form_view(const std::vector<Question>& questions, const std::string& action, bool saved);
// What was typed into the form for these questions.
std::vector<Field> fields_from(http::RequestContext& context, const std::vector<Question>& questions);
// The questions with what was typed in place of their answers, to show again after a refusal so
// that nothing typed is lost.
std::vector<Question> as_typed(std::vector<Question> questions, const std::vector<Field>& fields);

// A results section on one item: how many gave each rating as a chart, the same figures as a table,
// and its comments.
mstch::map distribution_section(const std::string& id, const std::string& heading,
                                const RatingSummary& summary);
// A results section comparing several items or groups by their mean rating; hidden groups say
// "fewer than 5 answers" in the chart and the table alike.
mstch::map means_section(const std::string& id, const std::string& heading, const std::string& column,
                         const std::string& chart_title, const std::vector<RatingSummary>& summaries,
                         bool show_comments);

} // namespace trellis::feedback::handlers
