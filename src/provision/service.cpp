#include "provision/service.h"

#include <algorithm>
#include <map>
#include <set>

#include "accounts/permissions.h"
#include "calendar/london_time.h"
#include "calendar/school_year.h"
#include "organisations/store.h"
#include "people/store.h"
#include "priorities/store.h"
#include "programmes/activity_store.h"
#include "programmes/audience.h"
#include "programmes/store.h"
#include "provision/needs_map.h"
#include "provision/store.h"
#include "record/store.h"
#include "reports/small_groups.h"

namespace trellis::provision {

namespace {

constexpr people::StaffGroup kGroups[] = {people::StaffGroup::Teacher, people::StaffGroup::Ect,
                                          people::StaffGroup::Support, people::StaffGroup::Leader};

struct Year {
    std::string label, from, to;
};

Year year_of(const std::string& today) {
    const auto year = calendar::school_year_containing(today);
    return {year.label, std::to_string(year.starts_in) + "-09-01",
            std::to_string(year.starts_in + 1) + "-08-31"};
}

// The school a lead's figures are limited to: -1 the whole trust.
long long scope_of(const accounts::Actor& actor) {
    return accounts::leads_at(actor, 0) ? -1 : actor.school_id;
}

// The schools in reach with their phases, by name, the central team last.
struct SchoolInfo {
    long long id = 0;
    std::string name, phase;
};
std::vector<SchoolInfo> schools_in(soci::session& sql, long long trust_id, long long scope) {
    std::vector<SchoolInfo> schools;
    for (const auto& school : organisations::store::list_schools(sql, trust_id))
        if (scope < 0 || school.id == scope)
            schools.push_back({school.id, school.name, school.phase});
    std::sort(schools.begin(), schools.end(),
              [](const SchoolInfo& a, const SchoolInfo& b) { return a.name < b.name; });
    if (scope < 0)
        schools.push_back({0, "Central team", ""});
    return schools;
}

std::map<StaffCell, int> staff_by_cell(soci::session& sql, long long trust_id) {
    std::map<StaffCell, int> staff;
    for (const auto& count : people::store::staff_counts(sql, trust_id))
        staff[{count.school_id, count.staff_group}] += count.people;
    return staff;
}

std::vector<people::StaffGroup> groups_in(const std::string& text) {
    std::vector<people::StaffGroup> groups;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(',', start), text.size());
        if (auto group = people::staff_group_from_text(text.substr(start, end - start)))
            groups.push_back(*group);
        start = end + 1;
    }
    return groups;
}

bool has(const std::vector<people::StaffGroup>& groups, people::StaffGroup group) {
    return groups.empty() || std::find(groups.begin(), groups.end(), group) != groups.end();
}

// Training-day workshops: open to the day's schools (and the central team) in the groups both the day
// and the workshop are for, in the workshop's phase.
void add_workshops(soci::session& sql, long long trust_id, const Year& year,
                   const std::vector<SchoolInfo>& schools, std::vector<Offering>& offerings) {
    const auto taking_part = store::event_schools(sql, trust_id);
    for (const auto& workshop : store::workshops_between(sql, trust_id, year.from, year.to)) {
        Offering offering{{workshop.priority_id}, workshop.minutes, {}};
        const auto day_groups = groups_in(workshop.event_groups), offer_groups = groups_in(workshop.audience);
        const auto found = taking_part.find(workshop.event_id);
        for (const SchoolInfo& school : schools) {
            const bool school_in =
                school.id == 0 || (found != taking_part.end() &&
                                   std::count(found->second.begin(), found->second.end(), school.id) > 0);
            if (!school_in || (!workshop.phase.empty() && workshop.phase != school.phase))
                continue;
            for (auto group : kGroups)
                if (has(day_groups, group) && has(offer_groups, group))
                    offering.open_to.push_back({school.id, group});
        }
        offerings.push_back(std::move(offering));
    }
}

// A programme activity's time for one person: a live session's or collaboration's length, a module's.
int minutes_of(const programmes::Activity& activity, const learning::content::ContentLibrary& content) {
    if (activity.kind == programmes::ActivityKind::Module) {
        const auto module = content.find(activity.module_slug);
        return module ? module->minutes : 0;
    }
    return calendar::minutes_between(activity.starts_at, activity.ends_at);
}

