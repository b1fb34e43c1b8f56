#pragma once

#include <set>
#include <string>

#include "accounts/model.h"
#include "db/database.h"
#include "mail/model.h"

namespace trellis::mail {

// A person's choice of emails: the kinds they have turned off, and one a day or one each.
struct Choices {
    std::set<std::string> off;
    bool digest = false;
};

// What people choose about email, and the outbox as the administrator sees it.
class MailService {
  public:
    explicit MailService(db::Database& database) : m_database(database) {}

    Choices choices(const accounts::Actor& actor);
    // Keeps the kinds in `on` and turns the others off; unknown kinds are ignored.
    void choose(const accounts::Actor& actor, const std::set<std::string>& on, bool digest);
    // From an unsubscribe link (already checked): the person stops getting this kind.
    void turn_off(long long trust_id, long long person_id, const std::string& kind);
    OutboxSummary outbox(const accounts::Actor& administrator);

  private:
    db::Database& m_database;
};

} // namespace trellis::mail
