#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "people/service.h"

namespace trellis::people {

struct ImportProgress {
    enum class State { Running, Done, Failed };
    State state = State::Running;
    long long done = 0;
    long long total = 0;
    std::string error;
};

// Commits staff imports in the background so the browser can show progress while it runs.
class ImportJobs {
  public:
    explicit ImportJobs(PeopleService& people) : m_people(people) {}
    // Waits for running imports to finish, so none is cut off half-way at shutdown.
    ~ImportJobs();
    ImportJobs(const ImportJobs&) = delete;
    ImportJobs& operator=(const ImportJobs&) = delete;

    // Starts committing the import unless it is already running; returns at once.
    void start(long long trust_id, long long import_id);
    // How far the import has got, if it was started by this process.
    std::optional<ImportProgress> progress(long long trust_id, long long import_id);

  private:
    void run(std::pair<long long, long long> key);

    PeopleService& m_people;
    std::mutex m_mutex;
    std::map<std::pair<long long, long long>, ImportProgress> m_progress;
    std::vector<std::thread> m_threads;
};

} // namespace trellis::people
