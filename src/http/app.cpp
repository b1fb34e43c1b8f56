#include "http/app.h"
#include "events/announcements.h"
#include "storage/configured.h"

#include <algorithm>
#include <filesystem>
#include <thread>

namespace trellis::http {

namespace {

// Requests let through the gate to do their work at once: two per core.
unsigned requests_at_once() {
    return std::max(2u, 2 * std::thread::hardware_concurrency());
}

// Only the requests let through the gate and the background work (jobs and their heartbeat, the
// mail and learning-record senders) use the database, so the pool is sized to them, not to the
// threads waiting on HTTP connections, with room for each request to hold two sessions at once.
// Each PostgreSQL connection is a process: sized to the threads (98), the pool kept about 90 idle
// processes per server, and a default PostgreSQL (100 connections) refused a second server.
std::size_t database_connections(const Config& config) {
    if (config.database_connections > 0)
        return static_cast<std::size_t>(config.database_connections);
    return 2 * std::size_t{requests_at_once()} + static_cast<std::size_t>(config.job_threads) + 4;
}

} // namespace

App::App(const Config& configuration)
    : config(configuration), clock(config.today),
      badge_key(badges::SigningKey::kept_in(std::filesystem::path(config.data_dir) / "keys")),
      sealed_secrets(accounts::SecretBox::kept_in(std::filesystem::path(config.data_dir) / "keys")),
      unsubscribe_links(mail::UnsubscribeLinks::kept_in(std::filesystem::path(config.data_dir) / "keys")),
      database(config.database_url, database_connections(config)), files(storage::configured_store(config)),
      views(config.root_dir + "/templates"), gate(requests_at_once()), organisations(database),
      people(database, organisations), accounts(database, organisations, people, config.session_minutes),
      jobs(database), content(config.content_dir), learning(database), events(database), schedule(database),
      choices(database), allocation(database), materials(database, *files), offers(database), day(database),
      feedback(database),
      notices(database, {{events::standing_for_notices(),
                          [this](soci::session& sql, const accounts::Actor& actor, const auto& standing) {
                              return events::owed_notices(actor, clock.today(), events.events(actor, sql),
                                                          standing);
                          }},
                         programmes::catch_up_notices()}),
      home_reads(database, notices), audit(database), personal_data(database), priorities(database),
      programmes(database), programme_reads(database), activities(database, content, materials),
      session_attendance(database), recordings(database, *files), reflections(database),
      session_feedback(database), groups(database), standing_groups(database),
      year(database, programmes, events, day), record(database), mentoring(database), observations(database),
      expertise(database), surveys(database), provision(database, content, surveys),
      impact(database, session_feedback), library(database, *files, priorities, content),
      openid(database, sealed_secrets, config.public_url,
             std::chrono::milliseconds(config.openid_timeout_ms)),
      mail(database) {
    accounts.allow_passwords_when(
        [this](long long trust_id) { return openid.password_sign_in_allowed(trust_id); });
}

} // namespace trellis::http
