#include "events/schedule/schedule_store.h"

#include <algorithm>

#include "attendance/store.h"

#include "db/database.h"
#include "db/rows.h"
#include "events/model.h"

namespace trellis::events::store {

namespace {

constexpr const char* kApprovedWorkshops =
    "SELECT o.id, o.presenter_id, p.first_name || ' ' || p.last_name, COALESCE(s.name, 'Central team'), "
    "o.title, o.summary, o.outcomes, o.phase, o.room_needs, o.audience, COALESCE(o.priority_id, 0), "
    "COALESCE(pr.title, ''), o.max_group, o.can_repeat FROM workshop_offers o "
    "JOIN people p ON p.id = o.presenter_id AND p.trust_id = o.trust_id "
    "LEFT JOIN schools s ON s.id = p.school_id AND s.trust_id = o.trust_id "
    "LEFT JOIN event_priorities pr ON pr.id = o.priority_id AND pr.trust_id = o.trust_id "
    "WHERE o.trust_id = :trust AND o.event_id = :event AND o.status = 'approved' ORDER BY o.title, o.id";
constexpr const char* kSessionsOf =
    "SELECT ws.id, ws.offer_id, ws.slot_id, ws.room_id, "
    "CASE WHEN r.capacity < o.max_group THEN r.capacity ELSE o.max_group END FROM workshop_sessions ws "
    "JOIN event_rooms r ON r.id = ws.room_id AND r.trust_id = ws.trust_id "
    "JOIN workshop_offers o ON o.id = ws.offer_id AND o.trust_id = ws.trust_id "
    "WHERE ws.trust_id = :trust AND ws.event_id = :event ORDER BY ws.slot_id, ws.room_id";
constexpr const char* kDeleteSession =
    "DELETE FROM workshop_sessions WHERE trust_id = :trust AND event_id = :event AND id = :id";
constexpr const char* kInsertSession =
    "INSERT INTO workshop_sessions (event_id, trust_id, offer_id, slot_id, room_id) "
    "VALUES (:event, :trust, :offer, :slot, :room)";
constexpr const char* kInsertOffer =
    "INSERT INTO workshop_offers (event_id, trust_id, presenter_id, title, summary, audience, phase, "
    "outcomes, "
    "priority_id, max_group, room_needs, can_repeat, status, created_at, updated_at) VALUES (:event, :trust, "
    ":presenter, :title, :summary, :audience, :phase, :outcomes, :priority, :max_group, :room_needs, "
    ":repeat, "
    "'approved', :now1, :now2) RETURNING id";

struct WorkshopColumns {
    Workshop workshop;
    std::string audience;
    long long max_group = 0, can_repeat = 0;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(workshop.id));
        statement.exchange(soci::into(workshop.presenter_id));
        statement.exchange(soci::into(workshop.presenter_name));
        statement.exchange(soci::into(workshop.presenter_school));
        statement.exchange(soci::into(workshop.title));
        statement.exchange(soci::into(workshop.summary));
        statement.exchange(soci::into(workshop.outcomes));
        statement.exchange(soci::into(workshop.phase));
        statement.exchange(soci::into(workshop.room_needs));
        statement.exchange(soci::into(audience));
        statement.exchange(soci::into(workshop.priority_id));
        statement.exchange(soci::into(workshop.priority_title));
        statement.exchange(soci::into(max_group));
        statement.exchange(soci::into(can_repeat));
    }
    Workshop fetched() const {
        Workshop result = workshop;
        result.audience = people::staff_groups_from_text(audience);
        result.max_group = static_cast<int>(max_group);
        result.can_repeat = can_repeat != 0;
        return result;
    }
};

struct SessionColumns {
    WorkshopSession session;
    long long capacity = 0;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(session.id));
        statement.exchange(soci::into(session.offer_id));
        statement.exchange(soci::into(session.slot_id));
        statement.exchange(soci::into(session.room_id));
        statement.exchange(soci::into(capacity));
    }
    WorkshopSession fetched() const {
        WorkshopSession result = session;
        result.capacity = static_cast<int>(capacity);
        return result;
    }
};

template <typename Columns, typename Result>
std::vector<Result> rows_of_event(soci::session& sql, const char* query, long long trust_id,
                                  long long event_id) {
    std::vector<Result> rows;
    Columns columns;
    db::fetch_rows(
        sql, query, columns,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(event_id));
        },
        [&](const Result& row) { rows.push_back(row); });
    return rows;
}

} // namespace

std::vector<Workshop> approved_workshops(soci::session& sql, long long trust_id, long long event_id) {
    return rows_of_event<WorkshopColumns, Workshop>(sql, kApprovedWorkshops, trust_id, event_id);
}

std::vector<WorkshopSession> sessions_of(soci::session& sql, long long trust_id, long long event_id) {
    return rows_of_event<SessionColumns, WorkshopSession>(sql, kSessionsOf, trust_id, event_id);
}

void replace_sessions(soci::session& sql, long long trust_id, long long event_id,
                      const std::vector<Placement>& cells) {
    const auto existing = sessions_of(sql, trust_id, event_id);
    auto same = [](const WorkshopSession& session, const Placement& cell) {
        return session.slot_id == cell.slot_id && session.room_id == cell.room_id &&
               session.offer_id == cell.offer_id;
    };
    for (const WorkshopSession& session : existing)
        if (std::none_of(cells.begin(), cells.end(),
                         [&](const Placement& cell) { return same(session, cell); })) {
            sql << kDeleteSession, soci::use(trust_id), soci::use(event_id), soci::use(session.id);
            attendance::store::forget_session(sql, trust_id, {attendance::SessionKind::Workshop, session.id});
        }
    for (const Placement& cell : cells)
        if (std::none_of(existing.begin(), existing.end(),
                         [&](const WorkshopSession& session) { return same(session, cell); }))
            sql << kInsertSession, soci::use(event_id), soci::use(trust_id), soci::use(cell.offer_id),
                soci::use(cell.slot_id), soci::use(cell.room_id);
}

long long insert_approved_offer(soci::session& sql, long long trust_id, long long event_id,
                                const Workshop& offer) {
    long long id = 0;
    const long long now = db::now_seconds(), max_group = offer.max_group, repeat = offer.can_repeat ? 1 : 0;
    const std::string audience = people::text_of(offer.audience);
    soci::indicator priority_set = offer.priority_id ? soci::i_ok : soci::i_null;
    sql << kInsertOffer, soci::use(event_id), soci::use(trust_id), soci::use(offer.presenter_id),
        soci::use(offer.title), soci::use(offer.summary), soci::use(audience), soci::use(offer.phase),
        soci::use(offer.outcomes), soci::use(offer.priority_id, priority_set), soci::use(max_group),
        soci::use(offer.room_needs), soci::use(repeat), soci::use(now), soci::use(now), soci::into(id);
    return id;
}

} // namespace trellis::events::store
