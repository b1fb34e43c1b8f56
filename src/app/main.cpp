#include <iostream>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include "accounts/secrets.h"
#include "app/allocate_command.h"
#include "app/backup.h"
#include "app/commands.h"
#include "app/config.h"
#include "http/server.h"
#include "learning/content/check_command.h"

namespace {

// Flags that every verb accepts; each overrides its environment variable.
void add_common_flags(CLI::App& command, trellis::Config& config) {
    command.add_option("--database", config.database_url,
                       "sqlite:PATH or postgresql://... (TRELLIS_DATABASE)");
    command.add_option("--data-dir", config.data_dir,
                       "folder for the SQLite file and uploads (TRELLIS_DATA)");
    command.add_option("--root", config.root_dir, "folder holding templates/ and static/ (TRELLIS_ROOT)");
}

} // namespace

int main(int argc, char** argv) {
    trellis::accounts::initialise_secrets();
    trellis::Config config;
    try {
        config = trellis::config_from_environment();
    } catch (const std::exception& error) {
        std::cerr << "trellis: " << error.what() << "\n";
        return 2;
    }

    CLI::App cli{"Trellis: professional development for schools and trusts"};
    cli.require_subcommand(1);

    auto* serve = cli.add_subcommand("serve", "serve the web application");
    add_common_flags(*serve, config);
    serve->add_option("--port", config.port, "port to listen on (PORT)");
    serve->add_option("--bind", config.bind_address, "address to listen on (TRELLIS_BIND)");
    serve->add_option("--threads", config.threads, "worker threads (TRELLIS_THREADS)");
    bool no_jobs = false;
    serve->add_flag("--no-jobs", no_jobs,
                    "answer requests only: leave background work to other servers or `trellis worker`");

    auto* worker = cli.add_subcommand(
        "worker", "run background work only (allocations, staff imports, email, learning records)");
    add_common_flags(*worker, config);

    auto* migrate = cli.add_subcommand("migrate", "apply database migrations");
    add_common_flags(*migrate, config);

    bool only_if_empty = false;
    auto* demo = cli.add_subcommand("demo", "load the demo trust and print its logins");
    add_common_flags(*demo, config);
    demo->add_flag("--if-empty", only_if_empty, "load only into an empty database");
    bool with_training_day = false;
    demo->add_flag("--training-day", with_training_day, "also load a training day with choices open");

    std::string import_path;
    std::string trust_slug;
    auto* import_staff =
        cli.add_subcommand("import-staff", "import a staff CSV into a trust, all or nothing");
    add_common_flags(*import_staff, config);
    import_staff->add_option("file", import_path, "the CSV file")->required();
    import_staff->add_option("--trust", trust_slug, "the trust's short name")->required();

    std::string new_slug, new_name, admin_email, admin_first, admin_last;
    auto* add_trust = cli.add_subcommand("add-trust", "create a trust and its administrator "
                                                      "(password from TRELLIS_ADMIN_PASSWORD)");
    add_common_flags(*add_trust, config);
    add_trust->add_option("slug", new_slug, "short name, e.g. northfield")->required();
    add_trust->add_option("name", new_name, "full name")->required();
    add_trust->add_option("--admin-email", admin_email)->required();
    add_trust->add_option("--admin-first-name", admin_first)->required();
    add_trust->add_option("--admin-last-name", admin_last)->required();

    std::string allocation_input, allocation_output;
    double time_limit = 0;
    auto* allocate =
        cli.add_subcommand("allocate", "allocate people to workshop sessions (JSON in, JSON out)");
    allocate->add_option("--input", allocation_input, "the instance file")->required();
    allocate->add_option("--output", allocation_output, "where to write the result")->required();
    auto* time_limit_option = allocate->add_option(
        "--time-limit", time_limit, "seconds; returns the best allocation found with its bound");

    std::string content_directory;
    auto* content = cli.add_subcommand("content", "learning module content");
    auto* content_check = content->add_subcommand("check", "check a module folder, or a folder of modules");
    content_check->add_option("dir", content_directory, "the folder")->required();
    add_common_flags(*content_check, config);
    auto* content_reload = content->add_subcommand(
        "reload", "load the content folder again in the running server (TRELLIS_CONTENT)");
    add_common_flags(*content_reload, config);
    content->require_subcommand(1);

    std::string backup_folder;
    auto* backup = cli.add_subcommand("backup", "copy the database and uploaded files into a new folder");
    add_common_flags(*backup, config);
    backup->add_option("folder", backup_folder, "the folder to create")->required();
    auto* restore = cli.add_subcommand("restore", "restore a backup folder into an empty database");
    add_common_flags(*restore, config);
    restore->add_option("folder", backup_folder, "the backup folder")->required();

    auto* routes = cli.add_subcommand("routes", "list every route with who may reach it");
    add_common_flags(*routes, config);

    auto* version = cli.add_subcommand("version", "print the version");

    CLI11_PARSE(cli, argc, argv);

    if (*version) {
        std::cout << "trellis " << TRELLIS_VERSION << "\n";
        return 0;
    }
    if (*content_check)
        return trellis::learning::content::run_content_check(content_directory, std::cout);
    // Allocation reads and writes files only: it needs no database or templates.
    if (*allocate)
        return run_allocate_command(allocation_input, allocation_output,
                                    time_limit_option->count() ? std::optional<double>(time_limit)
                                                               : std::nullopt);
    try {
        trellis::finalise_config(config);
        spdlog::set_level(spdlog::level::from_str(config.log_level));
        if (*serve) {
            config.run_jobs = !no_jobs;
            return trellis::http::serve(config);
        }
        if (*worker)
            return trellis::http::work(config);
        if (*migrate)
            return trellis::commands::migrate(config);
        if (*routes)
            return trellis::http::list_routes(config);
        if (*backup)
            return trellis::commands::backup(config, backup_folder);
        if (*restore)
            return trellis::commands::restore(config, backup_folder);
        if (*demo)
            return trellis::commands::demo(config, only_if_empty, with_training_day);
        if (*import_staff)
            return trellis::commands::import_staff(config, import_path, trust_slug);
        if (*content_reload)
            return trellis::commands::content_reload(config);
        if (*add_trust)
            return trellis::commands::add_trust(config, new_slug, new_name, admin_email, admin_first,
                                                admin_last);
    } catch (const std::exception& error) {
        std::cerr << "trellis: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
