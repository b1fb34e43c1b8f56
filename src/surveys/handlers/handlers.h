#pragma once

#include <optional>
#include <string>

#include "http/request_context.h"
#include "surveys/model.h"

// Surveys over HTTP: the list, building one, answering it and its results.
namespace trellis::surveys::handlers {

// building.cpp: /surveys, /surveys/N/edit and its questions, reminders.
void surveys_list(http::RequestContext& context);
void survey_create(http::RequestContext& context);
void survey_from_starter(http::RequestContext& context);
void survey_edit(http::RequestContext& context);
void survey_update(http::RequestContext& context);
void survey_delete(http::RequestContext& context);
void survey_remind(http::RequestContext& context);
void question_create(http::RequestContext& context);
void question_edit(http::RequestContext& context);
void question_update(http::RequestContext& context);
void question_delete(http::RequestContext& context);
void question_move(http::RequestContext& context);
void option_tag(http::RequestContext& context);

// answering.cpp: /surveys/N for the people it is for.
void survey_answer(http::RequestContext& context);
void survey_save_draft(http::RequestContext& context);
void survey_submit(http::RequestContext& context);

// results.cpp: /surveys/N/results and its CSV.
void survey_results(http::RequestContext& context);
void survey_results_csv(http::RequestContext& context);
// Makes an option people chose into a trust priority, tied to it from then on.
void option_to_priority(http::RequestContext& context);

// A lookup every survey route shares: the survey in the route's first capture, within the actor's
// trust; renders 404 and returns nullopt when there is none.
std::optional<Survey> survey_in_route(http::RequestContext& context);
// The survey in the route when the actor keeps it; otherwise renders 404, or 403 with `refusal`.
std::optional<Survey> kept_survey(http::RequestContext& context, const std::string& refusal);

} // namespace trellis::surveys::handlers
