#include "people/staff_import.h"

#include <algorithm>
#include <cctype>

#include "people/staff_csv.h"
#include "text/words.h"

namespace trellis::people {

namespace {

using text::lowered;
using text::trimmed;

// MIS exports spell staff groups in several ways; these are the ones we accept.
std::optional<StaffGroup> staff_group_from_export(const std::string& text) {
    const std::string key = lowered(trimmed(text));
    if (key == "teacher" || key == "teaching staff" || key == "teaching")
        return StaffGroup::Teacher;
    if (key == "ect" || key == "early career teacher" || key == "early-career teacher")
        return StaffGroup::Ect;
    if (key == "support" || key == "support staff" || key == "associate staff")
        return StaffGroup::Support;
    if (key == "leader" || key == "leadership" || key == "senior leader")
        return StaffGroup::Leader;
    return std::nullopt;
}

std::string normalised_subjects(const std::string& text) {
    std::string result;
    std::string current;
    auto flush = [&] {
        std::string subject = trimmed(current);
        if (!subject.empty())
            result += (result.empty() ? "" : ", ") + subject;
        current.clear();
    };
    for (char c : text) {
        if (c == ',' || c == ';' || c == '|')
            flush();
        else
            current += c;
    }
    flush();
    return result;
}

struct ColumnIndex {
    std::map<std::string, std::size_t> position;
    std::string field(const std::vector<std::string>& record, const std::string& column) const {
        auto found = position.find(column);
        if (found == position.end() || found->second >= record.size())
            return "";
        return trimmed(record[found->second]);
    }
};

} // namespace

const std::vector<std::string>& staff_file_columns() {
    static const std::vector<std::string> columns = {"email",       "first_name", "last_name", "school",
                                                     "staff_group", "job_title",  "phase",     "subjects"};
    return columns;
}

bool is_plausible_email(const std::string& email) {
    if (email.size() > 254 || email.find_first_of(" \t,;<>\"") != std::string::npos)
        return false;
    const auto at = email.find('@');
    if (at == std::string::npos || at == 0 || email.find('@', at + 1) != std::string::npos)
        return false;
    const std::string domain = email.substr(at + 1);
    const auto dot = domain.find('.');
    return dot != std::string::npos && dot > 0 && domain.back() != '.';
}

StaffFile read_staff_file(const std::string& content, const std::vector<organisations::School>& schools) {
    StaffFile file;
    CsvTable table = read_csv(content);
    if (!table.error.empty()) {
        file.problems.push_back({table.error_record, "", table.error});
        return file;
    }
    if (table.records.empty()) {
        file.problems.push_back({1, "", "the file is empty; it needs a header row and one row per person"});
        return file;
    }

    ColumnIndex columns;
    for (std::size_t i = 0; i < table.records[0].size(); ++i)
        columns.position.emplace(lowered(trimmed(table.records[0][i])), i);
    for (const char* required : {"email", "first_name", "last_name", "school", "staff_group"})
        if (!columns.position.count(required))
            file.problems.push_back(
                {1, required, "the header has no '" + std::string(required) + "' column"});
    if (!file.problems.empty())
        return file;

    std::map<std::string, const organisations::School*> school_by_name;
    for (const auto& school : schools)
        school_by_name[lowered(school.name)] = &school;
    std::map<std::string, long long> first_row_of_email;

    for (std::size_t index = 1; index < table.records.size(); ++index) {
        const auto& record = table.records[index];
        const long long row_number = static_cast<long long>(index) + 1;
        const std::size_t problems_before = file.problems.size();
        auto problem = [&](const std::string& column, const std::string& message) {
            file.problems.push_back({row_number, column, message});
        };

        StaffRow row;
        row.email = lowered(columns.field(record, "email"));
        row.first_name = columns.field(record, "first_name");
        row.last_name = columns.field(record, "last_name");
        row.job_title = columns.field(record, "job_title");
        row.subjects = normalised_subjects(columns.field(record, "subjects"));

        if (row.email.empty())
            problem("email", "email is missing");
        else if (!is_plausible_email(row.email))
            problem("email", "'" + row.email + "' is not a valid email address");
        else if (auto [it, inserted] = first_row_of_email.emplace(row.email, row_number); !inserted)
            problem("email", row.email + " appears more than once in the file (first on row " +
                                 std::to_string(it->second) + ")");
        if (row.first_name.empty())
            problem("first_name", "first name is missing");
        if (row.last_name.empty())
            problem("last_name", "last name is missing");

        const std::string school_name = columns.field(record, "school");
        const std::string school_key = lowered(school_name);
        std::string school_phase;
        if (school_key.empty() || school_key == "central" || school_key == "central team") {
            row.school_id = 0;
        } else if (auto found = school_by_name.find(school_key); found != school_by_name.end()) {
            row.school_id = found->second->id;
            school_phase = found->second->phase;
        } else {
            problem("school", "'" + school_name + "' is not a school in this organisation");
        }

        const std::string group_text = columns.field(record, "staff_group");
        if (auto group = staff_group_from_export(group_text))
            row.staff_group = *group;
        else
            problem("staff_group",
                    "'" + group_text + "' is not a staff group (use teacher, ect, support or leader)");

        const std::string phase = lowered(columns.field(record, "phase"));
        if (phase.empty())
            row.phase = school_phase;
        else if (organisations::is_known_phase(phase))
            row.phase = phase;
        else
            problem("phase",
                    "'" + phase + "' is not a phase (use primary, secondary, special or all-through)");

        if (file.problems.size() == problems_before) {
            file.rows.push_back(std::move(row));
            file.row_numbers.push_back(row_number);
        }
    }
    if (table.records.size() == 1)
        file.problems.push_back({1, "", "the file has a header but no people"});
    return file;
}

long long check_email_owners(StaffFile& file, const std::map<std::string, long long>& owners,
                             long long trust_id) {
    long long to_create = 0;
    for (std::size_t i = 0; i < file.rows.size(); ++i) {
        auto owner = owners.find(file.rows[i].email);
        if (owner == owners.end())
            ++to_create;
        else if (owner->second != trust_id)
            file.problems.push_back(
                {file.row_numbers[i], "email",
                 file.rows[i].email + " is already registered with another organisation"});
    }
    std::stable_sort(file.problems.begin(), file.problems.end(),
                     [](const ImportProblem& a, const ImportProblem& b) { return a.row < b.row; });
    return to_create;
}

} // namespace trellis::people
