#pragma once

#include <memory>

#include "app/config.h"
#include "storage/file_store.h"

namespace trellis::storage {

// The store the configuration names (TRELLIS_STORAGE: the data folder, or the S3 bucket), checked
// before it is handed back: throws Unavailable with what to fix when it cannot be used.
std::unique_ptr<FileStore> configured_store(const Config& config);

} // namespace trellis::storage
