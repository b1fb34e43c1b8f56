#pragma once

#include <optional>
#include <string>
#include <vector>

namespace trellis::people {

// What a person may do; checked in one place (accounts/permissions.h).
enum class Role { Staff, SchoolPdLead, TrustPdLead, Admin };

// The kind of job a person does, which decides what learning is offered to them.
enum class StaffGroup { Teacher, Ect, Support, Leader };

std::optional<Role> role_from_text(const std::string& text);
std::string text_of(Role role);
// A label for people, e.g. "School PD lead".
std::string label_of(Role role);

std::optional<StaffGroup> staff_group_from_text(const std::string& text);
// An email address as people are found by it: lower case, without surrounding spaces.
std::string normalised_email(std::string email);
std::string text_of(StaffGroup group);
// A label for people, e.g. "Support staff".
std::string label_of(StaffGroup group);
// Who someone is at work and in Trellis together: the staff group alone for staff ("Teacher"), the
// role with the group beside it for anyone else ("School PD lead (Leader)").
std::string label_of(Role role, StaffGroup group);
// Comma-separated staff groups as stored, and back; unknown names are dropped.
std::vector<StaffGroup> staff_groups_from_text(const std::string& text);
std::string text_of(const std::vector<StaffGroup>& groups);

struct Person {
    long long id = 0;
    long long trust_id = 0;
    long long school_id = 0; // 0: the trust's central team
    std::string school_name; // filled by queries that join schools
    std::string email;
    std::string first_name;
    std::string last_name;
    StaffGroup staff_group = StaffGroup::Teacher;
    std::string job_title;
    std::string phase;
    std::string subjects; // comma-separated, as imported
    Role role = Role::Staff;
    long long left_at = 0;   // when marked as having left the trust; 0: still here
    long long erased_at = 0; // when their data was erased; 0: never

    std::string full_name() const { return first_name + " " + last_name; }
    bool has_left() const { return left_at != 0; }
};

// A search of the people directory, always within one trust.
struct DirectoryQuery {
    std::string text;         // matches first name, last name or email
    long long school_id = -1; // -1: any school; 0: central team
    std::optional<StaffGroup> staff_group;
    bool leavers = false; // true: only people who have left; false: only people still here
    int page = 1;
    int page_size = 50; // 0: only the total, for a count
};

struct DirectoryPage {
    std::vector<Person> people;
    long long total = 0;
};

// One staff member as read from an import file, already validated.
struct StaffRow {
    std::string email;
    std::string first_name;
    std::string last_name;
    long long school_id = 0;
    StaffGroup staff_group = StaffGroup::Teacher;
    std::string job_title;
    std::string phase;
    std::string subjects;
};

// A problem with one field of one row of an import file. Row 1 is the header.
struct ImportProblem {
    long long row = 0;
    std::string column;
    std::string message;
};

// What an import would do, or did.
struct ImportSummary {
    long long import_id = 0;
    std::string filename;
    std::string status; // previewed, committed
    long long rows = 0;
    long long to_create = 0;
    long long to_update = 0;
    std::vector<ImportProblem> problems;
    // People still here, in the schools the file covers, whom the file no longer lists: they may
    // have left. Only previews say so.
    std::vector<Person> not_in_file;
};

// An administrator's change to one person; every field is as typed.
struct PersonEdit {
    std::string first_name;
    std::string last_name;
    std::string email;
    std::string school_id; // "0": the central team
    std::string staff_group;
    std::string job_title;
    std::string role;
};

} // namespace trellis::people
