#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

// Where uploaded files are kept: one interface, a folder under TRELLIS_DATA or an S3-compatible
// object store behind it. Callers name files by keys they made themselves (see keys.h), never by
// a name a request sent.
namespace trellis::storage {

// No file is kept under the key.
class Missing : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// The store could not be reached, or refused (a full disk, an object store that said no); what()
// says which, for logs and for the person at the command line.
class Unavailable : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Takes a file's bytes piece by piece; returns false to stop (the client went away).
using Receiver = std::function<bool(const char* bytes, std::size_t length)>;

class FileStore {
  public:
    virtual ~FileStore() = default;
    // Keeps the bytes under the key, replacing any file there, and returns only once they are
    // safely kept, so the row naming the file can be committed after it. Throws Unavailable.
    virtual void put(const std::string& key, const std::string& bytes) = 0;
    // The whole file; throws Missing or Unavailable. For files small enough to hold (materials).
    virtual std::string get(const std::string& key) = 0;
    // The file's size in bytes, or nullopt when there is none; throws Unavailable.
    virtual std::optional<std::uint64_t> size_of(const std::string& key) = 0;
    // Hands `length` bytes from `offset` to `receive` in pieces, never holding the file whole (a
    // video's byte range). False when the receiver stopped or the store failed part way.
    virtual bool read_range(const std::string& key, std::uint64_t offset, std::uint64_t length,
                            const Receiver& receive) = 0;
    // Removes the file; one already gone is no error. Throws Unavailable.
    virtual void remove(const std::string& key) = 0;
    // Every key that starts with the prefix ("materials/"), for backups.
    virtual std::vector<std::string> list(const std::string& prefix) = 0;
    // Throws Unavailable, saying what to fix, when the store cannot be used (checked at start).
    virtual void check() = 0;
    // Where the files are, for messages: "the folder var" or "bucket trellis at https://...".
    virtual std::string where() const = 0;
};

// Removes the file, and when the store fails only logs it: for a file no row names (any more), which
// left behind costs space, never correctness.
void remove_quietly(FileStore& files, const std::string& key);

} // namespace trellis::storage
