#include "attendance/store.h"

#include "db/database.h"
#include "db/rows.h"

namespace trellis::attendance::store {

std::map<long long, StoredMark> marks_of(soci::session& sql, long long trust_id, SessionRef session) {
    std::map<long long, StoredMark> marks;
    const std::string kind = text_of(session.kind);
    long long person_id = 0;
    std::string status, how;
    auto statement =
        db::run_once(sql,
                     "SELECT person_id, status, how FROM attendance_marks WHERE trust_id = :trust AND "
                     "session_kind = :kind AND session_id = :session",
                     soci::use(trust_id), soci::use(kind), soci::use(session.id), soci::into(person_id),
                     soci::into(status), soci::into(how));
    while (statement.fetch())
        marks[person_id] = StoredMark{status == "present", status == "caught_up", how};
    return marks;
}

std::optional<StoredMark> mark_of(soci::session& sql, long long trust_id, SessionRef session,
                                  long long person_id) {
    const std::string kind = text_of(session.kind);
    std::string status, how;
    soci::indicator found = soci::i_null;
    if (!db::read_one(
            sql,
            "SELECT status, how FROM attendance_marks WHERE trust_id = :trust AND session_kind = :kind AND "
            "session_id = :session AND person_id = :person",
            soci::use(trust_id), soci::use(kind), soci::use(session.id), soci::use(person_id),
            soci::into(status, found), soci::into(how)))
        return std::nullopt;
    return StoredMark{status == "present", status == "caught_up", how};
}

const char* const kActivitiesAttendedRows =
    "SELECT session_id, '', '', 0, 0, 0, 0, 0 FROM attendance_marks WHERE trust_id = :trust AND person_id = "
    ":person AND session_kind = 'activity' AND status IN ('present', 'caught_up')";

void save_register(soci::session& sql, long long trust_id, SessionRef session, long long marked_by,
                   const std::vector<RegisterEntry>& entries) {
    const std::string kind = text_of(session.kind), how = text_of(How::Register);
    const long long now = db::now_seconds();
    for (const RegisterEntry& entry : entries) {
        const std::string status = entry.present.value_or(false) ? "present" : "absent";
        sql << "DELETE FROM attendance_marks WHERE trust_id = :trust AND session_kind = :kind AND session_id "
               "= "
               ":session AND person_id = :person",
            soci::use(trust_id), soci::use(kind), soci::use(session.id), soci::use(entry.person_id);
        sql << "INSERT INTO attendance_marks (trust_id, session_kind, session_id, person_id, status, how, "
               "marked_by, "
               "marked_at) VALUES (:trust, :kind, :session, :person, :status, :how, :by, :at)",
            soci::use(trust_id), soci::use(kind), soci::use(session.id), soci::use(entry.person_id),
            soci::use(status), soci::use(how), soci::use(marked_by), soci::use(now);
    }
}

bool check_in(soci::session& sql, long long trust_id, SessionRef session, long long person_id, How how) {
    const std::string kind = text_of(session.kind), how_text = text_of(how);
    long long present = 0;
    db::read_one(sql,
                 "SELECT COUNT(*) FROM attendance_marks WHERE trust_id = :trust AND session_kind = :kind AND "
                 "session_id = "
                 ":session AND person_id = :person AND status = 'present'",
                 soci::use(trust_id), soci::use(kind), soci::use(session.id), soci::use(person_id),
                 soci::into(present));
    if (present)
        return false;
    const long long now = db::now_seconds();
    sql << "DELETE FROM attendance_marks WHERE trust_id = :trust AND session_kind = :kind AND session_id = "
           ":session "
           "AND person_id = :person",
        soci::use(trust_id), soci::use(kind), soci::use(session.id), soci::use(person_id);
    sql << "INSERT INTO attendance_marks (trust_id, session_kind, session_id, person_id, status, how, "
           "marked_by, "
           "marked_at) VALUES (:trust, :kind, :session, :person, 'present', :how, :by, :at)",
        soci::use(trust_id), soci::use(kind), soci::use(session.id), soci::use(person_id),
        soci::use(how_text), soci::use(person_id), soci::use(now);
    return true;
}

void catch_up(soci::session& sql, long long trust_id, SessionRef session, long long person_id,
              const std::string& note) {
    const std::string kind = text_of(session.kind), how = text_of(How::Recording);
    const long long now = db::now_seconds();
    sql << "DELETE FROM attendance_marks WHERE trust_id = :trust AND session_kind = :kind AND session_id = "
           ":session "
           "AND person_id = :person AND status <> 'present'",
        soci::use(trust_id), soci::use(kind), soci::use(session.id), soci::use(person_id);
    sql << "INSERT INTO attendance_marks (trust_id, session_kind, session_id, person_id, status, how, "
           "marked_by, "
           "marked_at, note) SELECT :trust, :kind, :session, :person, 'caught_up', :how, :by, :at, :note "
           "WHERE NOT "
           "EXISTS (SELECT 1 FROM attendance_marks WHERE session_kind = :kind2 AND session_id = :session2 "
           "AND "
           "person_id = :person2)",
        soci::use(trust_id), soci::use(kind), soci::use(session.id), soci::use(person_id), soci::use(how),
        soci::use(person_id), soci::use(now), soci::use(note), soci::use(kind), soci::use(session.id),
        soci::use(person_id);
}

void forget_session(soci::session& sql, long long trust_id, SessionRef session) {
    const std::string kind = text_of(session.kind);
    sql << "DELETE FROM attendance_marks WHERE trust_id = :trust AND session_kind = :kind AND session_id = "
           ":session",
        soci::use(trust_id), soci::use(kind), soci::use(session.id);
}

} // namespace trellis::attendance::store
