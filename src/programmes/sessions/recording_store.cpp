#include "programmes/sessions/recording_store.h"

#include "db/database.h"
#include "db/rows.h"
#include "library/item_store.h"

namespace trellis::programmes::recording_store {

namespace {

std::vector<MissedSession> sessions(db::StatementRun& statement, MissedSession& row) {
    std::vector<MissedSession> found;
    while (statement.fetch())
        found.push_back(row);
    return found;
}

} // namespace

std::vector<Recorded> recorded(soci::session& sql, long long trust_id) {
    std::vector<Recorded> found;
    Recorded row;
    auto statement = db::run_once(
        sql,
        "SELECT a.programme_id, r.activity_id FROM recordings r JOIN programme_activities a ON a.id = "
        "r.activity_id AND a.trust_id = r.trust_id WHERE r.trust_id = :trust",
        soci::use(trust_id), soci::into(row.programme_id), soci::into(row.activity_id));
    while (statement.fetch())
        found.push_back(row);
    return found;
}

void list_in_library(soci::session& sql, long long trust_id, long long activity_id,
                     const std::string& caption_text, long long added_by) {
    library::Item item;
    long long programme_id = 0;
    std::string activity_title;
    if (!db::read_one(
            sql,
            "SELECT p.id, COALESCE(p.school_id, 0), p.title, a.title FROM programme_activities a JOIN "
            "programmes p ON "
            "p.id = a.programme_id AND p.trust_id = a.trust_id WHERE a.trust_id = :trust AND a.id = "
            ":activity",
            soci::use(trust_id), soci::use(activity_id), soci::into(programme_id), soci::into(item.school_id),
            soci::into(item.used_in_title), soci::into(activity_title)))
        return;
    const std::string programme_path = "/programmes/" + std::to_string(programme_id);
    item.used_in_id = activity_id;
    item.trust_id = trust_id;
    item.kind = library::ItemKind::Material;
    item.title = "Recording: " + activity_title;
    item.link = programme_path + "/activities/" + std::to_string(activity_id) + "/recording";
    item.body = caption_text;
    item.used_in_kind = "recording";
    item.used_in_title += ": " + activity_title;
    item.used_in_path = programme_path + "#activity-" + std::to_string(activity_id);
    item.added_by = added_by;
    library::item_store::keep(sql, item);
}

std::optional<Recording> recording_of(soci::session& sql, long long trust_id, long long activity_id) {
    Recording recording;
    if (!db::read_one(
            sql,
            "SELECT id, trust_id, activity_id, link, stored_name, content_type, bytes, captions_name, "
            "slides_name, slides_type FROM recordings WHERE trust_id = :trust AND activity_id = :activity",
            soci::use(trust_id), soci::use(activity_id), soci::into(recording.id),
            soci::into(recording.trust_id), soci::into(recording.activity_id), soci::into(recording.link),
            soci::into(recording.stored_name), soci::into(recording.content_type),
            soci::into(recording.bytes), soci::into(recording.captions_name),
            soci::into(recording.slides_name), soci::into(recording.slides_type)))
        return std::nullopt;
    return recording;
}

std::vector<std::string> replace_recording(soci::session& sql, const Recording& recording,
                                           long long added_by) {
    std::vector<std::string> replaced;
    if (auto old = recording_of(sql, recording.trust_id, recording.activity_id)) {
        for (const std::string& name : {old->stored_name, old->captions_name, old->slides_name})
            if (!name.empty() && name != recording.stored_name && name != recording.captions_name &&
                name != recording.slides_name)
                replaced.push_back(name);
        sql << "DELETE FROM recordings WHERE trust_id = :trust AND activity_id = :activity",
            soci::use(recording.trust_id), soci::use(recording.activity_id);
    }
    const long long now = db::now_seconds();
    // Only an activity of the trust can be given a recording, whatever id arrives.
    sql << "INSERT INTO recordings (trust_id, activity_id, link, stored_name, content_type, bytes, "
           "captions_name, slides_name, slides_type, added_by, added_at) SELECT trust_id, id, :link, "
           ":stored, "
           ":type, :bytes, :captions, :slides, :slides_type, :by, :at FROM programme_activities WHERE "
           "trust_id "
           "= :trust AND id = :activity",
        soci::use(recording.link), soci::use(recording.stored_name), soci::use(recording.content_type),
        soci::use(recording.bytes), soci::use(recording.captions_name), soci::use(recording.slides_name),
        soci::use(recording.slides_type), soci::use(added_by), soci::use(now), soci::use(recording.trust_id),
        soci::use(recording.activity_id);
    return replaced;
}

std::string missed_with_recording_query() {
    return "SELECT a.id, a.title, a.starts_on, a.programme_id, 0, 0, 0, 0 FROM attendance_marks m JOIN "
           "programme_activities a ON a.id = m.session_id AND a.trust_id = m.trust_id JOIN recordings r ON "
           "r.activity_id = a.id AND r.trust_id = a.trust_id WHERE m.trust_id = :trust AND m.session_kind = "
           "'activity' AND m.person_id = :person AND m.status = 'absent'";
}

std::vector<MissedSession> recordings_without_captions(soci::session& sql, long long trust_id) {
    MissedSession row;
    auto statement = db::run_once(
        sql,
        "SELECT a.programme_id, a.id, a.title FROM recordings r JOIN programme_activities a ON a.id "
        "= "
        "r.activity_id AND a.trust_id = r.trust_id WHERE r.trust_id = :trust AND r.stored_name <> '' "
        "AND r.captions_name = '' ORDER BY a.starts_on, a.id",
        soci::use(trust_id), soci::into(row.programme_id), soci::into(row.activity_id),
        soci::into(row.title));
    return sessions(statement, row);
}

} // namespace trellis::programmes::recording_store
