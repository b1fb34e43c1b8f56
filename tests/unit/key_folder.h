#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>

namespace trellis::testing {

// A new, empty folder for keys, removed when the test ends.
struct KeyFolder {
    std::filesystem::path path;
    explicit KeyFolder(const std::string& name)
        : path(std::filesystem::temp_directory_path() /
               ("trellis-keys-" + name + "-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(path);
    }
    ~KeyFolder() { std::filesystem::remove_all(path); }
};

} // namespace trellis::testing
