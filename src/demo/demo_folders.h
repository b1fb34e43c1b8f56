#pragma once

#include <filesystem>

namespace trellis::demo {

// Where the demo reads shipped files from and keeps the files it makes (a recording, say).
struct DemoFolders {
    std::filesystem::path content_dir; // the learning modules
    std::filesystem::path data_dir;    // TRELLIS_DATA
};

} // namespace trellis::demo
