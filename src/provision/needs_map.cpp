#include "provision/needs_map.h"

#include <algorithm>
#include <cctype>

#include "surveys/needs.h"
#include "surveys/results.h"

namespace trellis::provision {

std::string people_of(people::StaffGroup group) {
    switch (group) {
    case people::StaffGroup::Teacher:
        return "Teachers";
    case people::StaffGroup::Ect:
        return "Early-career teachers";
    case people::StaffGroup::Support:
        return "Support staff";
    case people::StaffGroup::Leader:
        return "Leaders";
    }
    return "Staff";
}

namespace {

// A title inside a sentence: "Behaviour support" becomes "behaviour support", "SEND" stays.
std::string in_sentence(const std::string& title) {
    std::string text = title;
    if (text.size() > 1 && std::isupper(static_cast<unsigned char>(text[0])) &&
        std::islower(static_cast<unsigned char>(text[1])))
        text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    return text;
}

std::string gap_sentence(const Column& column, const Row& row, double need, bool most_named, double hours) {
    const std::string where = column.cell.school_id ? column.school_name : "the central team";
    std::string sentence = people_of(column.cell.group) + " at " + where;
    sentence += most_named ? ": " + in_sentence(row.title) + " is their most named need"
                           : " gave " + in_sentence(row.title) + " a need of " +
                                 std::to_string(static_cast<int>(need * 100 + 0.5)) + " out of 100";
    if (hours <= 0)
        return sentence + "; nothing was offered to them this year.";
    return sentence + "; only " + std::to_string(static_cast<int>(hours * 60 + 0.5)) +
           " minutes were offered to them this year.";
}

void fill_provision(ProvisionMap& map, const MapInputs& inputs, int smallest) {
    std::map<std::pair<long long, StaffCell>, long long> offered;
    for (const Offering& offering : inputs.offerings)
        for (long long priority : offering.priority_ids)
            for (const StaffCell& cell : offering.open_to)
                offered[{priority, cell}] += offering.minutes;
    std::map<std::pair<long long, StaffCell>, int> places;
    for (const Places& given : inputs.places)
        places[{given.priority_id, given.cell}] += given.places;
    for (std::size_t row = 0; row < map.rows.size(); ++row)
        for (std::size_t column = 0; column < map.columns.size(); ++column) {
            const std::pair key{map.rows[row].priority_id, map.columns[column].cell};
            MapCell& cell = map.cells[row][column];
            cell.offered_hours = offered.count(key) ? offered.at(key) / 60.0 : 0;
            cell.places = places.count(key) ? places.at(key) : 0;
            const int staff = map.columns[column].staff;
            if (staff > 0 && !reports::too_small(staff, smallest)) {
                const auto taken = inputs.taken_minutes.find(key);
                cell.taken_hours = (taken == inputs.taken_minutes.end() ? 0.0 : taken->second / 60.0) / staff;
            }
        }
}

void find_gaps(ProvisionMap& map) {
    struct Found {
        Gap gap;
        double need, hours;
    };
    std::vector<Found> found;
    for (std::size_t column = 0; column < map.columns.size(); ++column) {
        std::optional<std::size_t> top;
        for (std::size_t row = 0; row < map.rows.size(); ++row)
            if (map.cells[row][column].need &&
                (!top || *map.cells[row][column].need > *map.cells[*top][column].need))
                top = row;
        for (std::size_t row = 0; row < map.rows.size(); ++row) {
            MapCell& cell = map.cells[row][column];
            if (!cell.need || cell.offered_hours >= 1)
                continue;
            const bool most_named = top == row;
            if (*cell.need < kHighNeed && !(most_named && cell.offered_hours == 0))
                continue;
            cell.gap = true;
            found.push_back({{row, column,
                              gap_sentence(map.columns[column], map.rows[row], *cell.need, most_named,
                                           cell.offered_hours)},
                             *cell.need,
                             cell.offered_hours});
        }
    }
    // Nothing offered before a little, then the higher need first.
    std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
        return (a.hours == 0) != (b.hours == 0) ? a.hours == 0 : a.need > b.need;
    });
    for (Found& each : found)
        map.gaps.push_back(std::move(each.gap));
}

} // namespace

NeedGrid needs_grid(const MapInputs& inputs, int smallest) {
    NeedGrid grid;
    grid.need.assign(inputs.priorities.size(), std::vector<std::optional<double>>(inputs.columns.size()));
    grid.hidden.assign(inputs.columns.size(), false);
    if (!inputs.responses)
        return grid;
    const auto& responses = *inputs.responses;
    const auto respondents = surveys::respondents_of(responses);
    for (std::size_t column = 0; column < inputs.columns.size(); ++column) {
        surveys::Filter filter;
        filter.school_id = inputs.columns[column].cell.school_id;
        filter.staff_group = inputs.columns[column].cell.group;
        int answered = 0;
        for (const auto& respondent : respondents)
            answered += filter.matches(respondent) ? 1 : 0;
        if (answered == 0)
            continue;
        if (!surveys::view_allowed(respondents, filter, smallest)) {
            grid.hidden[column] = true;
            continue;
        }
        const auto needs = surveys::needs_in(inputs.questions, responses, filter);
        for (std::size_t row = 0; row < inputs.priorities.size(); ++row)
            if (auto found = needs.find(inputs.priorities[row].priority_id); found != needs.end())
                grid.need[row][column] = found->second;
    }
    return grid;
}

void fill_map(ProvisionMap& map, const MapInputs& inputs, const NeedGrid& needs, int smallest) {
    map.smallest = smallest;
    map.rows = inputs.priorities;
    map.columns = inputs.columns;
    map.cells.assign(map.rows.size(), std::vector<MapCell>(map.columns.size()));
    for (std::size_t row = 0; row < map.rows.size(); ++row)
        for (std::size_t column = 0; column < map.columns.size(); ++column) {
            map.cells[row][column].need = needs.need[row][column];
            map.cells[row][column].need_hidden = needs.hidden[column];
        }
    fill_provision(map, inputs, smallest);
    find_gaps(map);
}

void fill_map(ProvisionMap& map, const MapInputs& inputs, int smallest) {
    fill_map(map, inputs, needs_grid(inputs, smallest), smallest);
}

} // namespace trellis::provision
