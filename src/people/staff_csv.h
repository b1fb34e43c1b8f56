#pragma once

#include <string>
#include <vector>

namespace trellis::people {

// A delimited text file as records of fields, read the way spreadsheet programs write it.
struct CsvTable {
    std::vector<std::vector<std::string>> records; // records[0] is the header
    std::string error;                             // set when the file is not readable as CSV
    long long error_record = 0;                    // 1-based record where reading stopped
};

// Reads UTF-8 text with or without a byte-order mark, separated by commas or semicolons
// (whichever the header line uses more), with quoted fields. Blank lines are skipped. A field that
// csv_field protected from spreadsheet formulas is read back as it was.
CsvTable read_csv(const std::string& content);

// One field quoted as CSV needs it (only when it holds a comma, quote or line break). A value that
// a spreadsheet would run as a formula (it begins with =, +, -, @, a tab or a carriage return) gets
// a leading apostrophe; read_csv takes that apostrophe off again. Every CSV export uses this.
std::string csv_field(const std::string& value);

} // namespace trellis::people
