#include "storage/folder_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <sstream>
#include <vector>

#include "storage/keys.h"

namespace trellis::storage {

namespace {

namespace fs = std::filesystem;

// Writes the whole file and flushes it to disk; false (and no file) when either fails.
bool write_flushed(const fs::path& path, const std::string& bytes) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0640);
    if (fd < 0)
        return false;
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t step = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (step <= 0)
            break;
        written += static_cast<std::size_t>(step);
    }
    const bool kept = written == bytes.size() && ::fsync(fd) == 0;
    ::close(fd);
    if (!kept) {
        std::error_code ignored;
        fs::remove(path, ignored);
    }
    return kept;
}

// This process and a count of its writes: unique among everyone writing into the folder.
std::string writer_tag() {
    static std::atomic<unsigned long long> writes{0};
    return std::to_string(::getpid()) + "-" + std::to_string(++writes);
}

} // namespace

fs::path FolderStore::path_of(const std::string& key) const {
    if (!is_safe_key(key))
        throw std::invalid_argument("not a stored file's key: " + key);
    return m_root / key;
}

void FolderStore::put(const std::string& key, const std::string& bytes) {
    const fs::path path = path_of(key);
    std::error_code error;
    fs::create_directories(path.parent_path(), error);
    // Written beside under a name no key has (keys never start with '.'), then renamed over: a
    // reader sees the old file or the whole new one, never half of one. The name is this write's
    // own, so two writers of one key (two servers, or two threads) never share a partial file; the
    // last rename wins.
    const fs::path partial =
        path.parent_path() / ("." + path.filename().string() + "." + writer_tag() + ".partial");
    if (error || !write_flushed(partial, bytes))
        throw Unavailable("cannot write " + path.string());
    fs::rename(partial, path, error);
    if (error) {
        fs::remove(partial, error);
        throw Unavailable("cannot write " + path.string());
    }
}

std::string FolderStore::get(const std::string& key) {
    std::ifstream file(path_of(key), std::ios::binary);
    if (!file)
        throw Missing("stored file missing: " + key);
    std::ostringstream bytes;
    bytes << file.rdbuf();
    return bytes.str();
}

std::optional<std::uint64_t> FolderStore::size_of(const std::string& key) {
    std::error_code error;
    const auto size = fs::file_size(path_of(key), error);
    if (error)
        return std::nullopt;
    return static_cast<std::uint64_t>(size);
}

bool FolderStore::read_range(const std::string& key, std::uint64_t offset, std::uint64_t length,
                             const Receiver& receive) {
    std::ifstream in(path_of(key), std::ios::binary);
    in.seekg(static_cast<std::streamoff>(offset));
    std::vector<char> buffer(static_cast<std::size_t>(std::min<std::uint64_t>(length, 64 * 1024)));
    while (length > 0) {
        in.read(buffer.data(), static_cast<std::streamsize>(std::min<std::uint64_t>(length, buffer.size())));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got == 0 || !receive(buffer.data(), got))
            return false;
        length -= got;
    }
    return true;
}

void FolderStore::remove(const std::string& key) {
    std::error_code ignored; // a file already gone is what we wanted
    fs::remove(path_of(key), ignored);
}

std::vector<std::string> FolderStore::list(const std::string& prefix) {
    std::vector<std::string> keys;
    // The prefix names a folder ("materials/"): everything below it, files in progress left out.
    const fs::path folder = m_root / prefix;
    std::error_code error;
    if (!fs::is_directory(folder, error))
        return keys;
    for (const auto& entry : fs::recursive_directory_iterator(folder))
        if (entry.is_regular_file()) {
            const std::string key = fs::relative(entry.path(), m_root).generic_string();
            if (is_safe_key(key))
                keys.push_back(key);
        }
    return keys;
}

void FolderStore::check() {
    std::error_code error;
    fs::create_directories(m_root, error);
    if (error)
        throw Unavailable("cannot create " + where() + ": " + error.message());
}

} // namespace trellis::storage
