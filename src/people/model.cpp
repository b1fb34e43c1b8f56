#include "people/model.h"

#include <algorithm>
#include <sstream>

namespace trellis::people {

std::optional<Role> role_from_text(const std::string& text) {
    if (text == "staff")
        return Role::Staff;
    if (text == "school_pd_lead")
        return Role::SchoolPdLead;
    if (text == "trust_pd_lead")
        return Role::TrustPdLead;
    if (text == "admin")
        return Role::Admin;
    return std::nullopt;
}

std::string text_of(Role role) {
    switch (role) {
    case Role::Staff:
        return "staff";
    case Role::SchoolPdLead:
        return "school_pd_lead";
    case Role::TrustPdLead:
        return "trust_pd_lead";
    case Role::Admin:
        return "admin";
    }
    return "staff";
}

std::string label_of(Role role) {
    switch (role) {
    case Role::Staff:
        return "Staff";
    case Role::SchoolPdLead:
        return "School PD lead";
    case Role::TrustPdLead:
        return "Trust PD lead";
    case Role::Admin:
        return "Administrator";
    }
    return "Staff";
}

std::string normalised_email(std::string email) {
    std::transform(email.begin(), email.end(), email.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    const auto first = email.find_first_not_of(" \t");
    const auto last = email.find_last_not_of(" \t");
    return first == std::string::npos ? "" : email.substr(first, last - first + 1);
}

std::optional<StaffGroup> staff_group_from_text(const std::string& text) {
    if (text == "teacher")
        return StaffGroup::Teacher;
    if (text == "ect")
        return StaffGroup::Ect;
    if (text == "support")
        return StaffGroup::Support;
    if (text == "leader")
        return StaffGroup::Leader;
    return std::nullopt;
}

std::string text_of(StaffGroup group) {
    switch (group) {
    case StaffGroup::Teacher:
        return "teacher";
    case StaffGroup::Ect:
        return "ect";
    case StaffGroup::Support:
        return "support";
    case StaffGroup::Leader:
        return "leader";
    }
    return "teacher";
}

std::string label_of(StaffGroup group) {
    switch (group) {
    case StaffGroup::Teacher:
        return "Teacher";
    case StaffGroup::Ect:
        return "Early-career teacher";
    case StaffGroup::Support:
        return "Support staff";
    case StaffGroup::Leader:
        return "Leader";
    }
    return "Teacher";
}

std::string label_of(Role role, StaffGroup group) {
    if (role == Role::Staff)
        return label_of(group);
    return label_of(role) + " (" + label_of(group) + ")";
}

std::vector<StaffGroup> staff_groups_from_text(const std::string& text) {
    std::vector<StaffGroup> groups;
    std::stringstream stream(text);
    std::string name;
    while (std::getline(stream, name, ','))
        if (auto group = staff_group_from_text(name))
            if (std::find(groups.begin(), groups.end(), *group) == groups.end())
                groups.push_back(*group);
    return groups;
}

std::string text_of(const std::vector<StaffGroup>& groups) {
    std::string text;
    for (const auto group : groups)
        text += (text.empty() ? "" : ",") + text_of(group);
    return text;
}

} // namespace trellis::people
