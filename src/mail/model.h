#pragma once

#include <string>
#include <vector>

// Email behind the home page's notices (schema: 0028_mail.sql): an outbox written with each notice,
// sent over SMTP by a background sender, retried with back-off, never twice.
namespace trellis::mail {

// What a notice is about, for the unsubscribe link of each kind: told from the page it links to.
struct Kind {
    std::string key;   // "training_days"
    std::string label; // "Training days"
};
const std::vector<Kind>& kinds();
const Kind& kind_of_link(const std::string& link);
const Kind* kind_named(const std::string& key);

// One email to send: a notice, or (a digest) several of one person's.
struct Outgoing {
    std::vector<long long> ids; // outbox rows it carries
    long long trust_id = 0;
    long long person_id = 0;
    std::string recipient; // the person's address
    std::string recipient_name;
    std::string trust_name;
    std::string kind;
    struct Item {
        std::string text;
        std::string link;
    };
    std::vector<Item> items;
    // A calendar invitation: its own subject, and the iCalendar object with its method ("REQUEST",
    // "CANCEL"); empty for a notice.
    std::string subject;
    std::string calendar;
    std::string calendar_method;
};

// A calendar invitation to queue: one version (person, UID, sequence) goes once.
struct InvitationEmail {
    long long trust_id = 0;
    long long person_id = 0;
    std::string key; // "person 7 activity-12@trellis 2"
    std::string subject;
    std::string text; // one line about it, with the link below it
    std::string link;
    std::string calendar;
    std::string method;
};

// The outbox as the administrator sees it.
struct Failure {
    long long id = 0;
    std::string recipient_name;
    std::string text;
    std::string error;
    long long attempts = 0;
    long long failed_at = 0;
};
struct OutboxSummary {
    long long waiting = 0;
    long long sent = 0;
    long long failed = 0;
    std::vector<Failure> failures; // newest first
};

} // namespace trellis::mail

namespace trellis::mail {

// When the next daily digest goes: 07:00 on school clocks (London), today if that is still to come.
long long next_digest_at(long long now);

} // namespace trellis::mail
