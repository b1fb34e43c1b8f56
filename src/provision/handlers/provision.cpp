// The needs-versus-provision page: the gaps in sentences first (what a lead with ten minutes reads),
// then the map of priorities against school staff groups, then CPD hours per person by school and
// staff group.
#include "accounts/permissions.h"
#include "http/app.h"
#include "http/form_options.h"
#include "http/response.h"
#include "provision/handlers/handlers.h"
#include "provision/needs_map.h"
#include "reports/handlers/bar_chart.h"
#include "surveys/handlers/views.h"

namespace trellis::provision::handlers {

namespace {

constexpr std::size_t kGapsShown = 6;

std::string short_label(people::StaffGroup group) {
    switch (group) {
    case people::StaffGroup::Ect:
        return "ECTs";
    case people::StaffGroup::Support:
        return "Support staff";
    default:
        return people_of(group);
    }
}

std::string hours_text(double hours) {
    return reports::handlers::one_place(hours) + " h";
}

// The column headings: each school once across its staff groups, then the groups.
mstch::map headings_of(const ProvisionMap& map) {
    mstch::array schools, groups;
    for (std::size_t column = 0; column < map.columns.size(); ++column) {
        const Column& each = map.columns[column];
        if (column == 0 || map.columns[column - 1].cell.school_id != each.cell.school_id) {
            int span = 0;
            for (const Column& other : map.columns)
                span += other.cell.school_id == each.cell.school_id ? 1 : 0;
            schools.push_back(mstch::map{{"name", each.school_name}, {"span", std::to_string(span)}});
        }
        groups.push_back(mstch::map{
            {"label", short_label(each.cell.group)},
            {"staff", std::to_string(each.staff)},
            {"first", column == 0 || map.columns[column - 1].cell.school_id != each.cell.school_id}});
    }
    return mstch::map{{"schools", schools}, {"groups", groups}};
}

mstch::map cell_view(const MapCell& cell, const Column& column, bool first, int smallest) {
    std::string need = "–";
    if (cell.need_hidden)
        need = reports::fewer_than(smallest);
    else if (cell.need)
        need = std::to_string(static_cast<int>(*cell.need * 100 + 0.5));
    // The shade carries need (five steps); the number says it too, for those who cannot see shades.
    const int shade = cell.need ? std::min(4, static_cast<int>(*cell.need * 5)) : -1;
    return mstch::map{
        {"need", need},
        {"withheld", cell.need_hidden},
        {"shade", shade >= 0 ? " map-cell--need" + std::to_string(shade) : std::string()},
        {"gap", cell.gap},
        {"offered", cell.offered_hours > 0 ? hours_text(cell.offered_hours) : std::string("nothing")},
        {"places", cell.places > 0 ? std::to_string(cell.places) : std::string()},
        {"taken", cell.taken_hours ? hours_text(*cell.taken_hours) : reports::fewer_than(smallest)},
        {"where", short_label(column.cell.group) + ", " + column.school_name},
        {"first", first}};
}

mstch::map map_view(const ProvisionMap& map) {
    mstch::array rows;
    for (std::size_t row = 0; row < map.rows.size(); ++row) {
        mstch::array cells;
        for (std::size_t column = 0; column < map.columns.size(); ++column)
            cells.push_back(cell_view(map.cells[row][column], map.columns[column],
                                      column == 0 || map.columns[column - 1].cell.school_id !=
                                                         map.columns[column].cell.school_id,
                                      map.smallest));
        rows.push_back(mstch::map{{"title", map.rows[row].title}, {"cells", cells}});
    }
    mstch::array gaps, more;
    for (std::size_t i = 0; i < map.gaps.size(); ++i)
        (i < kGapsShown ? gaps : more).push_back(mstch::map{{"sentence", map.gaps[i].sentence}});
    return mstch::map{{"headings", headings_of(map)},
                      {"rows", rows},
                      {"gaps", gaps},
                      {"more_gaps", more},
                      {"any_more", !more.empty()},
                      {"any_gaps", !gaps.empty()},
                      {"more_count", std::to_string(more.size())},
                      {"any_rows", !rows.empty() && !map.columns.empty()}};
}

std::string per_person(const std::optional<double>& hours, int smallest) {
    return hours ? reports::handlers::one_place(*hours) : reports::fewer_than(smallest);
}

mstch::map fairness_view(const Fairness& fairness) {
    mstch::array groups, rows, totals;
    std::vector<reports::handlers::Bar> bars;
    for (std::size_t column = 0; column < fairness.groups.size(); ++column) {
        groups.push_back(mstch::map{{"label", people_of(fairness.groups[column])}});
        totals.push_back(mstch::map{{"text", per_person(fairness.group_totals[column], fairness.smallest)}});
        bars.push_back(
            {people_of(fairness.groups[column]), fairness.group_totals[column],
             fairness.group_totals[column] ? "" : reports::fewer_than(fairness.smallest, "people")});
    }
    for (std::size_t row = 0; row < fairness.schools.size(); ++row) {
        mstch::array cells;
        for (std::size_t column = 0; column < fairness.groups.size(); ++column)
            cells.push_back(
                mstch::map{{"text", fairness.staff[row][column] == 0
                                        ? std::string("–")
                                        : per_person(fairness.cells[row][column], fairness.smallest)}});
        rows.push_back(mstch::map{{"school", fairness.schools[row].second},
                                  {"cells", cells},
                                  {"total", per_person(fairness.school_totals[row], fairness.smallest)}});
    }
    double most = 1;
    for (const auto& bar : bars)
        most = std::max(most, bar.value.value_or(0));
    return mstch::map{{"groups", groups},
                      {"rows", rows},
                      {"totals", totals},
                      {"total", per_person(fairness.total, fairness.smallest)},
                      {"chart", reports::handlers::bar_chart("fairness-chart",
                                                             "CPD hours per person this year, by staff group",
                                                             bars, most, true)}};
}

} // namespace

void provision_show(http::RequestContext& context) {
    const auto& actor = context.signed_in();
    if (!ProvisionService::may_see(actor))
        return http::render_error(context, 403,
                                  "Needs against provision is for those who lead professional development.");
    const std::string today = context.app.clock.today();
    const long long chosen = http::parse_id(context.query("survey")).value_or(0);
    const ProvisionMap map = context.app.provision.map(actor, today, chosen);
    const Fairness fairness = context.app.provision.fairness(actor, today);
    mstch::array surveys;
    for (const NeedsSurvey& survey : context.app.provision.needs_surveys(actor, today))
        surveys.push_back(mstch::map{{"id", std::to_string(survey.id)},
                                     {"title", survey.title},
                                     {"selected", survey.id == map.survey_id}});
    http::render_page(context, "provision/show", "Needs and provision",
                      mstch::map{{"year", map.year_label},
                                 {"survey_title", map.survey_title},
                                 {"survey_id", std::to_string(map.survey_id)},
                                 {"has_survey", map.survey_id != 0},
                                 {"surveys", surveys},
                                 {"several_surveys", surveys.size() > 1},
                                 {"map", map_view(map)},
                                 {"fairness", fairness_view(fairness)}});
}

} // namespace trellis::provision::handlers
