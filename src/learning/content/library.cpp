#include "learning/content/library.h"

#include <algorithm>
#include <atomic>

#include "learning/content/parser.h"

namespace trellis::learning::content {

namespace {

std::uint64_t next_generation() {
    static std::atomic<std::uint64_t> counter{0};
    return ++counter;
}

} // namespace

ContentSnapshot::ContentSnapshot(std::vector<Module> modules, std::vector<Problem> problems)
    : m_modules(std::move(modules)), m_problems(std::move(problems)), m_generation(next_generation()) {
    std::sort(m_modules.begin(), m_modules.end(), [](const Module& left, const Module& right) {
        return left.title != right.title ? left.title < right.title : left.slug < right.slug;
    });
    for (size_t index = 0; index < m_modules.size(); ++index)
        m_index_by_slug.emplace(m_modules[index].slug, index);
}

const Module* ContentSnapshot::find(std::string_view slug) const {
    const auto found = m_index_by_slug.find(slug);
    return found == m_index_by_slug.end() ? nullptr : &m_modules[found->second];
}

ContentSnapshot load_content(const std::filesystem::path& directory) {
    std::vector<Module> modules;
    std::vector<Problem> problems;
    std::error_code error;
    if (!std::filesystem::is_directory(directory, error)) {
        problems.push_back(
            Problem{"", "", 0, "the content folder '" + directory.string() + "' does not exist"});
        return ContentSnapshot({}, std::move(problems));
    }
    // Every sub-folder is meant to be a module, so one without module.json is reported, not ignored;
    // hidden folders (.git, editor state) are left alone.
    std::vector<std::filesystem::path> folders;
    std::filesystem::directory_iterator entries(directory, error);
    for (; !error && entries != std::filesystem::directory_iterator(); entries.increment(error)) {
        std::error_code entry_error;
        const std::string name = entries->path().filename().string();
        if (!name.starts_with(".") && entries->is_directory(entry_error))
            folders.push_back(entries->path());
    }
    if (error)
        problems.push_back(Problem{"", "", 0, "cannot list the content folder: " + error.message()});
    std::sort(folders.begin(), folders.end());

    const std::set<std::string> known = module_folder_names(directory);
    for (const std::filesystem::path& folder : folders) {
        ModuleLoad load = parse_module(folder, known);
        if (load.ok())
            modules.push_back(std::move(load.module));
        else
            problems.insert(problems.end(), std::make_move_iterator(load.problems.begin()),
                            std::make_move_iterator(load.problems.end()));
    }
    return ContentSnapshot(std::move(modules), std::move(problems));
}

ContentLibrary::ContentLibrary(std::filesystem::path directory) : m_directory(std::move(directory)) {
    reload();
}

std::shared_ptr<const ContentSnapshot> ContentLibrary::reload() {
    std::lock_guard reload_lock(m_reload_mutex);
    // The slow part runs without the snapshot lock, so readers are never held up by a reload.
    auto fresh = std::make_shared<const ContentSnapshot>(load_content(m_directory));
    std::lock_guard snapshot_lock(m_snapshot_mutex);
    m_snapshot = fresh;
    return fresh;
}

std::shared_ptr<const ContentSnapshot> ContentLibrary::snapshot() const {
    std::lock_guard lock(m_snapshot_mutex);
    return m_snapshot;
}

std::shared_ptr<const Module> ContentLibrary::find(std::string_view slug) const {
    std::shared_ptr<const ContentSnapshot> current = snapshot();
    const Module* module = current->find(slug);
    if (module == nullptr)
        return nullptr;
    // The aliasing constructor shares ownership of the snapshot while pointing at the module.
    return std::shared_ptr<const Module>(current, module);
}

} // namespace trellis::learning::content
