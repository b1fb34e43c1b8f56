// A survey's results for its lead: each question as a chart and a table, filtered by school, staff
// group and phase, with every view too small to show withheld; and the same as CSV.
#include <algorithm>
#include <map>
#include <stdexcept>

#include "accounts/permissions.h"

#include "http/app.h"
#include "http/form_options.h"
#include "http/response.h"
#include "reports/handlers/bar_chart.h"
#include "surveys/handlers/handlers.h"
#include "surveys/handlers/views.h"
#include "surveys/kept_by_responses.h"
#include "surveys/needs.h"
#include "surveys/side_by_side.h"

namespace trellis::surveys::handlers {

namespace {

std::string withheld(int smallest) {
    return reports::fewer_than(smallest, "answers");
}
const std::string kResultsRefusal = "Only the survey's lead sees its results.";

// The choices of one filter, each marked when that view alone is too small to show.
mstch::array filter_choices(const std::vector<std::pair<std::string, std::string>>& values,
                            const std::string& chosen, int smallest,
                            const std::function<bool(const std::string&)>& allowed) {
    mstch::array choices{
        mstch::map{{"value", std::string()}, {"label", std::string("All")}, {"selected", chosen.empty()}}};
    for (const auto& [value, label] : values)
        choices.push_back(
            mstch::map{{"value", value},
                       {"label", allowed(value) ? label : label + " (" + withheld(smallest) + ")"},
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
    const int smallest = context.signed_in().smallest_group;
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
    auto alone = [&](Filter filter) { return view_allowed(respondents, filter, smallest); };
    return mstch::map{{"schools", filter_choices(school_values, context.query("school"), smallest,
                                                 [&](const std::string& value) {
                                                     Filter filter;
                                                     filter.school_id =
                                                         value == "central" ? 0 : std::stoll(value);
                                                     return alone(filter);
                                                 })},
                      {"groups", filter_choices(group_values, context.query("group"), smallest,
                                                [&](const std::string& value) {
                                                    Filter filter;
                                                    filter.staff_group = people::staff_group_from_text(value);
                                                    return alone(filter);
                                                })},
                      {"phases", filter_choices(phase_values, context.query("phase"), smallest,
                                                [&](const std::string& value) {
                                                    Filter filter;
                                                    filter.phase = value;
                                                    return alone(filter);
                                                })}};
}

std::string need_text(const std::optional<double>& need) {
    return need ? std::to_string(static_cast<int>(*need * 100 + 0.5)) : std::string("–");
}

// One table of needs: priorities down, views across; the most-needed priority in each view marked.
mstch::map need_table(const NeedTable& table, const std::map<long long, std::string>& titles,
                      const std::string& caption, int smallest) {
    mstch::array columns, rows;
    std::vector<std::size_t> top(table.columns.size(), table.priority_ids.size());
    for (std::size_t column = 0; column < table.columns.size(); ++column) {
        columns.push_back(mstch::map{{"label", table.columns[column]}});
        for (std::size_t row = 0; row < table.priority_ids.size(); ++row)
            if (table.cells[row][column] && (top[column] == table.priority_ids.size() ||
                                             *table.cells[row][column] > *table.cells[top[column]][column]))
                top[column] = row;
    }
    for (std::size_t row = 0; row < table.priority_ids.size(); ++row) {
        mstch::array cells;
        for (std::size_t column = 0; column < table.columns.size(); ++column)
            cells.push_back(mstch::map{
                {"text", table.hidden[column] ? withheld(smallest) : need_text(table.cells[row][column])},
                {"top", top[column] == row}});
        rows.push_back(mstch::map{{"title", titles.at(table.priority_ids[row])}, {"cells", cells}});
    }
    return mstch::map{{"caption", caption}, {"columns", columns}, {"rows", rows}};
}

// Needs by priority for everyone, by staff group and by school, and the options people chose that
// no priority covers yet; empty when nothing in the survey is tied to a priority.
std::optional<mstch::map> needs_view(http::RequestContext& context, const Survey& survey,
                                     const std::vector<Question>& questions,
                                     const std::vector<Response>& responses,
                                     const std::vector<priorities::Priority>& trust_priorities) {
    const int smallest = context.signed_in().smallest_group;
    std::map<long long, std::string> titles;
    std::vector<long long> ids;
    for (const auto& priority : trust_priorities) {
        titles[priority.id] = priority.title;
        ids.push_back(priority.id);
    }
    const auto overall = needs_in(questions, responses, Filter{});
    if (overall.empty() || !view_allowed(respondents_of(responses), Filter{}, smallest))
        return std::nullopt;
    mstch::map view;
    std::vector<reports::handlers::Bar> bars;
    std::vector<long long> ordered;
    for (long long id : ids)
        if (overall.count(id))
            ordered.push_back(id);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [&](long long a, long long b) { return overall.at(a) > overall.at(b); });
    for (long long id : ordered)
        bars.push_back({titles[id], overall.at(id) * 100, ""});
    std::vector<NeedColumn> by_group, by_school;
    for (auto group : {people::StaffGroup::Teacher, people::StaffGroup::Ect, people::StaffGroup::Support,
                       people::StaffGroup::Leader}) {
        Filter filter;
        filter.staff_group = group;
        by_group.push_back({people::label_of(group), filter});
    }
    std::map<std::string, long long> schools;
    for (const Response& response : responses)
        schools[response.respondent.school_name] = response.respondent.school_id;
    for (const auto& [name, id] : schools) {
        Filter filter;
        filter.school_id = id;
        by_school.push_back({name, filter});
    }
    mstch::array untagged;
    for (const UntaggedOption& option : popular_untagged(questions, responses, 5, smallest))
        untagged.push_back(
            mstch::map{{"label", option.label},
                       {"share", std::to_string(static_cast<int>(option.share * 100 + 0.5)) + "%"},
                       {"question_id", std::to_string(option.question_id)},
                       {"option_number", std::to_string(option.option + 1)}});
    view["chart"] = reports::handlers::bar_chart("needs-chart", "Need by priority, everyone (0 to 100)", bars,
                                                 100, false);
    view["by_group"] = need_table(needs_by(questions, responses, ordered, by_group, smallest), titles,
                                  "Need by priority and staff group", smallest);
    view["by_school"] = need_table(needs_by(questions, responses, ordered, by_school, smallest), titles,
                                   "Need by priority and school", smallest);
    view["untagged"] = untagged;
    view["any_untagged"] = !untagged.empty();
    view["may_add"] = accounts::leads_at(context.signed_in(), 0);
    view["survey_id"] = std::to_string(survey.id);
    return view;
}

// Leaders and staff side by side for each grid both were asked, the widest gap first, with the
// statements where leaders think notably better of things than staff said in words.
mstch::array side_by_side_view(const std::vector<Question>& questions, const std::vector<Response>& responses,
                               const Filter& filter, int smallest) {
    using reports::handlers::one_place;
    mstch::array comparisons;
    if (filter.staff_group || !filter.phase.empty())
        return comparisons; // the comparison is itself across staff groups
    for (const SideBySide& comparison : side_by_side(questions, responses, smallest, filter.school_id)) {
        mstch::array rows, notable;
        for (const SideBySideRow& row : comparison.rows) {
            rows.push_back(mstch::map{
                {"statement", row.statement},
                {"leaders", row.leaders ? one_place(*row.leaders) : std::string("–")},
                {"staff", row.staff ? one_place(*row.staff) : std::string("–")},
                {"gap", row.gap ? (*row.gap > 0 ? "+" : "") + one_place(*row.gap) : std::string("–")},
                {"notable", row.gap && *row.gap >= kNotableGap}});
            if (row.gap && *row.gap >= kNotableGap)
                notable.push_back(mstch::map{{"statement", row.statement},
                                             {"leaders", one_place(*row.leaders)},
                                             {"staff", one_place(*row.staff)}});
        }
        const bool hidden = comparison.leaders_hidden || comparison.staff_hidden;
        comparisons.push_back(mstch::map{{"prompt", comparison.prompt},
                                         {"hidden", hidden},
                                         {"leaders", std::to_string(comparison.leaders)},
                                         {"staff", std::to_string(comparison.staff)},
                                         {"rows", rows},
                                         {"notable", notable},
                                         {"any_notable", !notable.empty()}});
    }
    return comparisons;
}

// A results page's figures for one view, kept while nothing they come from changes (the responses,
// the questions and their tags, the trust's priorities, the query): reading a large survey's results
// again then costs a count and a render, not a recount.
KeptByResponses<mstch::map, 32>& page_memo() {
    static KeptByResponses<mstch::map, 32> memo;
    return memo;
}

// Everything besides the responses that a results page depends on, as text.
std::string page_key(const http::RequestContext& context, const std::vector<Question>& questions,
                     const std::vector<priorities::Priority>& trust_priorities) {
    std::string key = context.request.target + "|" +
                      (accounts::leads_at(context.signed_in(), 0) ? "lead" : "") + "|" +
                      std::to_string(context.signed_in().smallest_group);
    key += tags_key(questions);
    for (const auto& priority : trust_priorities)
        key += "|p" + std::to_string(priority.id) + ":" + priority.title;
    return key;
}

} // namespace

void survey_results(http::RequestContext& context) {
    auto survey = kept_survey(context, kResultsRefusal);
    if (!survey)
        return;
    const auto kept = context.app.surveys.responses(*survey);
    const auto questions = context.app.surveys.questions(*survey);
    const auto trust_priorities = context.app.priorities.view(context.signed_in()).trust;
    const std::string key = page_key(context, questions, trust_priorities);
    if (auto data = page_memo().find(kept, key))
        return http::render_page(context, "surveys/results", "Results: " + survey->title, std::move(*data));
    const std::vector<Response>& responses = *kept;
    const Filter filter = filter_of(context);
    const int smallest = context.signed_in().smallest_group;
    const Results results = results_of(questions, responses, filter, smallest);
    const auto needs =
        filter.any() ? std::nullopt : needs_view(context, *survey, questions, responses, trust_priorities);
    mstch::array sections;
    for (std::size_t i = 0; i < results.questions.size(); ++i)
        sections.push_back(result_section(results.questions[i], i + 1));
    std::string query = context.request.target.find('?') == std::string::npos
                            ? std::string()
                            : context.request.target.substr(context.request.target.find('?'));
    mstch::map data{
        {"id", std::to_string(survey->id)},
        {"title", survey->title},
        {"view", view_label(filter, responses)},
        {"filtered", filter.any()},
        {"hidden", results.hidden},
        {"responses", results.hidden ? withheld(smallest) : std::to_string(results.responses) + " answers"},
        {"filters", filters_view(context, responses)},
        {"sections", sections},
        {"needs", needs ? mstch::node(*needs) : mstch::node(false)},
        {"side_by_side",
         results.hidden ? mstch::array{} : side_by_side_view(questions, responses, filter, smallest)},
        {"added_priority", !context.query("priority").empty()},
        {"csv", "/surveys/" + std::to_string(survey->id) + "/results.csv" + query}};
    page_memo().keep(kept, key, data);
    http::render_page(context, "surveys/results", "Results: " + survey->title, std::move(data));
}

void survey_results_csv(http::RequestContext& context) {
    auto survey = kept_survey(context, kResultsRefusal);
    if (!survey)
        return;
    const auto kept = context.app.surveys.responses(*survey);
    const std::vector<Response>& responses = *kept;
    const Filter filter = filter_of(context);
    const Results results = results_of(context.app.surveys.questions(*survey), responses, filter,
                                       context.signed_in().smallest_group);
    context.response.set_header("Content-Disposition", "attachment; filename=\"survey-results.csv\"");
    context.response.set_header("Cache-Control", "private, no-store");
    context.response.set_content(csv_of(results, view_label(filter, responses)), "text/csv; charset=utf-8");
}

void option_to_priority(http::RequestContext& context) {
    auto survey = kept_survey(context, kResultsRefusal);
    if (!survey)
        return;
    const auto question = http::parse_id(context.form("question_id"));
    const auto option = http::parse_id(context.form("option")).value_or(0) - 1; // sent as 1-based
    try {
        if (!question || option < 0)
            throw std::invalid_argument("Choose an option from the list.");
        context.app.surveys.option_to_priority(context.signed_in(), *survey, *question,
                                               static_cast<std::size_t>(option));
    } catch (const std::invalid_argument& error) {
        return http::render_error(context, 400, error.what());
    }
    http::redirect(context, "/surveys/" + std::to_string(survey->id) + "/results?priority=added#needs");
}

} // namespace trellis::surveys::handlers
