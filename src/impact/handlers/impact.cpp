// The impact page: Guskey's five levels, each over time, for the view chosen (a school, a staff group),
// never showing a group under five; the plan that chooses the measures; pupil outcomes entered per
// school and term; and the same findings as a PDF for trustees and governors.
#include <stdexcept>

#include "calendar/school_year.h"
#include "http/app.h"
#include "http/form_options.h"
#include "http/response.h"
#include "impact/handlers/handlers.h"
#include "impact/handlers/report_text.h"
#include "impact/measures.h"
#include "pdf/pdf.h"
#include "programmes/handlers/programme_in_route.h"
#include "reports/handlers/bar_chart.h"
#include "surveys/handlers/views.h"
#include "text/dates.h"

namespace trellis::impact::handlers {

namespace {

using reports::handlers::Bar;
using reports::handlers::one_place;

std::string withheld(const Report& report) {
    return reports::fewer_than(report.smallest, "answers");
}

std::string mean_text(const std::optional<double>& mean) {
    return mean ? one_place(*mean) : std::string("–");
}

std::string signed_text(const std::optional<double>& change) {
    return change ? (*change > 0 ? "+" : "") + one_place(*change) : std::string("–");
}

mstch::map reactions_view(const Report& report) {
    std::vector<Bar> bars;
    mstch::array rows;
    for (const Reaction& reaction : report.reactions) {
        const std::string label = text::long_date(reaction.day) + ": " + reaction.title;
        bars.push_back({label, reaction.mean, reaction.responses ? withheld(report) : "no feedback yet"});
        rows.push_back(mstch::map{{"label", label},
                                  {"mean", reaction.mean ? one_place(*reaction.mean)
                                                         : (reaction.responses ? withheld(report) : "–")},
                                  {"responses", std::to_string(reaction.responses)}});
    }
    return mstch::map{
        {"any", !rows.empty()},
        {"rows", rows},
        {"chart", reports::handlers::bar_chart("reactions-chart", "Mean rating after each session (1 to 5)",
                                               bars, 5, true)}};
}

mstch::node learning_view(const Report& report) {
    if (!report.learning)
        return false;
    const Learning& learning = *report.learning;
    std::vector<Bar> bars;
    mstch::array rows;
    for (const LearningRow& row : learning.rows) {
        bars.push_back({row.statement, row.after, learning.hidden ? withheld(report) : "no answers yet"});
        rows.push_back(mstch::map{{"statement", row.statement},
                                  {"before", mean_text(row.before)},
                                  {"after", mean_text(row.after)},
                                  {"change", signed_text(row.change)}});
    }
    return mstch::map{{"hidden", learning.hidden},
                      {"none", learning.before_answers == 0 && learning.after_answers == 0},
                      {"change_hidden", learning.change_hidden},
                      {"before_answers", std::to_string(learning.before_answers)},
                      {"after_answers", std::to_string(learning.after_answers)},
                      {"matched", std::to_string(learning.matched)},
                      {"rows", rows},
                      {"chart", reports::handlers::bar_chart("learning-chart",
                                                             "Mean confidence after the programme (1 to 5)",
                                                             bars, 5, true)}};
}

mstch::map support_view(const Report& report) {
    mstch::array columns, rows;
    for (const SupportColumn& column : report.support)
        columns.push_back(mstch::map{{"label", column.label}});
    for (std::size_t row = 0; row < report.support_statements.size(); ++row) {
        mstch::array cells;
        for (const SupportColumn& column : report.support)
            cells.push_back(mstch::map{{"text", column.answered == 0 ? std::string("no answers yet")
                                                : column.hidden || row >= column.means.size()
                                                    ? withheld(report)
                                                    : mean_text(column.means[row])}});
        rows.push_back(mstch::map{{"statement", report.support_statements[row]}, {"cells", cells}});
    }
    return mstch::map{{"any", !report.support.empty()}, {"columns", columns}, {"rows", rows}};
}

mstch::map use_view(const Report& report) {
    mstch::array check_ins;
    std::vector<Bar> bars;
    for (const CheckIn& check_in : report.use) {
        mstch::array tallies, texts;
        if (!check_in.hidden) {
            for (const auto& tally : check_in.how_often.tallies)
                tallies.push_back(
                    mstch::map{{"label", tally.label},
                               {"count", std::to_string(tally.count)},
                               {"percent", std::to_string(static_cast<int>(tally.percent + 0.5)) + "%"}});
            if (!check_in.what_changed.hidden)
                for (const auto& text : check_in.what_changed.texts)
                    if (!text.empty())
                        texts.push_back(mstch::map{{"text", text}});
        }
        bars.push_back({check_in.label, check_in.hidden ? std::nullopt : check_in.how_often.mean,
                        check_in.answered ? withheld(report) : "no answers yet"});
        check_ins.push_back(mstch::map{{"label", check_in.label},
                                       {"opens", text::long_date(check_in.opens_on)},
                                       {"state", check_in.state},
                                       {"hidden", check_in.hidden},
                                       {"answered", std::to_string(check_in.answered)},
                                       {"tallies", tallies},
                                       {"texts", texts},
                                       {"any_texts", !texts.empty()}});
    }
    return mstch::map{
        {"any", !check_ins.empty()},
        {"check_ins", check_ins},
        {"chart", reports::handlers::bar_chart(
                      "use-chart", "How often people use it (1 = not yet, 5 = every day)", bars, 5, true)}};
}

// Level 5: a table per measure, schools down and terms across.
mstch::map outcomes_view(const Report& report, const std::vector<organisations::School>& schools,
                         const std::vector<Term>& terms) {
    mstch::array measures;
    for (const std::string& measure : report.plan.measures) {
        std::vector<std::string> measure_terms;
        for (const Outcome& outcome : report.outcomes)
            if (outcome.measure == measure &&
                std::find(measure_terms.begin(), measure_terms.end(), outcome.term) == measure_terms.end())
                measure_terms.push_back(outcome.term);
        std::sort(measure_terms.begin(), measure_terms.end(), [](const std::string& a, const std::string& b) {
            auto order = [](const std::string& key) {
                const int season = key.ends_with("autumn") ? 0 : key.ends_with("spring") ? 1 : 2;
                return std::stoi(key.substr(0, 4)) * 3 + season - (season == 0 ? 0 : 3);
            };
            return order(a) < order(b);
        });
        mstch::array columns, rows;
        for (const auto& term : measure_terms)
            columns.push_back(mstch::map{{"label", term_label(term)}});
        std::vector<std::pair<long long, std::string>> measure_schools;
        for (const Outcome& outcome : report.outcomes)
            if (outcome.measure == measure &&
                std::find(measure_schools.begin(), measure_schools.end(),
                          std::pair{outcome.school_id, outcome.school_name}) == measure_schools.end())
                measure_schools.emplace_back(outcome.school_id, outcome.school_name);
        for (const auto& [school_id, school_name] : measure_schools) {
            mstch::array cells;
            for (const auto& term : measure_terms) {
                std::string value = "–";
                for (const Outcome& outcome : report.outcomes)
                    if (outcome.measure == measure && outcome.school_id == school_id && outcome.term == term)
                        value = one_place(outcome.value);
                cells.push_back(mstch::map{{"text", value}});
            }
            rows.push_back(mstch::map{{"school", school_name}, {"cells", cells}});
        }
        measures.push_back(
            mstch::map{{"measure", measure}, {"columns", columns}, {"rows", rows}, {"any", !rows.empty()}});
    }
    mstch::array school_options, term_options, measure_options;
    for (const auto& school : schools)
        school_options.push_back(mstch::map{{"value", std::to_string(school.id)}, {"label", school.name}});
    for (const auto& term : terms)
        term_options.push_back(mstch::map{{"value", term.key}, {"label", term.label}});
    for (const auto& measure : report.plan.measures)
        measure_options.push_back(mstch::map{{"value", measure}, {"label", measure}});
    return mstch::map{{"measures", measures},
                      {"any_measures", !report.plan.measures.empty()},
                      {"schools", school_options},
                      {"terms", term_options},
                      {"measure_options", measure_options}};
}

mstch::map plan_view(const Plan& plan, const std::string& error, const PlanForm* typed) {
    PlanForm form;
    if (typed)
        form = *typed;
    else {
        form = {plan.reactions, plan.learning, plan.support, plan.use, plan.anonymous, "", ""};
        for (const auto& line : plan.statements)
            form.statements += line + "\n";
        for (const auto& line : plan.measures)
            form.measures += line + "\n";
    }
    mstch::array surveys;
    for (const auto& survey : plan.surveys)
        surveys.push_back(mstch::map{{"id", std::to_string(survey.id)},
                                     {"title", survey.title},
                                     {"opens", text::long_date(survey.opens_on)},
                                     {"closes", text::long_date(survey.closes_on)}});
    return mstch::map{{"reactions", form.reactions},
                      {"learning", form.learning},
                      {"support", form.support},
                      {"use", form.use},
                      {"anonymous", form.anonymous},
                      {"named", !form.anonymous},
                      {"statements", form.statements},
                      {"measures", form.measures},
                      {"surveys", surveys},
                      {"any_surveys", !surveys.empty()},
                      {"error", error},
                      {"has_error", !error.empty()}};
}

void show(http::RequestContext& context, const programmes::Programme& programme,
          const std::string& error = "", const PlanForm* typed = nullptr, int status = 200) {
    const surveys::Filter filter = surveys::handlers::filter_of(context);
    const Report report = context.app.impact.report(programme, filter, context.signed_in().smallest_group,
                                                    context.app.clock.today());
    const auto schools = context.app.organisations.schools(programme.trust_id);
    mstch::array school_choices{mstch::map{
        {"value", std::string()}, {"label", std::string("All schools")}, {"selected", filter.school_id < 0}}};
    for (const auto& school : schools)
        if (programme.school_id == 0 || programme.school_id == school.id)
            school_choices.push_back(mstch::map{{"value", std::to_string(school.id)},
                                                {"label", school.name},
                                                {"selected", filter.school_id == school.id}});
    mstch::array group_choices{mstch::map{{"value", std::string()},
                                          {"label", std::string("All staff groups")},
                                          {"selected", !filter.staff_group}}};
    for (auto group : {people::StaffGroup::Teacher, people::StaffGroup::Ect, people::StaffGroup::Support,
                       people::StaffGroup::Leader})
        group_choices.push_back(mstch::map{{"value", people::text_of(group)},
                                           {"label", people::label_of(group)},
                                           {"selected", filter.staff_group == group}});
    const std::string base = "/programmes/" + std::to_string(programme.id);
    const std::string query = context.request.target.find('?') == std::string::npos
                                  ? std::string()
                                  : context.request.target.substr(context.request.target.find('?'));
    std::vector<organisations::School> own_schools;
    for (const auto& school : schools)
        if (programme.school_id == 0 || programme.school_id == school.id)
            own_schools.push_back(school);
    const int year = calendar::school_year_containing(context.app.clock.today()).starts_in;
    std::vector<Term> terms = terms_of_year(year - 1);
    for (const Term& term : terms_of_year(year))
        terms.push_back(term);
    http::render_page(context, "impact/show", "Impact: " + programme.title,
                      mstch::map{{"id", std::to_string(programme.id)},
                                 {"title", programme.title},
                                 {"base", base},
                                 {"pdf", base + "/impact.pdf" + query},
                                 {"school_choices", school_choices},
                                 {"group_choices", group_choices},
                                 {"filtered", filter.any()},
                                 {"reactions_on", report.plan.reactions},
                                 {"reactions", reactions_view(report)},
                                 {"learning", learning_view(report)},
                                 {"support", support_view(report)},
                                 {"use", use_view(report)},
                                 {"outcomes", outcomes_view(report, own_schools, terms)},
                                 {"plan", plan_view(report.plan, error, typed)}},
                      status);
}

PlanForm read_plan(const http::RequestContext& context) {
    return {context.form("reactions") == "1", context.form("learning") == "1",
            context.form("support") == "1",   context.form("use") == "1",
            context.form("anonymous") != "0", context.form("statements"),
            context.form("measures")};
}

} // namespace

void impact_show(http::RequestContext& context) {
    if (auto programme = programmes::handlers::kept_programme_in_route(context))
        show(context, *programme);
}

void plan_save(http::RequestContext& context) {
    auto programme = programmes::handlers::kept_programme_in_route(context);
    if (!programme)
        return;
    const PlanForm form = read_plan(context);
    try {
        context.app.impact.save_plan(context.signed_in(), *programme, form, context.app.clock.today());
    } catch (const std::invalid_argument& error) {
        return show(context, *programme, error.what(), &form, 400);
    }
    http::redirect(context, "/programmes/" + std::to_string(programme->id) + "/impact?saved=1#plan");
}

void outcome_save(http::RequestContext& context) {
    auto programme = programmes::handlers::kept_programme_in_route(context);
    if (!programme)
        return;
    try {
        context.app.impact.save_outcome(context.signed_in(), *programme,
                                        {context.form("school_id"), context.form("term"),
                                         context.form("measure"), context.form("value")});
    } catch (const std::invalid_argument& error) {
        return http::render_error(context, 400, error.what());
    }
    http::redirect(context, "/programmes/" + std::to_string(programme->id) + "/impact#outcomes");
}

void outcome_delete(http::RequestContext& context) {
    auto programme = programmes::handlers::kept_programme_in_route(context);
    if (!programme)
        return;
    const auto id = http::parse_id(context.capture(2));
    if (!id || !context.app.impact.delete_outcome(context.signed_in(), *programme, *id))
        return http::render_error(context, 404, "There is no such figure.");
    http::redirect(context, "/programmes/" + std::to_string(programme->id) + "/impact#outcomes");
}

void impact_pdf(http::RequestContext& context) {
    auto programme = programmes::handlers::kept_programme_in_route(context);
    if (!programme)
        return;
    const surveys::Filter filter = surveys::handlers::filter_of(context);
    const Report report = context.app.impact.report(*programme, filter, context.signed_in().smallest_group,
                                                    context.app.clock.today());
    const std::string bytes = pdf::markdown_document(
        "Impact: " + programme->title, report_markdown(*programme, report),
        context.signed_in().trust_name + " · " + text::long_date(context.app.clock.today()));
    context.response.set_header("Content-Disposition", "inline; filename=\"impact-report.pdf\"");
    context.response.set_header("Cache-Control", "private, no-store");
    context.response.set_content(bytes, "application/pdf");
}

} // namespace trellis::impact::handlers
