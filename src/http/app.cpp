#include "http/app.h"

namespace trellis::http {

App::App(const Config& configuration)
    : config(configuration), database(config.database_url, static_cast<std::size_t>(config.threads) + 2),
      views(config.root_dir + "/templates"), organisations(database), people(database, organisations),
      accounts(database, organisations, people, config.session_minutes), import_jobs(people),
      content(config.content_dir), learning(database) {}

} // namespace trellis::http
