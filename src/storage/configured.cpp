#include "storage/configured.h"

#include "storage/folder_store.h"
#include "storage/s3_store.h"

namespace trellis::storage {

std::unique_ptr<FileStore> configured_store(const Config& config) {
    std::unique_ptr<FileStore> store;
    if (config.storage == "s3")
        store = std::make_unique<S3Store>(S3Settings{config.s3_endpoint, config.s3_bucket, config.s3_region,
                                                     config.s3_access_key, config.s3_secret_key});
    else
        store = std::make_unique<FolderStore>(config.data_dir);
    store->check();
    return store;
}

} // namespace trellis::storage
