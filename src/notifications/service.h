#pragma once

#include <functional>
#include <vector>

#include <soci/soci.h>

#include "accounts/model.h"
#include "db/database.h"
#include "notifications/model.h"

namespace trellis::notifications {

// What an area owes a person now (training days: a call open, a timetable out).
using OwedSource = std::function<std::vector<Owed>(soci::session&, const accounts::Actor&)>;

// Notices on a person's home page in place of email. Areas add notices when something happens
// (through notifications::store, inside their own transaction) or, for what a person is owed by
// where they stand, through a source asked on each visit to the home page.
class NotificationService {
  public:
    NotificationService(db::Database& database, std::vector<OwedSource> sources)
        : m_database(database), m_sources(std::move(sources)) {}

    // The person's notices not yet dismissed, newest first. Notices owed by the sources are added
    // first, once each, so moving a stage on is all it takes.
    std::vector<Notice> notices_for(const accounts::Actor& actor);
    // Writes the notices the sources owe the person and they have never had, once each; by email
    // too when `by_email` (the background sweep: the person is not looking). Returns how many.
    int write_owed(const accounts::Actor& actor, bool by_email);
    // Hides a notice; false when the person has no such notice.
    bool dismiss(const accounts::Actor& actor, long long notice_id);

  private:
    // What the sources owe the person that is not among the links they have had.
    std::vector<Owed> missing(soci::session& sql, const accounts::Actor& actor,
                              const std::vector<std::string>& links);
    void write(const accounts::Actor& actor, const std::vector<Owed>& missing, bool by_email);

    db::Database& m_database;
    std::vector<OwedSource> m_sources;
};

} // namespace trellis::notifications
