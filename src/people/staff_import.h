#pragma once

#include <map>
#include <string>
#include <vector>

#include "organisations/model.h"
#include "people/model.h"

namespace trellis::people {

// The columns a staff file must have (names matched case-insensitively, in any order).
const std::vector<std::string>& staff_file_columns();

// A staff file read and checked row by row, before anything is written.
struct StaffFile {
    std::vector<StaffRow> rows;
    std::vector<long long> row_numbers; // the file row of each entry in `rows`
    std::vector<ImportProblem> problems;
};

// Reads and checks a staff file against the trust's schools: required columns, email format,
// known school, staff group and phase, duplicate emails within the file.
StaffFile read_staff_file(const std::string& content, const std::vector<organisations::School>& schools);

// Adds a problem for every email that belongs to another organisation and returns how many rows
// would create new people (the rest update people already in `trust_id`).
long long check_email_owners(StaffFile& file, const std::map<std::string, long long>& owners,
                             long long trust_id);

// True when `email` looks like a deliverable address: one @, a local part, a dotted domain,
// no spaces, at most 254 characters.
bool is_plausible_email(const std::string& email);

} // namespace trellis::people
