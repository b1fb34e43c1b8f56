#include "people/import_jobs.h"

namespace trellis::people {

ImportJobs::~ImportJobs() {
    for (std::thread& thread : m_threads)
        thread.join();
}

void ImportJobs::start(long long trust_id, long long import_id) {
    std::lock_guard lock(m_mutex);
    const auto key = std::make_pair(trust_id, import_id);
    auto found = m_progress.find(key);
    if (found != m_progress.end() && found->second.state != ImportProgress::State::Failed)
        return;
    m_progress[key] = ImportProgress{};
    m_threads.emplace_back([this, key] { run(key); });
}

void ImportJobs::run(std::pair<long long, long long> key) {
    auto update = [&](auto change) {
        std::lock_guard lock(m_mutex);
        change(m_progress[key]);
    };
    try {
        m_people.commit_import(key.first, key.second, [&](long long done, long long total) {
            update([&](ImportProgress& progress) {
                progress.done = done;
                progress.total = total;
            });
        });
        update([](ImportProgress& progress) { progress.state = ImportProgress::State::Done; });
    } catch (const ImportRejected& rejected) {
        update([](ImportProgress& progress) {
            progress.state = ImportProgress::State::Failed;
            progress.error = "The file has problems; nothing was imported.";
        });
    } catch (const std::exception& error) {
        update([&](ImportProgress& progress) {
            progress.state = ImportProgress::State::Failed;
            progress.error = std::string("The import failed and nothing was saved: ") + error.what();
        });
    }
}

std::optional<ImportProgress> ImportJobs::progress(long long trust_id, long long import_id) {
    std::lock_guard lock(m_mutex);
    auto found = m_progress.find({trust_id, import_id});
    if (found == m_progress.end())
        return std::nullopt;
    return found->second;
}

} // namespace trellis::people
