#include "year/store.h"

#include "db/database.h"

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

bool has_feed(soci::session& sql, long long trust_id, long long person_id) {
    long long count = 0;
    sql << "SELECT COUNT(*) FROM calendar_feeds WHERE trust_id = :trust AND person_id = :person",
        soci::use(trust_id), soci::use(person_id), soci::into(count);
    return count > 0;
}

std::optional<accounts::Actor> feed_owner(soci::session& sql, const std::string& token_hash) {
    accounts::Actor actor;
    long long school_id = 0;
    std::string role, group, first, last;
    soci::indicator school_indicator = soci::i_ok;
    sql << "SELECT p.id, p.trust_id, p.school_id, p.role, p.staff_group, p.first_name, p.last_name FROM "
           "calendar_feeds f JOIN people p ON p.id = f.person_id AND p.trust_id = f.trust_id WHERE "
           "f.token_hash = "
           ":hash AND p.left_at = 0",
        soci::use(token_hash), soci::into(actor.person_id), soci::into(actor.trust_id),
        soci::into(school_id, school_indicator), soci::into(role), soci::into(group), soci::into(first),
        soci::into(last);
    if (!sql.got_data())
        return std::nullopt;
    actor.school_id = school_indicator == soci::i_ok ? school_id : 0;
    actor.role = people::role_from_text(role).value_or(people::Role::Staff);
    actor.staff_group = people::staff_group_from_text(group).value_or(people::StaffGroup::Teacher);
    actor.display_name = first + " " + last;
    return actor;
}

} // namespace trellis::year::store
