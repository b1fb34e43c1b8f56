#pragma once

#include <string>
#include <vector>

#include <mstch/mstch.hpp>

#include "organisations/model.h"
#include "people/model.h"

// The tick boxes and choices that several forms offer alike: each an array of {value, label,
// checked} for templates, ticked where the value is among those chosen.
namespace trellis::http {

mstch::array staff_group_options(const std::vector<std::string>& chosen);
mstch::array phase_options(const std::vector<std::string>& chosen);
// The trust's schools by name, ticked where the id (as text) is chosen.
mstch::array school_options(const std::vector<organisations::School>& schools,
                            const std::vector<std::string>& chosen);

// A label for a stored phase, e.g. "All-through".
std::string phase_label(const std::string& phase);

// Who something is for in words, e.g. "Teachers, Support staff · Primary"; "Everyone" with no groups.
std::string groups_and_phases_label(const std::vector<people::StaffGroup>& groups,
                                    const std::vector<std::string>& phases);

bool contains(const std::vector<std::string>& values, const std::string& value);

} // namespace trellis::http
