#pragma once

#include <map>
#include <string>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "db/person_batch.h"
#include "learning/service.h"
#include "notifications/service.h"
#include "surveys/response_store.h"

namespace trellis::accounts {

// What the home page shows that is the person's alone.
struct HomeStanding {
    std::vector<notifications::Notice> notices;                           // not dismissed, newest first
    std::map<std::string, learning::ModuleStanding> modules;              // by slug, those started
    std::map<long long, std::string> programme_statuses;                  // by programme
    std::map<long long, surveys::response_store::PersonStanding> surveys; // by survey, those sent or started
};

// Reads the person's notices (with what each area owes them), module progress, programme places and
// survey answers as one statement. Each is small, but on PostgreSQL every statement is a round trip,
// and the home page is the page everyone opens.
class HomeReads {
  public:
    HomeReads(db::Database& database, notifications::NotificationService& notices);

    HomeStanding read(const Actor& actor);

  private:
    db::Database& m_database;
    notifications::NotificationService& m_notices;
    std::size_t m_notice_reads; // the first reads of the batch are the notices'
    db::PersonBatch m_batch;
};

} // namespace trellis::accounts
