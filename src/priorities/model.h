#pragma once

#include <string>
#include <vector>

#include "people/model.h"

// Priorities for professional development: the trust's, and each school's own (schema:
// 0011_priorities.sql). Programmes and training days name the priorities they serve.
namespace trellis::priorities {

struct Priority {
    long long id = 0;
    long long trust_id = 0;
    long long school_id = 0; // 0: a trust priority
    std::string school_name;
    std::string title;
    std::string meaning;                          // what it means in practice
    std::vector<people::StaffGroup> staff_groups; // who it is for; empty: everyone
    std::string phases;                           // comma-separated; empty: every phase
    long long owner_id = 0;
    std::string owner_name;
    std::string success; // what success would look like
};

// A priority as typed into its form.
struct PriorityForm {
    std::string title;
    std::string meaning;
    std::vector<std::string> staff_groups;
    std::vector<std::string> phases;
    std::string owner_id;
    std::string success;
};

// What one person sees: the trust's priorities and, for someone in a school, the school's own and
// which trust priorities the school has taken on.
struct PriorityView {
    std::vector<Priority> trust;
    std::vector<Priority> school;
    std::vector<long long> adopted; // trust priority ids the school takes on
};

} // namespace trellis::priorities
