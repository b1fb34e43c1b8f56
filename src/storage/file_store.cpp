#include "storage/file_store.h"

#include <spdlog/spdlog.h>

namespace trellis::storage {

void remove_quietly(FileStore& files, const std::string& key) {
    try {
        files.remove(key);
    } catch (const std::exception& error) {
        spdlog::warn("a file no row names stays in {}: {}", files.where(), error.what());
    }
}

} // namespace trellis::storage
