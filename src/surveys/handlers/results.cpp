// A survey's results for its lead: each question as a chart and a table, filtered by school, staff
// group and phase, with every view too small to show withheld; and the same as CSV.
#include <map>

#include "http/app.h"
#include "http/form_options.h"
#include "http/response.h"
#include "surveys/handlers/handlers.h"
#include "surveys/handlers/views.h"

namespace trellis::surveys::handlers {

namespace {

const char* kWithheld = "fewer than 5 answers";

Filter filter_of(const http::RequestContext& context) {
    Filter filter;
    const std::string school = context.query("school");
    if (school == "central")
        filter.school_id = 0;
    else if (auto id = http::parse_id(school))
        filter.school_id = *id;
    filter.staff_group = people::staff_group_from_text(context.query("group"));
    const std::string phase = context.query("phase");
    if (organisations::is_known_phase(phase))
        filter.phase = phase;
    return filter;
}

std::vector<Respondent> respondents_of(const std::vector<Response>& responses) {
    std::vector<Respondent> respondents;
    for (const Response& response : responses)
        respondents.push_back(response.respondent);
    return respondents;
}

// The choices of one filter, each marked when that view alone is too small to show.
mstch::array filter_choices(const std::vector<std::pair<std::string, std::string>>& values,
                            const std::string& chosen,
                            const std::function<bool(const std::string&)>& allowed) {
    mstch::array choices{
        mstch::map{{"value", std::string()}, {"label", std::string("All")}, {"selected", chosen.empty()}}};
    for (const auto& [value, label] : values)
        choices.push_back(mstch::map{{"value", value},
                                     {"label", allowed(value) ? label : label + " (" + kWithheld + ")"},
                                     {"selected", value == chosen}});
    return choices;
}

std::string view_label(const Filter& filter, const std::vector<Response>& responses) {
    std::string label;
    if (filter.school_id >= 0) {
        label = "Central team";
        for (const Response& response : responses)
            if (response.respondent.school_id == filter.school_id)
                label = response.respondent.school_name;
    }
    if (filter.staff_group)
        label += (label.empty() ? "" : " · ") + people::label_of(*filter.staff_group);
    if (!filter.phase.empty())
        label += (label.empty() ? "" : " · ") + http::phase_label(filter.phase);
    return label.empty() ? "Everyone who answered" : label;
}

mstch::map filters_view(const http::RequestContext& context, const std::vector<Response>& responses) {
    const auto respondents = respondents_of(responses);
    std::map<std::string, std::string> schools, phases;
    for (const Respondent& respondent : respondents) {
        schools[respondent.school_id ? std::to_string(respondent.school_id) : "central"] =
            respondent.school_name;
        if (!respondent.phase.empty())
            phases[respondent.phase] = http::phase_label(respondent.phase);
    }
    std::vector<std::pair<std::string, std::string>> school_values(schools.begin(), schools.end()),
        phase_values(phases.begin(), phases.end()), group_values;
    std::sort(school_values.begin(), school_values.end(),
              [](const auto& a, const auto& b) { return a.second < b.second; });
    for (auto group : {people::StaffGroup::Teacher, people::StaffGroup::Ect, people::StaffGroup::Support,
                       people::StaffGroup::Leader})
        group_values.emplace_back(people::text_of(group), people::label_of(group));
    auto alone = [&](Filter filter) { return view_allowed(respondents, filter); };
    return mstch::map{
        {"schools", filter_choices(school_values, context.query("school"),
                                   [&](const std::string& value) {
                                       Filter filter;
                                       filter.school_id = value == "central" ? 0 : std::stoll(value);
                                       return alone(filter);
                                   })},
        {"groups", filter_choices(group_values, context.query("group"),
                                  [&](const std::string& value) {
                                      Filter filter;
                                      filter.staff_group = people::staff_group_from_text(value);
                                      return alone(filter);
                                  })},
        {"phases", filter_choices(phase_values, context.query("phase"), [&](const std::string& value) {
             Filter filter;
             filter.phase = value;
             return alone(filter);
         })}};
}

std::optional<Survey> kept_survey(http::RequestContext& context) {
    auto survey = survey_in_route(context);
    if (survey && !SurveyService::may_keep(context.signed_in(), *survey)) {
        http::render_error(context, 403, "Only the survey's lead sees its results.");
        return std::nullopt;
    }
    return survey;
}

} // namespace

void survey_results(http::RequestContext& context) {
    auto survey = kept_survey(context);
    if (!survey)
        return;
    const auto responses = context.app.surveys.responses(*survey);
    const Filter filter = filter_of(context);
    const Results results = results_of(context.app.surveys.questions(*survey), responses, filter);
    mstch::array sections;
    for (std::size_t i = 0; i < results.questions.size(); ++i)
        sections.push_back(result_section(results.questions[i], i + 1));
    std::string query = context.request.target.find('?') == std::string::npos
                            ? std::string()
                            : context.request.target.substr(context.request.target.find('?'));
    http::render_page(
        context, "surveys/results", "Results: " + survey->title,
        mstch::map{{"id", std::to_string(survey->id)},
                   {"title", survey->title},
                   {"view", view_label(filter, responses)},
                   {"filtered", filter.any()},
                   {"hidden", results.hidden},
                   {"responses",
                    results.hidden ? std::string(kWithheld) : std::to_string(results.responses) + " answers"},
                   {"filters", filters_view(context, responses)},
                   {"sections", sections},
                   {"csv", "/surveys/" + std::to_string(survey->id) + "/results.csv" + query}});
}

void survey_results_csv(http::RequestContext& context) {
    auto survey = kept_survey(context);
    if (!survey)
        return;
    const auto responses = context.app.surveys.responses(*survey);
    const Filter filter = filter_of(context);
    const Results results = results_of(context.app.surveys.questions(*survey), responses, filter);
    context.response.set_header("Content-Disposition", "attachment; filename=\"survey-results.csv\"");
    context.response.set_header("Cache-Control", "private, no-store");
    context.response.set_content(csv_of(results, view_label(filter, responses)), "text/csv; charset=utf-8");
}

} // namespace trellis::surveys::handlers
