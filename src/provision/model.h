#pragma once

#include <optional>
#include <string>
#include <vector>

#include "people/model.h"

// Needs against provision: for each of the trust's priorities and each school's staff group, how
// much people said they need help with it (from a needs survey), what was offered to them that serves
// it (training-day workshops, programme sessions and modules), and what they took up. And fairness:
// CPD hours per person by school and staff group. Figures about fewer people than the trust's
// smallest reportable group are never shown.
namespace trellis::provision {

// One school's staff group: a column of the map, a cell of the fairness table.
struct StaffCell {
    long long school_id = 0; // 0: the central team
    people::StaffGroup group = people::StaffGroup::Teacher;
    bool operator<(const StaffCell& other) const {
        return school_id != other.school_id ? school_id < other.school_id : group < other.group;
    }
    bool operator==(const StaffCell& other) const = default;
};

// Something offered in the year that serves priorities, and the staff it was open to.
struct Offering {
    std::vector<long long> priority_ids;
    int minutes = 0;                // one person's time in it
    std::vector<StaffCell> open_to; // the school staff groups who could take part
};

// Places given to one school's staff group in what served one priority: workshop places allocated,
// programme places held.
struct Places {
    long long priority_id = 0;
    StaffCell cell;
    int places = 0;
};

struct Column {
    StaffCell cell;
    std::string school_name;
    int staff = 0; // current staff in the cell
};

struct MapCell {
    std::optional<double> need; // 0 to 1; nullopt when no answer speaks to it
    bool need_hidden = false;   // too few answers to show
    double offered_hours = 0;   // hours offered that this group could take
    int places = 0;
    std::optional<double> taken_hours; // hours attended per person; nullopt for a small group
    bool gap = false;                  // high need, little offered
};

struct Row {
    long long priority_id = 0;
    std::string title;
};

struct Gap {
    std::size_t row = 0, column = 0;
    std::string sentence; // "Support staff at Meadowbank: behaviour support is their most named need; …"
};

struct ProvisionMap {
    long long survey_id = 0; // 0: no needs survey yet
    std::string survey_title;
    std::string year_label; // "2026–27"
    std::vector<Row> rows;
    std::vector<Column> columns;
    std::vector<std::vector<MapCell>> cells; // [row][column]
    std::vector<Gap> gaps;                   // the most striking first
    int smallest = 0;                        // the fewest people a shown figure describes
};

// CPD hours per person in the year: schools down, staff groups across.
struct Fairness {
    std::string year_label;
    std::vector<std::pair<long long, std::string>> schools; // rows: id and name
    std::vector<people::StaffGroup> groups;                 // columns
    std::vector<std::vector<std::optional<double>>> cells;  // hours per person; nullopt: withheld
    std::vector<std::vector<int>> staff;
    std::vector<std::optional<double>> school_totals, group_totals;
    std::optional<double> total;
    int smallest = 0; // the fewest people a shown figure describes
};

} // namespace trellis::provision
