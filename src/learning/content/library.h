#pragma once

// Every module under one folder, held as an immutable snapshot. Readers take a shared_ptr to the
// current snapshot and keep it as long as they like; reload() builds a new one off to the side and
// swaps it in, so a request never sees a half-loaded library.

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "learning/content/model.h"

namespace trellis::learning::content {

class ContentSnapshot {
  public:
    // Builds a snapshot from the modules that loaded cleanly and the problems of those that did not.
    ContentSnapshot(std::vector<Module> modules, std::vector<Problem> problems);

    // The modules without problems, sorted by title (then slug).
    const std::vector<Module>& modules() const { return m_modules; }

    // The module with this slug, or nullptr when there is none (or it was skipped for problems).
    const Module* find(std::string_view slug) const;

    // Every problem of every skipped module, module by module in folder order.
    const std::vector<Problem>& problems() const { return m_problems; }

    // A number no other snapshot in this process has, for caches of what was built from it.
    std::uint64_t generation() const { return m_generation; }

  private:
    std::vector<Module> m_modules;
    std::map<std::string, size_t, std::less<>> m_index_by_slug;
    std::vector<Problem> m_problems;
    std::uint64_t m_generation;
};

// Loads every module folder under `directory`: a broken module is skipped with its problems kept,
// and never affects the others. A missing or unreadable `directory` is itself a problem.
ContentSnapshot load_content(const std::filesystem::path& directory);

class ContentLibrary {
  public:
    // Loads `directory` at once.
    explicit ContentLibrary(std::filesystem::path directory);

    // Reads the folder again and swaps the new snapshot in; readers of the old one are unaffected.
    // Returns the new snapshot. Safe to call from any thread, and concurrent reloads are serialised.
    std::shared_ptr<const ContentSnapshot> reload();

    // The current snapshot; it stays valid for as long as the caller holds it.
    std::shared_ptr<const ContentSnapshot> snapshot() const;

    // The module with this slug from the current snapshot (keeping that snapshot alive), or null.
    std::shared_ptr<const Module> find(std::string_view slug) const;

    // The folder of modules this library reads.
    const std::filesystem::path& directory() const { return m_directory; }

  private:
    std::filesystem::path m_directory;
    std::mutex m_reload_mutex;           // one reload at a time
    mutable std::mutex m_snapshot_mutex; // guards only the pointer swap and copy
    std::shared_ptr<const ContentSnapshot> m_snapshot;
};

} // namespace trellis::learning::content
