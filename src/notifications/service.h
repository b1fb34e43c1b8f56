#pragma once

#include <functional>
#include <span>
#include <vector>

#include <soci/soci.h>

#include "accounts/model.h"
#include "db/database.h"
#include "db/person_batch.h"
#include "notifications/model.h"
#include "notifications/store.h"

namespace trellis::notifications {

// What an area owes a person now (training days: a call open, a timetable out). `query` reads the
// person's standing there as a read of a db::PersonBatch (OwedRow's columns, naming the trust :trust
// and the person :person), asked in the same round trip as the person's notices. `owed` turns its
// rows into what the area owes them.
struct OwedSource {
    std::string query;
    std::function<std::vector<Owed>(soci::session&, const accounts::Actor&, const std::vector<OwedRow>&)>
        owed;
};

// Notices on a person's home page in place of email. Areas add notices when something happens
// (through notifications::store, inside their own transaction) or, for what a person is owed by
// where they stand, through a source asked on each visit to the home page.
class NotificationService {
  public:
    NotificationService(db::Database& database, std::vector<OwedSource> sources);

    // The reads the notices need, in order: the person's notices, then each source's standing. A page
    // asks for them in its own db::PersonBatch, beside its other reads of the person.
    std::vector<std::string> reads() const;
    // The person's notices not yet dismissed, newest first, from what `reads()` gave (its lists, in
    // order). Notices owed by the sources are added first, once each, so moving a stage on is all it
    // takes.
    std::vector<Notice> notices_for(const accounts::Actor& actor,
                                    std::span<const std::vector<db::BatchRow>> read);
    // Writes the notices the sources owe the person and they have never had, once each; by email
    // too when `by_email` (the background sweep: the person is not looking). Returns how many.
    int write_owed(const accounts::Actor& actor, bool by_email);
    // Hides a notice; false when the person has no such notice.
    bool dismiss(const accounts::Actor& actor, long long notice_id);

  private:
    // The person's notices, and what the sources owe them that is not among the links they have had.
    struct Standing {
        store::NoticesHeld held;
        std::vector<Owed> missing;
    };
    Standing standing_of(soci::session& sql, const accounts::Actor& actor,
                         std::span<const std::vector<db::BatchRow>> read);
    void write(const accounts::Actor& actor, const std::vector<Owed>& missing, bool by_email);

    db::Database& m_database;
    std::vector<OwedSource> m_sources;
    db::PersonBatch m_batch; // reads(), as one statement
};

} // namespace trellis::notifications
