#pragma once

#include <memory>

#include <map>

#include "provision/model.h"
#include "reports/small_groups.h"
#include "surveys/model.h"

// The needs-versus-provision map built from what was read: pure, so its rules can be tested without
// a database.
namespace trellis::provision {

struct MapInputs {
    std::vector<Row> priorities;
    std::vector<Column> columns;
    // The needs survey (none: questions empty) and its responses.
    std::vector<surveys::Question> questions;
    std::shared_ptr<const std::vector<surveys::Response>> responses; // the survey service's own list

    std::vector<Offering> offerings;
    std::vector<Places> places;
    // Minutes attended by priority and cell.
    std::map<std::pair<long long, StaffCell>, long long> taken_minutes;
};

// A need at least this high, with less than an hour offered, is a gap worth a sentence; so is a
// group's most named need with nothing offered at all.
inline constexpr double kHighNeed = 0.5;

// Need by priority in each column ([row][column]), and which columns have too few answers to show:
// most of the map's work, and it changes only with the answers, the tags and the columns.
struct NeedGrid {
    std::vector<std::vector<std::optional<double>>> need;
    std::vector<bool> hidden;
};
NeedGrid needs_grid(const MapInputs& inputs, int smallest);

// The map from its inputs, with the needs worked out already or, in the second form, here.
void fill_map(ProvisionMap& map, const MapInputs& inputs, const NeedGrid& needs, int smallest);
void fill_map(ProvisionMap& map, const MapInputs& inputs, int smallest);

// "Support staff", "Teachers": a staff group named as people.
std::string people_of(people::StaffGroup group);

} // namespace trellis::provision
