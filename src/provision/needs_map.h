#pragma once

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
    std::vector<surveys::Response> responses;
    std::vector<Offering> offerings;
    std::vector<Places> places;
    // Minutes attended by priority and cell.
    std::map<std::pair<long long, StaffCell>, long long> taken_minutes;
};

// A need at least this high, with less than an hour offered, is a gap worth a sentence; so is a
// group's most named need with nothing offered at all.
inline constexpr double kHighNeed = 0.5;

void fill_map(ProvisionMap& map, const MapInputs& inputs, int smallest);

// "Support staff", "Teachers": a staff group named as people.
std::string people_of(people::StaffGroup group);

} // namespace trellis::provision
