#include "programmes/activity_store.h"

#include "db/database.h"
#include "db/rows.h"
#include "text/words.h"

namespace trellis::programmes::activity_store {

namespace {

constexpr const char* kColumns =
    "SELECT id, programme_id, trust_id, position, kind, title, details, starts_on, starts_at, ends_at, "
    "due_on, "
    "staff_groups, mechanisms, delivery, venue, room, capacity, meeting_url, evidence, module_slug, prompt, "
    "revision FROM programme_activities ";
constexpr const char* kInsert =
    "INSERT INTO programme_activities (programme_id, trust_id, position, kind, title, details, starts_on, "
    "starts_at, ends_at, due_on, staff_groups, mechanisms, delivery, venue, room, capacity, meeting_url, "
    "evidence, module_slug, prompt, revision, created_at, updated_at) SELECT :programme, :trust, "
    "COALESCE(MAX(position), 0) + 1, :kind, :title, :details, :starts_on, :starts_at, :ends_at, :due_on, "
    ":groups, :mechanisms, :delivery, :venue, :room, :capacity, :url, :evidence, :module, :prompt, 0, :now1, "
    ":now2 FROM programme_activities WHERE trust_id = :trust2 AND programme_id = :programme2 RETURNING id";
constexpr const char* kUpdate =
    "UPDATE programme_activities SET kind = :kind, title = :title, details = :details, starts_on = "
    ":starts_on, "
    "starts_at = :starts_at, ends_at = :ends_at, due_on = :due_on, staff_groups = :groups, mechanisms = "
    ":mechanisms, delivery = :delivery, venue = :venue, room = :room, capacity = :capacity, meeting_url = "
    ":url, "
    "evidence = :evidence, module_slug = :module, prompt = :prompt, revision = :revision, updated_at = :now "
    "WHERE trust_id = :trust AND id = :id";

struct ActivityColumns {
    Activity activity;
    std::string kind, groups, mechanisms, delivery;
    int position = 0, capacity = 0;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(activity.id));
        statement.exchange(soci::into(activity.programme_id));
        statement.exchange(soci::into(activity.trust_id));
        statement.exchange(soci::into(position));
        statement.exchange(soci::into(kind));
        statement.exchange(soci::into(activity.title));
        statement.exchange(soci::into(activity.details));
        statement.exchange(soci::into(activity.starts_on));
        statement.exchange(soci::into(activity.starts_at));
        statement.exchange(soci::into(activity.ends_at));
        statement.exchange(soci::into(activity.due_on));
        statement.exchange(soci::into(groups));
        statement.exchange(soci::into(mechanisms));
        statement.exchange(soci::into(delivery));
        statement.exchange(soci::into(activity.venue));
        statement.exchange(soci::into(activity.room));
        statement.exchange(soci::into(capacity));
        statement.exchange(soci::into(activity.meeting_url));
        statement.exchange(soci::into(activity.evidence));
        statement.exchange(soci::into(activity.module_slug));
        statement.exchange(soci::into(activity.prompt));
        statement.exchange(soci::into(activity.revision));
    }
    Activity fetched() const {
        Activity result = activity;
        result.position = position;
        result.capacity = capacity;
        result.kind = activity_kind_from_text(kind).value_or(ActivityKind::Live);
        result.staff_groups = people::staff_groups_from_text(groups);
        result.mechanisms = text::split_commas(mechanisms);
        result.delivery = delivery_from_text(delivery).value_or(Delivery::InPerson);
        return result;
    }
};

std::vector<Activity> select_activities(soci::session& sql, const std::string& where,
                                        const std::vector<const std::string*>& texts,
                                        const std::vector<long long>& ids) {
    std::vector<Activity> found;
    ActivityColumns columns;
    db::fetch_rows(
        sql, kColumns + where, columns,
        [&](soci::statement& statement) {
            for (const long long& id : ids) // bound by reference: the caller's vector outlives the query
                statement.exchange(soci::use(id));
            for (const std::string* text : texts)
                statement.exchange(soci::use(*text));
        },
        [&](const Activity& activity) { found.push_back(activity); });
    return found;
}

} // namespace

std::vector<Activity> activities_of(soci::session& sql, long long trust_id, long long programme_id) {
    return select_activities(sql,
                             "WHERE trust_id = :trust AND programme_id = :programme ORDER BY position, id",
                             {}, {trust_id, programme_id});
}

