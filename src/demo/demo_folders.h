#pragma once

#include <filesystem>

#include "storage/file_store.h"

namespace trellis::demo {

// Where the demo reads shipped files from and keeps the files it makes (a recording, say).
struct DemoFolders {
    std::filesystem::path content_dir;   // the learning modules
    std::filesystem::path data_dir;      // TRELLIS_DATA
    storage::FileStore* files = nullptr; // where uploads are kept; none: the demo makes no files
};

} // namespace trellis::demo
