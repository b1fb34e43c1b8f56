#include "app/backup.h"

#include <spawn.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <stdexcept>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "db/database.h"
#include "db/migrator.h"
#include "storage/configured.h"
#include "storage/keys.h"

extern char** environ;

namespace trellis::commands {

namespace {

namespace fs = std::filesystem;

// The file store's shelves of uploaded files, copied through the store (the data folder or a
// bucket alike) into the backup's files/ folder under their keys; and the data folder's keys/, which
// signs badges (without it the badges already issued could no longer be checked) and is never
// uploaded anywhere.
const std::string_view kShelves[] = {storage::kMaterials, storage::kRecordings};
constexpr const char* kKeysFolder = "keys";
constexpr const char* kSqliteCopy = "trellis.db";
constexpr const char* kPostgresDump = "database.dump";

// Runs a program (found on PATH) to the end; throws with its name when it fails.
void run_program(const std::vector<std::string>& arguments) {
    std::vector<char*> argv;
    for (const std::string& argument : arguments)
        argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0)
        throw std::runtime_error(arguments[0] + " could not be started; is it installed?");
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error(arguments[0] + " failed (see its message above).");
}

std::string sqlite_path(const std::string& url) {
    return url.substr(std::string("sqlite:").size());
}

long long count_files(const fs::path& folder) {
    long long files = 0;
    if (fs::exists(folder))
        for (const auto& entry : fs::recursive_directory_iterator(folder))
            files += entry.is_regular_file() ? 1 : 0;
    return files;
}

bool database_is_empty(const std::string& url) {
    if (db::engine_of_url(url) == db::Engine::Sqlite && !fs::exists(sqlite_path(url)))
        return true;
    db::Database database(url, 1);
    auto session = database.lease();
    long long tables = 0;
    if (db::engine_of_url(url) == db::Engine::Sqlite)
        *session << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'", soci::into(tables);
    else
        *session << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'",
            soci::into(tables);
    return tables == 0;
}

// Copies every file on the store's shelves into `files`; returns how many.
long long copy_out_of_store(storage::FileStore& store, const fs::path& files) {
    long long copied = 0;
    for (const std::string_view shelf : kShelves)
        for (const std::string& key : store.list(std::string(shelf) + "/")) {
            const auto size = store.size_of(key);
            if (!size)
                continue; // removed since it was listed
            const fs::path target = files / key;
            fs::create_directories(target.parent_path());
            std::ofstream out(target, std::ios::binary);
            // Streamed, so a recording is never held whole.
            const bool read = store.read_range(key, 0, *size, [&out](const char* bytes, std::size_t length) {
                return static_cast<bool>(out.write(bytes, static_cast<std::streamsize>(length)));
            });
            if (!read || !out.flush())
                throw std::runtime_error("could not copy " + key + " from " + store.where());
            ++copied;
        }
    return copied;
}

// Puts every file of the backup's shelves into the store under its key.
void copy_into_store(const fs::path& files, storage::FileStore& store) {
    for (const std::string_view shelf : kShelves) {
        const fs::path folder = files / shelf;
        if (!fs::exists(folder))
            continue;
        for (const auto& entry : fs::recursive_directory_iterator(folder))
            if (entry.is_regular_file()) {
                std::ifstream in(entry.path(), std::ios::binary);
                const std::string bytes((std::istreambuf_iterator<char>(in)), {});
                store.put(fs::relative(entry.path(), files).generic_string(), bytes);
            }
    }
}

} // namespace

int backup(const Config& config, const std::string& folder) {
    try {
        if (fs::exists(folder))
            throw std::invalid_argument(folder + " already exists: name a new folder for the backup.");
        fs::create_directories(fs::path(folder) / "files");
        const db::Engine engine = db::engine_of_url(config.database_url);
        if (engine == db::Engine::Sqlite) {
            // A consistent copy while servers keep writing: SQLite copies from one read transaction.
            db::Database database(config.database_url, 1);
            auto session = database.lease();
            const std::string target = (fs::path(folder) / kSqliteCopy).string();
            *session << "VACUUM INTO :target", soci::use(target);
        } else {
            run_program({"pg_dump", "--format=custom", "--no-owner",
                         "--file=" + (fs::path(folder) / kPostgresDump).string(),
                         "--dbname=" + config.database_url});
        }
        long long files = copy_out_of_store(*storage::configured_store(config), fs::path(folder) / "files");
        const fs::path keys = fs::path(config.data_dir) / kKeysFolder;
        if (fs::exists(keys))
            fs::copy(keys, fs::path(folder) / "files" / kKeysFolder, fs::copy_options::recursive);
        files += count_files(keys);
        std::ofstream(fs::path(folder) / "backup.json")
            << nlohmann::json{{"engine", engine == db::Engine::Sqlite ? "sqlite" : "postgresql"},
                              {"schema_version", db::latest_migration_version()},
                              {"created_at", db::now_seconds()},
                              {"files", files}}
                   .dump(2)
            << "\n";
        std::cout << "Backed up the " << (engine == db::Engine::Sqlite ? "SQLite" : "PostgreSQL")
                  << " database and " << files << " file(s) to " << folder << ".\n";
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "trellis backup: " << error.what() << "\n";
        return 1;
    }
}

int restore(const Config& config, const std::string& folder) {
    try {
        std::ifstream manifest_file(fs::path(folder) / "backup.json");
        if (!manifest_file)
            throw std::invalid_argument(folder + " is not a Trellis backup: it has no backup.json.");
        const auto manifest = nlohmann::json::parse(manifest_file);
        const db::Engine engine = db::engine_of_url(config.database_url);
        const std::string wanted = engine == db::Engine::Sqlite ? "sqlite" : "postgresql";
        if (manifest.value("engine", "") != wanted)
            throw std::invalid_argument("This backup is of a " + manifest.value("engine", std::string("?")) +
                                        " database, and the target is " + wanted + ".");
        if (!database_is_empty(config.database_url))
            throw std::invalid_argument("The target database already holds data: restore into an empty one.");
        if (engine == db::Engine::Sqlite) {
            const fs::path target = sqlite_path(config.database_url);
            if (target.has_parent_path())
                fs::create_directories(target.parent_path());
            fs::remove(target);
            fs::copy_file(fs::path(folder) / kSqliteCopy, target);
        } else {
            run_program({"pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + config.database_url,
                         (fs::path(folder) / kPostgresDump).string()});
        }
        copy_into_store(fs::path(folder) / "files", *storage::configured_store(config));
        const fs::path keys = fs::path(folder) / "files" / kKeysFolder;
        if (fs::exists(keys)) {
            fs::create_directories(fs::path(config.data_dir) / kKeysFolder);
            fs::copy(keys, fs::path(config.data_dir) / kKeysFolder,
                     fs::copy_options::recursive | fs::copy_options::overwrite_existing);
        }
        db::Database database(config.database_url, 1);
        const int applied = db::migrate(database);
        std::cout << "Restored " << folder << " (schema version " << manifest.value("schema_version", 0)
                  << ", " << manifest.value("files", 0) << " file(s)); applied " << applied
                  << " newer migration(s).\n";
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "trellis restore: " << error.what() << "\n";
        return 1;
    }
}

} // namespace trellis::commands
