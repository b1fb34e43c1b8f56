#include "app/commands.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "accounts/secrets.h"
#include "accounts/service.h"
#include "app/server_process.h"
#include "calendar/clock.h"
#include "db/migrator.h"
#include "demo/demo_trust.h"
#include "learning/content/check_command.h"
#include "learning/content/library.h"
#include "organisations/service.h"
#include "people/service.h"
#include "storage/configured.h"

namespace trellis::commands {

namespace {

// The services a command needs, on a database migrated to the latest schema.
struct Services {
    explicit Services(const Config& config)
        : database(config.database_url, 2), organisations(database), people(database, organisations),
          accounts(database, organisations, people, config.session_minutes) {
        db::migrate(database);
    }
    db::Database database;
    organisations::OrganisationService organisations;
    people::PeopleService people;
    accounts::AccountService accounts;
};

void print_progress(long long done, long long total) {
    const int width = 30;
    const int filled = total ? static_cast<int>(done * width / total) : width;
    std::fprintf(stderr, "\r  [%s%s] %lld / %lld", std::string(filled, '#').c_str(),
                 std::string(width - filled, ' ').c_str(), done, total);
    if (done == total)
        std::fprintf(stderr, "\n");
}

} // namespace

int migrate(const Config& config) {
    db::Database database(config.database_url, 1);
    const int applied = db::migrate(database);
    std::cout << "Applied " << applied << " migration(s); schema is at version "
              << db::latest_migration_version() << ".\n";
    return 0;
}

int demo(const Config& config, bool only_if_empty, bool with_training_day) {
    Services services(config);
    const auto files = storage::configured_store(config);
    if (only_if_empty && !services.organisations.is_empty()) {
        std::cout << "The database already holds data; the demo trust was not loaded again.\n";
    } else if (demo::load_demo_trust(services.database, services.organisations, services.people,
                                     with_training_day, {config.content_dir, config.data_dir, files.get()},
                                     calendar::Clock(config.today).today())) {
        std::cout << "Loaded the demo trust: Oakfield Learning Trust, 7 schools, 850 staff"
                  << (with_training_day ? ", a training day with choices open and a year of programmes" : "")
                  << ".\n";
    } else {
        std::cout << "The demo trust is already loaded.\n";
    }
    if (!services.organisations.has_slug("oakfield"))
        return 0;
    std::cout << "\nDemo logins (all with the password shown):\n";
    for (const auto& login : demo::demo_logins())
        std::printf("  %-15s %-28s %s  (%s)\n", login.role.c_str(), login.email.c_str(),
                    login.password.c_str(), login.name.c_str());
    return 0;
}

int import_staff(const Config& config, const std::string& path, const std::string& trust_slug) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        std::cerr << "Cannot read " << path << ".\n";
        return 2;
    }
    std::stringstream content;
    content << file.rdbuf();
    Services services(config);
    organisations::Trust trust;
    long long importer = 0;
    try {
        trust = services.organisations.trust_by_slug(trust_slug);
        // The trust's first administrator is recorded as the importer.
        importer = services.people.first_admin(trust.id);
    } catch (const std::invalid_argument& error) {
        std::cerr << error.what() << "\n";
        return 2;
    }
    people::ImportSummary preview;
    try {
        preview = services.people.preview_import(trust.id, importer, path, content.str());
    } catch (const std::invalid_argument& error) {
        std::cerr << path << ": " << error.what() << " Nothing was imported.\n";
        return 1;
    }
    if (!preview.problems.empty()) {
        std::cerr << path << ": " << preview.problems.size() << " problem(s); nothing was imported.\n";
        for (const auto& problem : preview.problems)
            std::cerr << "  row " << problem.row << (problem.column.empty() ? "" : ", " + problem.column)
                      << ": " << problem.message << "\n";
        return 1;
    }
    std::cerr << "Importing " << preview.rows << " people into " << trust.name << "...\n";
    const auto result = services.people.commit_import(trust.id, preview.import_id, print_progress);
    std::cout << "Imported " << result.rows << " people: " << result.to_create << " new, " << result.to_update
              << " updated.\n";
    return 0;
}

int add_trust(const Config& config, const std::string& slug, const std::string& name,
              const std::string& admin_email, const std::string& admin_first_name,
              const std::string& admin_last_name) {
    const char* password = std::getenv("TRELLIS_ADMIN_PASSWORD");
    if (!password) {
        std::cerr << "Set TRELLIS_ADMIN_PASSWORD to the administrator's password.\n";
        return 2;
    }
    Services services(config);
    try {
        services.accounts.add_organisation(
            accounts::SetupRequest{name, slug, admin_first_name, admin_last_name, admin_email, password});
    } catch (const std::invalid_argument& error) {
        std::cerr << error.what() << "\n";
        return 2;
    }
    std::cout << "Created " << name << " (" << slug << ") with administrator " << admin_email << ".\n";
    return 0;
}

int content_reload(const Config& config) {
    const auto pid = running_server_pid(config.data_dir);
    if (!pid) {
        std::cerr << "trellis: no server is running with data folder " << config.data_dir
                  << " (no live trellis.pid); content is loaded when `trellis serve` starts\n";
        return 1;
    }
    // The same check the server makes, so the person sees now what will be skipped.
    learning::content::run_content_check(config.content_dir, std::cout);
    const auto snapshot = learning::content::load_content(config.content_dir);
    if (::kill(*pid, SIGHUP) != 0) {
        std::cerr << "trellis: could not signal the server (pid " << *pid << ")\n";
        return 1;
    }
    std::cout << "Asked the server (pid " << *pid << ") to reload " << config.content_dir << ": "
              << snapshot.modules().size() << " modules will be served\n";
    return 0;
}

} // namespace trellis::commands