// Programme activities of the year that serve priorities: open to the cells within the programme's
// filters (for a cohort or sign-up programme, those with members), each cell's places being its
// members, or all its staff for a programme for everyone.
void add_programmes(soci::session& sql, long long trust_id, const Year& year,
                    const std::vector<SchoolInfo>& schools, const std::map<StaffCell, int>& staff,
                    const learning::content::ContentLibrary& content, std::vector<Offering>& offerings,
                    std::vector<Places>& places) {
    const auto members = store::programme_members(sql, trust_id);
    for (const auto& programme : programmes::store::programmes_of(sql, trust_id)) {
        if (programme.priority_ids.empty() || programme.ends_on < year.from || programme.starts_on > year.to)
            continue;
        const auto found = members.find(programme.id);
        std::vector<StaffCell> cells;
        for (const SchoolInfo& school : schools)
            for (auto group : kGroups) {
                const StaffCell cell{school.id, group};
                const bool named = found != members.end() && found->second.count(cell);
                const bool in =
                    programme.audience == programmes::Audience::Everyone
                        ? programmes::within_filters(programme, {0, school.id, group, school.phase})
                        : named;
                if (in)
                    cells.push_back(cell);
            }
        std::set<StaffCell> served;
        for (const auto& activity : programmes::activity_store::activities_of(sql, trust_id, programme.id)) {
            if (activity.starts_on < year.from || activity.starts_on > year.to)
                continue;
            Offering offering{programme.priority_ids, minutes_of(activity, content), {}};
            for (const StaffCell& cell : cells)
                if (programmes::activity_is_for(activity, cell.group)) {
                    offering.open_to.push_back(cell);
                    served.insert(cell);
                }
            if (offering.minutes > 0)
                offerings.push_back(std::move(offering));
        }
        for (const StaffCell& cell : served) {
            const int held = programme.audience == programmes::Audience::Everyone
                                 ? (staff.count(cell) ? staff.at(cell) : 0)
                                 : found->second.at(cell);
            for (long long priority : programme.priority_ids)
                places.push_back({priority, cell, held});
        }
    }
}

} // namespace

bool ProvisionService::may_see(const accounts::Actor& actor) {
    return accounts::may_see_provision(actor);
}

std::vector<NeedsSurvey> ProvisionService::needs_surveys(const accounts::Actor& actor,
                                                         const std::string& today) {
    std::vector<NeedsSurvey> found;
    for (const auto& summary : m_surveys.kept_by(actor)) {
        if (summary.responses == 0)
            continue;
        bool tagged = false;
        for (const auto& question : m_surveys.questions(summary.survey)) {
            tagged = tagged || question.priority_id != 0;
            for (const auto& option : question.options)
                tagged = tagged || option.priority_id != 0;
        }
        if (tagged)
            found.push_back({summary.survey.id, summary.survey.title, summary.survey.closes_on});
    }
    // Closed surveys first (their answers are all in), the latest first; then any still open.
    std::stable_sort(found.begin(), found.end(), [&](const NeedsSurvey& a, const NeedsSurvey& b) {
        const bool a_closed = a.closes_on < today, b_closed = b.closes_on < today;
        return a_closed != b_closed ? a_closed : a.closes_on > b.closes_on;
    });
    return found;
}

ProvisionMap ProvisionService::map(const accounts::Actor& actor, const std::string& today,
                                   long long survey_id) {
    ProvisionMap map;
    MapInputs inputs;
    const Year year = year_of(today);
    map.year_label = year.label;
    for (const NeedsSurvey& candidate : needs_surveys(actor, today))
        if (survey_id == 0 || candidate.id == survey_id) {
            const auto survey = m_surveys.find(actor.trust_id, candidate.id);
            map.survey_id = candidate.id;
            map.survey_title = candidate.title;
            inputs.questions = m_surveys.questions(*survey);
            inputs.responses = m_surveys.responses(*survey);
            break;
        }
    auto lease = m_database.lease();
    soci::session& sql = *lease;
    const long long scope = scope_of(actor);
    const auto schools = schools_in(sql, actor.trust_id, scope);
    const auto staff = staff_by_cell(sql, actor.trust_id);
    for (const SchoolInfo& school : schools)
        for (auto group : kGroups) {
            const StaffCell cell{school.id, group};
            if (staff.count(cell))
                inputs.columns.push_back({cell, school.name, staff.at(cell)});
        }
    for (const auto& priority : priorities::store::priorities_of(sql, actor.trust_id, 0))
        inputs.priorities.push_back({priority.id, priority.title});
    add_workshops(sql, actor.trust_id, year, schools, inputs.offerings);
    add_programmes(sql, actor.trust_id, year, schools, staff, m_content, inputs.offerings, inputs.places);
    for (const Places& given : store::workshop_places(sql, actor.trust_id, year.from, year.to))
        inputs.places.push_back(given);
    for (const auto& taken : record::store::minutes_by_group(sql, actor.trust_id, year.from, year.to, true))
        inputs.taken_minutes[{taken.priority_id, {taken.school_id, taken.staff_group}}] += taken.minutes;
    fill_map(map, inputs, kept_needs(inputs, actor.smallest_group), actor.smallest_group);
    return map;
}

