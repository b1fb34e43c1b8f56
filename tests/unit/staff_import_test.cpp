#include <gtest/gtest.h>

#include "people/staff_csv.h"
#include "people/staff_import.h"

using namespace trellis;
using namespace trellis::people;

namespace {

std::vector<organisations::School> two_schools() {
    return {{1, 1, "Meadowbank Primary School", "primary"}, {2, 1, "Oakfield Academy", "secondary"}};
}

const std::string kHeader = "email,first_name,last_name,school,staff_group,job_title,phase,subjects\n";

} // namespace

TEST(StaffCsv, reads_semicolons_quotes_and_a_byte_order_mark) {
    const std::string content = "\xEF\xBB\xBF"
                                "Email;First_Name;Last_Name\n"
                                "a@b.example;\"Mary; Jane\";\"O\"\"Neil\"\n";
    CsvTable table = read_csv(content);
    ASSERT_TRUE(table.error.empty());
    ASSERT_EQ(table.records.size(), 2u);
    EXPECT_EQ(table.records[0][0], "Email");
    EXPECT_EQ(table.records[1][1], "Mary; Jane");
    EXPECT_EQ(table.records[1][2], "O\"Neil");
}

TEST(StaffCsv, quotes_fields_that_need_it_on_export) {
    EXPECT_EQ(csv_field("plain"), "plain");
    EXPECT_EQ(csv_field("Maths, Science"), "\"Maths, Science\"");
    EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
}

TEST(StaffImport, accepts_a_valid_row_and_takes_the_phase_from_the_school) {
    StaffFile file = read_staff_file(
        kHeader + "Ann.Lee@Example.org,Ann,Lee,oakfield academy,Teacher,Teacher of maths,,Maths;Physics\n",
        two_schools());
    ASSERT_TRUE(file.problems.empty());
    ASSERT_EQ(file.rows.size(), 1u);
    EXPECT_EQ(file.rows[0].email, "ann.lee@example.org");
    EXPECT_EQ(file.rows[0].school_id, 2);
    EXPECT_EQ(file.rows[0].phase, "secondary");
    EXPECT_EQ(file.rows[0].subjects, "Maths, Physics");
}

TEST(StaffImport, reports_each_problem_by_row_and_column) {
    StaffFile file = read_staff_file(kHeader + "not-an-email,Ann,Lee,Oakfield Academy,teacher,,,\n"
                                               "b@example.org,Bob,,Nowhere School,support,,,\n"
                                               "c@example.org,Cat,Day,Oakfield Academy,janitor,,,\n"
                                               "c@example.org,Cat,Day,Oakfield Academy,support,,tertiary,\n",
                                     two_schools());
    ASSERT_EQ(file.problems.size(), 6u);
    EXPECT_EQ(file.problems[0].row, 2);
    EXPECT_EQ(file.problems[0].column, "email");
    EXPECT_EQ(file.problems[1].row, 3);
    EXPECT_EQ(file.problems[1].column, "last_name");
    EXPECT_EQ(file.problems[2].column, "school");
    EXPECT_EQ(file.problems[3].row, 4);
    EXPECT_EQ(file.problems[3].column, "staff_group");
    EXPECT_EQ(file.problems[4].row, 5);
    EXPECT_EQ(file.problems[4].column, "email");
    EXPECT_NE(file.problems[4].message.find("first on row 4"), std::string::npos);
    EXPECT_EQ(file.problems[5].column, "phase");
    EXPECT_TRUE(file.rows.empty() || file.rows.size() == 1u);
}

TEST(StaffImport, rejects_a_header_without_required_columns) {
    StaffFile file = read_staff_file("email,first_name\nx@y.example,X\n", two_schools());
    ASSERT_FALSE(file.problems.empty());
    EXPECT_EQ(file.problems[0].row, 1);
    EXPECT_EQ(file.problems[0].column, "last_name");
}

TEST(StaffImport, flags_emails_registered_with_another_organisation) {
    StaffFile file = read_staff_file(kHeader + "a@example.org,A,B,Oakfield Academy,teacher,,,\n"
                                               "b@example.org,B,C,Oakfield Academy,teacher,,,\n"
                                               "c@example.org,C,D,Oakfield Academy,teacher,,,\n",
                                     two_schools());
    const long long to_create = check_email_owners(file, {{"a@example.org", 1}, {"b@example.org", 9}}, 1);
    EXPECT_EQ(to_create, 1);
    ASSERT_EQ(file.problems.size(), 1u);
    EXPECT_EQ(file.problems[0].row, 3);
}

TEST(StaffImport, recognises_plausible_emails) {
    EXPECT_TRUE(is_plausible_email("a.b@school.sch.uk"));
    EXPECT_FALSE(is_plausible_email("a@b"));
    EXPECT_FALSE(is_plausible_email("a b@c.uk"));
    EXPECT_FALSE(is_plausible_email("@c.uk"));
    EXPECT_FALSE(is_plausible_email("a@@c.uk"));
}

TEST(StaffCsv, export_neutralises_cells_a_spreadsheet_would_run_as_formulas) {
    EXPECT_EQ(csv_field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
    EXPECT_EQ(csv_field("+44 1234"), "'+44 1234");
    EXPECT_EQ(csv_field("-2+3"), "'-2+3");
    EXPECT_EQ(csv_field("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(csv_field("\tcmd"), "'\tcmd");
    EXPECT_EQ(csv_field("Mary-Jane"), "Mary-Jane");
    EXPECT_EQ(csv_field(""), "");
}

TEST(StaffCsv, a_neutralised_cell_imports_back_as_it_was) {
    const std::string exported =
        "email,first_name\n" + csv_field("a@b.example") + "," + csv_field("=Smith") + "\n";
    CsvTable table = read_csv(exported);
    ASSERT_TRUE(table.error.empty());
    ASSERT_EQ(table.records.size(), 2u);
    EXPECT_EQ(table.records[1][1], "=Smith");
}
