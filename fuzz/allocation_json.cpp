// Any bytes as an allocation instance: parsing either gives an instance or throws, never crashes.
#include <cstdint>
#include <exception>
#include <string>

#include "allocation/format.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const auto instance = trellis::allocation::parse_instance(std::string(reinterpret_cast<const char*>(data), size));
        (void)instance;
    } catch (const std::exception&) {
        // Refusing bad input with a message is the expected outcome.
    }
    return 0;
}