NeedGrid ProvisionService::kept_needs(const MapInputs& inputs, int smallest) {
    if (!inputs.responses)
        return needs_grid(inputs, smallest);
    std::string key = std::to_string(smallest) + surveys::tags_key(inputs.questions);
    for (const Row& row : inputs.priorities)
        key += "|p" + std::to_string(row.priority_id);
    for (const Column& column : inputs.columns)
        key += "|c" + std::to_string(column.cell.school_id) + ":" + people::text_of(column.cell.group);
    if (auto kept = m_kept.find(inputs.responses, key))
        return *kept;
    NeedGrid needs = needs_grid(inputs, smallest);
    m_kept.keep(inputs.responses, key, needs);
    return needs;
}

Fairness ProvisionService::fairness(const accounts::Actor& actor, const std::string& today) {
    Fairness fairness;
    fairness.smallest = actor.smallest_group;
    const Year year = year_of(today);
    fairness.year_label = year.label;
    auto lease = m_database.lease();
    soci::session& sql = *lease;
    const auto staff = staff_by_cell(sql, actor.trust_id);
    std::map<StaffCell, long long> minutes;
    for (const auto& done : record::store::minutes_by_group(sql, actor.trust_id, year.from, year.to, false))
        minutes[{done.school_id, done.staff_group}] += done.minutes;
    fairness.groups.assign(std::begin(kGroups), std::end(kGroups));
    std::vector<std::vector<long long>> done;
    for (const SchoolInfo& school : schools_in(sql, actor.trust_id, scope_of(actor))) {
        std::vector<int> people;
        std::vector<long long> row;
        for (auto group : kGroups) {
            const StaffCell cell{school.id, group};
            people.push_back(staff.count(cell) ? staff.at(cell) : 0);
            row.push_back(minutes.count(cell) ? minutes.at(cell) : 0);
        }
        if (school.id == 0 && std::all_of(people.begin(), people.end(), [](int n) { return n == 0; }))
            continue;
        fairness.schools.emplace_back(school.id, school.name);
        fairness.staff.push_back(people);
        done.push_back(row);
    }
    const auto hidden = reports::hide_small_groups(fairness.staff, actor.smallest_group);
    auto per_person = [](long long minutes_done, int people) -> std::optional<double> {
        if (people == 0)
            return std::nullopt;
        return minutes_done / 60.0 / people;
    };
    long long all_minutes = 0;
    int all_people = 0;
    std::vector<long long> group_minutes(fairness.groups.size());
    std::vector<int> group_people(fairness.groups.size());
    for (std::size_t row = 0; row < fairness.schools.size(); ++row) {
        fairness.cells.emplace_back();
        long long school_minutes = 0;
        int school_people = 0;
        for (std::size_t column = 0; column < fairness.groups.size(); ++column) {
            const int people = fairness.staff[row][column];
            fairness.cells[row].push_back(hidden.cell(row, column) ? std::nullopt
                                                                   : per_person(done[row][column], people));
            school_minutes += done[row][column];
            school_people += people;
            group_minutes[column] += done[row][column];
            group_people[column] += people;
        }
        fairness.school_totals.push_back(hidden.row_totals[row] ? std::nullopt
                                                                : per_person(school_minutes, school_people));
        all_minutes += school_minutes;
        all_people += school_people;
    }
    for (std::size_t column = 0; column < fairness.groups.size(); ++column)
        fairness.group_totals.push_back(hidden.column_totals[column]
                                            ? std::nullopt
                                            : per_person(group_minutes[column], group_people[column]));
    fairness.total = hidden.total ? std::nullopt : per_person(all_minutes, all_people);
    return fairness;
}

} // namespace trellis::provision
