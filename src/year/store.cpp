#include "year/store.h"

#include "db/database.h"
#include "db/rows.h"

namespace trellis::year::store {

void replace_feed(soci::session& sql, long long trust_id, long long person_id,
                  const std::string& token_hash) {
    const long long now = db::now_seconds();
    sql << "DELETE FROM calendar_feeds WHERE trust_id = :trust AND person_id = :person", soci::use(trust_id),
        soci::use(person_id);
    sql << "INSERT INTO calendar_feeds (person_id, trust_id, token_hash, created_at) SELECT id, trust_id, "
           ":hash, "
           ":now FROM people WHERE trust_id = :trust AND id = :person",
        soci::use(token_hash), soci::use(now), soci::use(trust_id), soci::use(person_id);
}

const char* const kFeedRows = "SELECT person_id, '', '', 0, 0, 0, 0, 0 FROM calendar_feeds WHERE trust_id = "
                              ":trust AND person_id = :person";

std::optional<accounts::Actor> feed_owner(soci::session& sql, const std::string& token_hash) {
    accounts::Actor actor;
    long long school_id = 0;
    std::string role, group, first, last;
    soci::indicator school_indicator = soci::i_ok;
    if (!db::read_one(
            sql,
            "SELECT p.id, p.trust_id, p.school_id, p.role, p.staff_group, p.first_name, p.last_name FROM "
            "calendar_feeds f JOIN people p ON p.id = f.person_id AND p.trust_id = f.trust_id WHERE "
            "f.token_hash = "
            ":hash AND p.left_at = 0",
            soci::use(token_hash), soci::into(actor.person_id), soci::into(actor.trust_id),
            soci::into(school_id, school_indicator), soci::into(role), soci::into(group), soci::into(first),
            soci::into(last)))
        return std::nullopt;
    actor.school_id = school_indicator == soci::i_ok ? school_id : 0;
    actor.role = people::role_from_text(role).value_or(people::Role::Staff);
    actor.staff_group = people::staff_group_from_text(group).value_or(people::StaffGroup::Teacher);
    actor.display_name = first + " " + last;
    return actor;
}

std::vector<SentInvitation> sent_invitations(soci::session& sql, long long trust_id, long long person_id) {
    std::vector<SentInvitation> sent;
    SentInvitation invitation;
    long long cancelled = 0;
    auto& entry = invitation.entry;
    auto rows = db::run_once(
        sql,
        "SELECT uid, day, starts_at, ends_at, summary, location, link, sequence, cancelled "
        "FROM calendar_invitations WHERE trust_id = :trust AND person_id = :person",
        soci::into(entry.uid), soci::into(entry.date), soci::into(entry.starts_at), soci::into(entry.ends_at),
        soci::into(entry.summary), soci::into(entry.location), soci::into(invitation.link),
        soci::into(entry.sequence), soci::into(cancelled), soci::use(trust_id), soci::use(person_id));
    while (rows.fetch()) {
        invitation.cancelled = cancelled != 0;
        sent.push_back(invitation);
    }
    return sent;
}

bool keep_sent(soci::session& sql, long long trust_id, long long person_id, const InvitationChange& change,
               long long now) {
    const auto& entry = change.invitation.entry;
    const long long cancelled = change.method == calendar::ics::Method::Cancel ? 1 : 0;
    const long long before = entry.sequence - 1;
    auto statement =
        change.first_sent
            ? db::run_change(sql,
                             "INSERT INTO calendar_invitations (trust_id, person_id, uid, day, starts_at, "
                             "ends_at, summary, location, link, sequence, cancelled, updated_at) SELECT "
                             ":trust, :person, :uid, :day, :starts, :ends, :summary, :location, :link, "
                             ":sequence, :cancelled, :now WHERE NOT EXISTS (SELECT 1 FROM "
                             "calendar_invitations WHERE trust_id = :trust2 AND person_id = :person2 AND uid "
                             "= :uid2)",
                             soci::use(trust_id), soci::use(person_id), soci::use(entry.uid),
                             soci::use(entry.date), soci::use(entry.starts_at), soci::use(entry.ends_at),
                             soci::use(entry.summary), soci::use(entry.location),
                             soci::use(change.invitation.link), soci::use(entry.sequence),
                             soci::use(cancelled), soci::use(now), soci::use(trust_id), soci::use(person_id),
                             soci::use(entry.uid))
            // Only from the version this plan was made against: a second server gets no row.
            : db::run_change(sql,
                             "UPDATE calendar_invitations SET day = :day, starts_at = :starts, ends_at = "
                             ":ends, summary = :summary, location = :location, link = :link, sequence = "
                             ":sequence, cancelled = :cancelled, updated_at = :now WHERE trust_id = :trust "
                             "AND person_id = :person AND uid = :uid AND sequence = :before",
                             soci::use(entry.date), soci::use(entry.starts_at), soci::use(entry.ends_at),
                             soci::use(entry.summary), soci::use(entry.location),
                             soci::use(change.invitation.link), soci::use(entry.sequence),
                             soci::use(cancelled), soci::use(now), soci::use(trust_id), soci::use(person_id),
                             soci::use(entry.uid), soci::use(before));
    return statement.get_affected_rows() > 0;
}

} // namespace trellis::year::store
