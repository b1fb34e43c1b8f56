#include "provision/store.h"

#include "db/rows.h"

#include "calendar/london_time.h"

namespace trellis::provision::store {

std::vector<Workshop> workshops_between(soci::session& sql, long long trust_id, const std::string& from,
                                        const std::string& to) {
    std::map<long long, Workshop> workshops;
    Workshop row;
    std::string starts_at, ends_at;
    auto statement = db::run_once(
        sql,
        "SELECT o.id, e.id, ep.priority_id, o.audience, o.phase, e.staff_groups, sl.starts_at, "
        "sl.ends_at FROM workshop_sessions s "
        "JOIN workshop_offers o ON o.id = s.offer_id AND o.trust_id = s.trust_id "
        "JOIN events e ON e.id = s.event_id AND e.trust_id = s.trust_id "
        "JOIN event_slots sl ON sl.id = s.slot_id AND sl.trust_id = s.trust_id "
        "JOIN event_priorities ep ON ep.id = o.priority_id AND ep.trust_id = o.trust_id "
        "WHERE s.trust_id = :trust AND ep.priority_id IS NOT NULL AND e.event_date >= :from "
        "AND e.event_date <= :to",
        soci::use(trust_id), soci::use(from), soci::use(to), soci::into(row.offer_id),
        soci::into(row.event_id), soci::into(row.priority_id), soci::into(row.audience),
        soci::into(row.phase), soci::into(row.event_groups), soci::into(starts_at), soci::into(ends_at));
    while (statement.fetch()) {
        row.minutes = calendar::minutes_between(starts_at, ends_at);
        Workshop& kept = workshops[row.offer_id];
        const int longest = std::max(kept.minutes, row.minutes);
        kept = row;
        kept.minutes = longest;
    }
    std::vector<Workshop> list;
    for (auto& [id, workshop] : workshops)
        list.push_back(std::move(workshop));
    return list;
}

std::map<long long, std::vector<long long>> event_schools(soci::session& sql, long long trust_id) {
    std::map<long long, std::vector<long long>> schools;
    long long event_id = 0, school_id = 0;
    auto statement =
        db::run_once(sql, "SELECT event_id, school_id FROM event_schools WHERE trust_id = :trust",
                     soci::use(trust_id), soci::into(event_id), soci::into(school_id));
    while (statement.fetch())
        schools[event_id].push_back(school_id);
    return schools;
}

std::vector<Places> workshop_places(soci::session& sql, long long trust_id, const std::string& from,
                                    const std::string& to) {
    std::vector<Places> places;
    long long priority_id = 0, school_id = 0, count = 0;
    soci::indicator school_known = soci::i_ok;
    std::string group;
    auto statement =
        db::run_once(sql,
                     "SELECT ep.priority_id, pe.school_id, pe.staff_group, COUNT(*) FROM placements pl "
                     "JOIN workshop_sessions s ON s.id = pl.session_id AND s.trust_id = pl.trust_id "
                     "JOIN workshop_offers o ON o.id = s.offer_id AND o.trust_id = s.trust_id "
                     "JOIN event_priorities ep ON ep.id = o.priority_id AND ep.trust_id = o.trust_id "
                     "JOIN events e ON e.id = pl.event_id AND e.trust_id = pl.trust_id "
                     "JOIN people pe ON pe.id = pl.person_id "
                     "WHERE pl.trust_id = :trust AND ep.priority_id IS NOT NULL AND e.event_date >= :from "
                     "AND e.event_date <= :to GROUP BY ep.priority_id, pe.school_id, pe.staff_group",
                     soci::use(trust_id), soci::use(from), soci::use(to), soci::into(priority_id),
                     soci::into(school_id, school_known), soci::into(group), soci::into(count));
    while (statement.fetch())
        places.push_back({priority_id,
                          {school_known == soci::i_null ? 0 : school_id,
                           people::staff_group_from_text(group).value_or(people::StaffGroup::Teacher)},
                          static_cast<int>(count)});
    return places;
}

std::map<long long, std::map<StaffCell, int>> programme_members(soci::session& sql, long long trust_id) {
    std::map<long long, std::map<StaffCell, int>> members;
    long long programme_id = 0, school_id = 0, count = 0;
    soci::indicator school_known = soci::i_ok;
    std::string group;
    auto statement =
        db::run_once(sql,
                     "SELECT m.programme_id, pe.school_id, pe.staff_group, COUNT(*) FROM programme_members m "
                     "JOIN people pe ON pe.id = m.person_id WHERE m.trust_id = :trust AND m.status = "
                     "'member' GROUP BY m.programme_id, pe.school_id, pe.staff_group",
                     soci::use(trust_id), soci::into(programme_id), soci::into(school_id, school_known),
                     soci::into(group), soci::into(count));
    while (statement.fetch())
        members[programme_id][{school_known == soci::i_null ? 0 : school_id,
                               people::staff_group_from_text(group).value_or(people::StaffGroup::Teacher)}] =
            static_cast<int>(count);
    return members;
}

} // namespace trellis::provision::store
