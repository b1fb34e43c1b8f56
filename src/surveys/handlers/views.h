#pragma once

#include <map>
#include <string>
#include <vector>

#include <mstch/mstch.hpp>

#include "http/request_context.h"
#include "surveys/model.h"
#include "surveys/questions.h"
#include "surveys/results.h"

// How surveys look: the questions as form fields, what was typed read back, and results as charts
// with the same figures in tables (templates/surveys/*.mustache).
namespace trellis::surveys::handlers {

// The view asked for in the query: ?school= (an id, or "central"), ?group=, ?phase=.
Filter filter_of(const http::RequestContext& context);

// The questions as form fields filled with `answers` (templates/partials/survey_questions.mustache).
mstch::array question_fields(const std::vector<Question>& questions, const Answers& answers);
// What was typed into the answer form for each of these questions.
std::map<long long, TypedAnswer> typed_answers(const http::RequestContext& context,
                                               const std::vector<Question>& questions);
// The typed answers that are valid, over `kept`: shown again after a refusal so nothing typed is lost.
Answers with_typed(Answers kept, const std::vector<Question>& questions,
                   const std::map<long long, TypedAnswer>& typed);

// One question's results: a chart and a table of the same figures, or "fewer than 5 answers".
mstch::map result_section(const QuestionResult& result, std::size_t number);

// "Teachers, Support staff" or "Everyone".
std::string groups_label(const std::vector<people::StaffGroup>& groups);

} // namespace trellis::surveys::handlers
