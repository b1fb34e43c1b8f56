#include "mail/store.h"

#include <algorithm>
#include <map>

#include "db/id_set.h"
#include "db/rows.h"
#include "outbox/store.h"

namespace trellis::mail::store {

void queue_notices(soci::session& sql, long long trust_id, const std::string& link, long long written_at,
                   long long digest_at) {
    const std::string kind = kind_of_link(link).key;
    sql << "INSERT INTO mail_outbox (notice_id, trust_id, person_id, kind, digest, next_attempt_at, "
           "created_at) "
           "SELECT n.id, n.trust_id, n.person_id, :kind, CASE WHEN d.person_id IS NULL THEN 0 ELSE 1 END, "
           "CASE WHEN d.person_id IS NULL THEN CAST(:now AS BIGINT) ELSE CAST(:digest_at AS BIGINT) END, "
           ":now2 FROM notices n "
           "JOIN people p ON p.id = n.person_id AND p.trust_id = n.trust_id AND p.left_at = 0 "
           "LEFT JOIN mail_digests d ON d.trust_id = n.trust_id AND d.person_id = n.person_id "
           "WHERE n.trust_id = :trust AND n.link = :link AND n.created_at >= :written_at "
           "AND NOT EXISTS (SELECT 1 FROM mail_outbox m WHERE m.notice_id = n.id) "
           "AND NOT EXISTS (SELECT 1 FROM mail_opt_outs o WHERE o.trust_id = n.trust_id AND o.person_id = "
           "n.person_id AND o.kind = :kind2)",
        soci::use(kind), soci::use(written_at), soci::use(digest_at), soci::use(written_at),
        soci::use(trust_id), soci::use(link), soci::use(written_at), soci::use(kind);
}

bool queue_invitation(soci::session& sql, const InvitationEmail& invitation, long long now) {
    const std::string kind = kind_of_link(invitation.link).key;
    auto statement = db::run_change(
        sql,
        "INSERT INTO mail_outbox (trust_id, person_id, kind, next_attempt_at, created_at, subject, "
        "body, link, calendar, calendar_method, invitation_key) "
        "SELECT p.trust_id, p.id, :kind, :now, :now2, :subject, :body, :link, :calendar, :method, "
        ":key FROM people p WHERE p.trust_id = :trust AND p.id = :person AND p.left_at = 0 "
        "AND NOT EXISTS (SELECT 1 FROM mail_outbox m WHERE m.invitation_key = :key2) "
        "AND NOT EXISTS (SELECT 1 FROM mail_opt_outs o WHERE o.trust_id = p.trust_id AND "
        "o.person_id = p.id AND o.kind = :kind2)",
        soci::use(kind), soci::use(now), soci::use(now), soci::use(invitation.subject),
        soci::use(invitation.text), soci::use(invitation.link), soci::use(invitation.calendar),
        soci::use(invitation.method), soci::use(invitation.key), soci::use(invitation.trust_id),
        soci::use(invitation.person_id), soci::use(invitation.key), soci::use(kind));
    return statement.get_affected_rows() > 0;
}

std::vector<Outgoing> outgoing(soci::session& sql, const std::vector<long long>& ids) {
    if (ids.empty())
        return {};
    long long id = 0, trust_id = 0, person_id = 0, digest = 0;
    std::string email, first, last, trust_name, kind, text, link, subject, calendar, method;
    const std::string asked = db::id_set_value(ids);
    // A notice's text and link are the notice's; an invitation carries its own.
    auto rows = db::run_once(
        sql,
        "SELECT m.id, m.trust_id, m.person_id, m.digest, p.email, p.first_name, p.last_name, t.name, m.kind, "
        "COALESCE(n.text, m.body), COALESCE(n.link, m.link), m.subject, m.calendar, m.calendar_method "
        "FROM mail_outbox m LEFT JOIN notices n ON n.id = m.notice_id JOIN people p ON p.id = "
        "m.person_id AND p.trust_id = m.trust_id JOIN trusts t ON t.id = m.trust_id WHERE " +
            db::id_set_condition(sql, "m.id", "ids") + " ORDER BY m.person_id, m.id",
        soci::into(id), soci::into(trust_id), soci::into(person_id), soci::into(digest), soci::into(email),
        soci::into(first), soci::into(last), soci::into(trust_name), soci::into(kind), soci::into(text),
        soci::into(link), soci::into(subject), soci::into(calendar), soci::into(method), soci::use(asked));
    std::vector<Outgoing> emails;
    std::map<long long, std::size_t> digest_of_person;
    while (rows.fetch()) {
        if (digest) {
            const auto found = digest_of_person.find(person_id);
            if (found != digest_of_person.end()) {
                emails[found->second].ids.push_back(id);
                emails[found->second].items.push_back({text, link});
                continue;
            }
            digest_of_person[person_id] = emails.size();
        }
        emails.push_back(Outgoing{.ids = {id},
                                  .trust_id = trust_id,
                                  .person_id = person_id,
                                  .recipient = email,
                                  .recipient_name = first + " " + last,
                                  .trust_name = trust_name,
                                  .kind = digest ? "" : kind,
                                  .items = {{text, link}},
                                  .subject = subject,
                                  .calendar = calendar,
                                  .calendar_method = method});
    }
    return emails;
}

OutboxSummary summary(soci::session& sql, long long trust_id, int failures_shown) {
    OutboxSummary summary;
    db::read_one(
        sql, "SELECT COUNT(*) FROM mail_outbox WHERE trust_id = :trust AND status IN ('queued', 'sending')",
        soci::use(trust_id), soci::into(summary.waiting));
    db::read_one(sql, "SELECT COUNT(*) FROM mail_outbox WHERE trust_id = :trust AND status = 'sent'",
                 soci::use(trust_id), soci::into(summary.sent));
    db::read_one(sql, "SELECT COUNT(*) FROM mail_outbox WHERE trust_id = :trust AND status = 'failed'",
                 soci::use(trust_id), soci::into(summary.failed));
    Failure failure;
    std::string first, last;
    auto rows = db::run_once(
        sql,
        "SELECT m.id, p.first_name, p.last_name, COALESCE(n.text, m.subject), m.last_error, "
        "m.attempts, m.claimed_at FROM mail_outbox m JOIN people p ON p.id = m.person_id LEFT "
        "JOIN notices n ON n.id = m.notice_id WHERE m.trust_id = :trust AND m.status = 'failed' ORDER BY "
        "m.id DESC LIMIT :shown",
        soci::into(failure.id), soci::into(first), soci::into(last), soci::into(failure.text),
        soci::into(failure.error), soci::into(failure.attempts), soci::into(failure.failed_at),
        soci::use(trust_id), soci::use(failures_shown));
    while (rows.fetch()) {
        failure.recipient_name = first + " " + last;
        summary.failures.push_back(failure);
    }
    return summary;
}

std::vector<std::string> kinds_turned_off(soci::session& sql, long long trust_id, long long person_id) {
    std::vector<std::string> off;
    std::string kind;
    auto rows =
        db::run_once(sql, "SELECT kind FROM mail_opt_outs WHERE trust_id = :trust AND person_id = :person",
                     soci::into(kind), soci::use(trust_id), soci::use(person_id));
    while (rows.fetch())
        off.push_back(kind);
    return off;
}

void set_kind(soci::session& sql, long long trust_id, long long person_id, const std::string& kind, bool on) {
    sql << "DELETE FROM mail_opt_outs WHERE trust_id = :trust AND person_id = :person AND kind = :kind",
        soci::use(trust_id), soci::use(person_id), soci::use(kind);
    if (!on)
        sql << "INSERT INTO mail_opt_outs (trust_id, person_id, kind) VALUES (:trust, :person, :kind)",
            soci::use(trust_id), soci::use(person_id), soci::use(kind);
}

bool takes_digest(soci::session& sql, long long trust_id, long long person_id) {
    long long found = 0;
    db::read_one(sql, "SELECT COUNT(*) FROM mail_digests WHERE trust_id = :trust AND person_id = :person",
                 soci::use(trust_id), soci::use(person_id), soci::into(found));
    return found > 0;
}

void set_digest(soci::session& sql, long long trust_id, long long person_id, bool digest) {
    sql << "DELETE FROM mail_digests WHERE trust_id = :trust AND person_id = :person", soci::use(trust_id),
        soci::use(person_id);
    if (digest)
        sql << "INSERT INTO mail_digests (trust_id, person_id) VALUES (:trust, :person)", soci::use(trust_id),
            soci::use(person_id);
}

} // namespace trellis::mail::store