std::map<long long, std::vector<Activity>> activities_by_programme(soci::session& sql, long long trust_id) {
    std::map<long long, std::vector<Activity>> by_programme;
    for (Activity& activity : select_activities(
             sql, "WHERE trust_id = :trust ORDER BY programme_id, position, id", {}, {trust_id}))
        by_programme[activity.programme_id].push_back(std::move(activity));
    return by_programme;
}

std::vector<Activity> activities_between(soci::session& sql, long long trust_id, const std::string& from,
                                         const std::string& to) {
    return select_activities(sql,
                             "WHERE trust_id = :trust AND starts_on >= :from AND starts_on <= :to ORDER BY "
                             "starts_on, starts_at, id",
                             {&from, &to}, {trust_id});
}

std::optional<Activity> find_activity(soci::session& sql, long long trust_id, long long activity_id) {
    auto found = select_activities(sql, "WHERE trust_id = :trust AND id = :id", {}, {trust_id, activity_id});
    if (found.empty())
        return std::nullopt;
    return found.front();
}

long long insert_activity(soci::session& sql, const Activity& activity) {
    const std::string kind = text_of(activity.kind), groups = people::text_of(activity.staff_groups),
                      mechanisms = text::joined(activity.mechanisms), delivery = text_of(activity.delivery);
    const long long now = db::now_seconds();
    long long id = 0;
    sql << kInsert, soci::use(activity.programme_id), soci::use(activity.trust_id), soci::use(kind),
        soci::use(activity.title), soci::use(activity.details), soci::use(activity.starts_on),
        soci::use(activity.starts_at), soci::use(activity.ends_at), soci::use(activity.due_on),
        soci::use(groups), soci::use(mechanisms), soci::use(delivery), soci::use(activity.venue),
        soci::use(activity.room), soci::use(activity.capacity), soci::use(activity.meeting_url),
        soci::use(activity.evidence), soci::use(activity.module_slug), soci::use(activity.prompt),
        soci::use(now), soci::use(now), soci::use(activity.trust_id), soci::use(activity.programme_id),
        soci::into(id);
    return id;
}

void update_activity(soci::session& sql, const Activity& activity) {
    const std::string kind = text_of(activity.kind), groups = people::text_of(activity.staff_groups),
                      mechanisms = text::joined(activity.mechanisms), delivery = text_of(activity.delivery);
    const long long now = db::now_seconds();
    sql << kUpdate, soci::use(kind), soci::use(activity.title), soci::use(activity.details),
        soci::use(activity.starts_on), soci::use(activity.starts_at), soci::use(activity.ends_at),
        soci::use(activity.due_on), soci::use(groups), soci::use(mechanisms), soci::use(delivery),
        soci::use(activity.venue), soci::use(activity.room), soci::use(activity.capacity),
        soci::use(activity.meeting_url), soci::use(activity.evidence), soci::use(activity.module_slug),
        soci::use(activity.prompt), soci::use(activity.revision), soci::use(now),
        soci::use(activity.trust_id), soci::use(activity.id);
}

void delete_activity(soci::session& sql, long long trust_id, long long activity_id) {
    sql << "DELETE FROM programme_activities WHERE trust_id = :trust AND id = :id", soci::use(trust_id),
        soci::use(activity_id);
}

void set_position(soci::session& sql, long long trust_id, long long activity_id, int position) {
    sql << "UPDATE programme_activities SET position = :position WHERE trust_id = :trust AND id = :id",
        soci::use(position), soci::use(trust_id), soci::use(activity_id);
}

std::vector<Activity> sessions_without_register(soci::session& sql, long long trust_id,
                                                const std::string& today) {
    return select_activities(
        sql,
        "WHERE trust_id = :trust AND kind = 'live' AND starts_on < :today AND NOT EXISTS (SELECT 1 "
        "FROM attendance_marks m WHERE m.trust_id = programme_activities.trust_id AND "
        "m.session_kind = 'activity' AND m.session_id = programme_activities.id) ORDER BY "
        "starts_on, id",
        {&today}, {trust_id});
}

std::string check_in_code_of(soci::session& sql, long long trust_id, long long activity_id) {
    std::string code;
    const bool found = db::read_one(
        sql, "SELECT check_in_code FROM programme_activities WHERE trust_id = :trust AND id = :id",
        soci::use(trust_id), soci::use(activity_id), soci::into(code));
    return found ? code : "";
}

void set_check_in_code(soci::session& sql, long long trust_id, long long activity_id,
                       const std::string& code) {
    sql << "UPDATE programme_activities SET check_in_code = :code WHERE trust_id = :trust AND id = :id",
        soci::use(code), soci::use(trust_id), soci::use(activity_id);
}

} // namespace trellis::programmes::activity_store
