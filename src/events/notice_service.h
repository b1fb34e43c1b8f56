#pragma once

#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "events/day_model.h"

namespace trellis::events {

// Notices on a person's home page in place of email: a timetable that is out, a survey to fill in.
class NoticeService {
  public:
    explicit NoticeService(db::Database& database) : m_database(database) {}

    // The person's notices not yet dismissed, newest first. Notices owed by the stage of the events
    // they take part in (timetable published, feedback open to those who attended) are added first,
    // once each, so the lead moving a stage on is all it takes.
    std::vector<Notice> notices_for(const accounts::Actor& actor);
    // Hides a notice; false when the person has no such notice.
    bool dismiss(const accounts::Actor& actor, long long notice_id);
    // Adds a notice for a person of the trust unless they already had one with the same link.
    void add(long long trust_id, long long person_id, const std::string& text, const std::string& link);

  private:
    db::Database& m_database;
};

} // namespace trellis::events
