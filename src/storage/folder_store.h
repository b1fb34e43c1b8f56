#pragma once

#include <filesystem>

#include "storage/file_store.h"

namespace trellis::storage {

// Files in a folder on this machine (TRELLIS_DATA): a key is a path below it. What one server
// keeps, only that server's machine sees.
class FolderStore : public FileStore {
  public:
    explicit FolderStore(std::filesystem::path root) : m_root(std::move(root)) {}

    void put(const std::string& key, const std::string& bytes) override;
    std::string get(const std::string& key) override;
    std::optional<std::uint64_t> size_of(const std::string& key) override;
    bool read_range(const std::string& key, std::uint64_t offset, std::uint64_t length,
                    const Receiver& receive) override;
    void remove(const std::string& key) override;
    std::vector<std::string> list(const std::string& prefix) override;
    void check() override;
    std::string where() const override { return "the folder " + m_root.string(); }

  private:
    // The file's path, once the key is known to stay inside the folder.
    std::filesystem::path path_of(const std::string& key) const;

    std::filesystem::path m_root;
};

} // namespace trellis::storage
