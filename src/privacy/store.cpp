#include "privacy/store.h"

#include <set>
#include <vector>

#include "db/database.h"

namespace trellis::privacy::store {

namespace {

// A table that holds a person's data, the column that names them, and columns never exported.
struct PersonalTable {
    const char* table;
    const char* person_column;
    std::set<std::string> secret_columns;
};

const std::vector<PersonalTable>& personal_tables() {
    static const std::vector<PersonalTable> tables{
        {"people", "id", {"password_hash"}},
        {"module_progress", "person_id", {}},
        {"block_progress", "person_id", {}},
        {"certificates", "person_id", {}},
        {"workshop_offers", "presenter_id", {}},
        {"offer_reviews", "reviewer_id", {}},
        {"event_reviewers", "person_id", {}},
        {"workshop_choices", "person_id", {}},
        {"placements", "person_id", {}},
        {"attendance_marks", "person_id", {}},
        {"feedback", "person_id", {}},
        {"materials", "uploaded_by", {}},
        {"notices", "person_id", {}},
        {"sessions", "person_id", {"token_hash", "csrf_token"}},
        {"password_resets", "person_id", {"token_hash"}},
        {"known_devices", "person_id", {"token_hash"}},
        {"staff_imports", "created_by", {"content"}},
        {"audit_events", "actor_id", {}},
        {"programme_members", "person_id", {}},
        {"programmes", "sponsor_id", {}},
        {"calendar_feeds", "person_id", {"token_hash"}},
        {"activity_reflections", "person_id", {}},
        {"collaboration_group_members", "person_id", {}},
        {"collaboration_groups", "written_by", {}},
        {"collaboration_groups", "created_by", {}},
        {"group_meetings", "written_by", {}},
        {"group_meeting_people", "person_id", {}},
        {"group_notes", "person_id", {}},
        {"group_resources", "added_by", {}},
        {"record_entries", "person_id", {}},
        {"surveys", "created_by", {}},
        {"survey_drafts", "person_id", {}},
        {"survey_answerers", "person_id", {}},
        {"survey_responses", "person_id", {}},
        {"coaching_steps", "created_by", {}},
        {"mentoring_pairs", "mentee_id", {}},
        {"mentoring_pairs", "mentor_id", {}},
        {"mentoring_meetings", "written_by", {}},
        {"peer_observations", "host_id", {}},
        {"peer_observations", "observer_id", {}},
        {"expertise_entries", "person_id", {}},
        {"expertise_topics", "person_id", {}},
        {"expertise_requests", "asker_id", {}},
        {"expertise_requests", "expert_id", {}},
        {"openid_identities", "person_id", {}},
        {"mail_outbox", "person_id", {}},
        {"mail_opt_outs", "person_id", {}},
        {"mail_digests", "person_id", {}},
        {"calendar_invitations", "person_id", {}},
        {"xapi_outbox", "person_id", {}},
    };
    return tables;
}

nlohmann::json value_of(const soci::row& row, std::size_t column) {
    if (row.get_indicator(column) == soci::i_null)
        return nullptr;
    switch (row.get_properties(column).get_data_type()) {
    case soci::dt_integer:
        return row.get<int>(column);
    case soci::dt_long_long:
        return row.get<long long>(column);
    case soci::dt_unsigned_long_long:
        return row.get<unsigned long long>(column);
    case soci::dt_double:
        return row.get<double>(column);
    default:
        return row.get<std::string>(column);
    }
}

// What the person said in surveys that kept their name, with each question's words: answers are
// stored against the response, not the person, so they are found through it. Anonymous responses
// keep no name, so they cannot be found here, nor by anyone.
nlohmann::json named_survey_answers(soci::session& sql, long long trust_id, long long person_id) {
    nlohmann::json rows = nlohmann::json::array();
    std::string survey, answered_on, prompt, picks, text;
    soci::statement statement =
        (sql.prepare
             << "SELECT s.title, r.answered_on, q.prompt, a.picks, a.answer_text FROM survey_answers a "
                "JOIN survey_responses r ON r.id = a.response_id AND r.trust_id = a.trust_id "
                "JOIN surveys s ON s.id = r.survey_id AND s.trust_id = r.trust_id "
                "JOIN survey_questions q ON q.id = a.question_id "
                "WHERE a.trust_id = :trust AND r.person_id = :person ORDER BY r.answered_on, q.position",
         soci::use(trust_id), soci::use(person_id), soci::into(survey), soci::into(answered_on),
         soci::into(prompt), soci::into(picks), soci::into(text));
    statement.execute(false);
    while (statement.fetch())
        rows.push_back({{"survey", survey},
                        {"answered_on", answered_on},
                        {"question", prompt},
                        {"picks", picks},
                        {"answer_text", text}});
    return rows;
}

} // namespace

nlohmann::json rows_about(soci::session& sql, long long trust_id, long long person_id) {
    nlohmann::json held = nlohmann::json::object();
    for (const PersonalTable& table : personal_tables()) {
        nlohmann::json rows = nlohmann::json::array();
        // The table and column names are constants above, never input.
        soci::rowset<soci::row> found =
            (sql.prepare << "SELECT * FROM " + std::string(table.table) + " WHERE trust_id = :trust AND " +
                                table.person_column + " = :person",
             soci::use(trust_id), soci::use(person_id));
        for (const soci::row& row : found) {
            nlohmann::json object = nlohmann::json::object();
            for (std::size_t column = 0; column < row.size(); ++column) {
                const std::string name = row.get_properties(column).get_name();
                if (!table.secret_columns.count(name))
                    object[name] = value_of(row, column);
            }
            rows.push_back(std::move(object));
        }
        // A table that names people in two columns (mentor and mentee) is listed once for each.
        const std::string key = held.contains(table.table)
                                    ? std::string(table.table) + " (" + table.person_column + ")"
                                    : std::string(table.table);
        held[key] = std::move(rows);
    }
    held["survey_answers"] = named_survey_answers(sql, trust_id, person_id);
    return held;
}

void erase(soci::session& sql, long long trust_id, long long person_id, const std::string& full_name) {
    const long long now = db::now_seconds();
    const std::string email = "erased-" + std::to_string(person_id) + "@erased.invalid";
    sql << "UPDATE people SET first_name = 'Erased', last_name = 'person', email = :email, job_title = '', "
           "subjects = '', password_hash = '', role = 'staff', left_at = CASE WHEN left_at = 0 THEN :now1 "
           "ELSE "
           "left_at END, erased_at = :now2, updated_at = :now3 WHERE trust_id = :trust AND id = :person",
        soci::use(email), soci::use(now), soci::use(now), soci::use(now), soci::use(trust_id),
        soci::use(person_id);
    for (const char* table : {"sessions", "password_resets", "known_devices", "notices", "calendar_feeds",
                              "activity_reflections", "record_entries", "survey_drafts", "survey_answerers",
                              "expertise_topics", "expertise_entries", "group_notes", "openid_identities",
                              "mail_outbox", "mail_opt_outs", "mail_digests", "calendar_invitations"})
        sql << "DELETE FROM " + std::string(table) + " WHERE trust_id = :trust AND person_id = :person",
            soci::use(trust_id), soci::use(person_id);
    // A named survey response stays in the figures without its name or its words.
    sql << "UPDATE survey_answers SET answer_text = '' WHERE trust_id = :trust AND response_id IN (SELECT id "
           "FROM survey_responses WHERE trust_id = :trust2 AND person_id = :person)",
        soci::use(trust_id), soci::use(trust_id), soci::use(person_id);
    sql << "UPDATE survey_responses SET person_id = NULL WHERE trust_id = :trust AND person_id = :person",
        soci::use(trust_id), soci::use(person_id);
    // A group's shared note is the group's, but no longer says who wrote it.
    sql << "UPDATE collaboration_groups SET written_by = NULL WHERE trust_id = :trust AND written_by = "
           ":person",
        soci::use(trust_id), soci::use(person_id);
    // A standing group's meeting stays in the others' records; the lines they wrote on it go.
    sql << "UPDATE group_meetings SET what_we_did = '' WHERE trust_id = :trust AND written_by = :person",
        soci::use(trust_id), soci::use(person_id);
    // What they wrote in a pair's meetings and as an observer goes; that the meetings and observations
    // happened stays in the other person's record.
    sql << "UPDATE mentoring_meetings SET discussed = '' WHERE trust_id = :trust AND written_by = :person",
        soci::use(trust_id), soci::use(person_id);
    sql << "UPDATE peer_observations SET what_i_saw = '', what_i_wondered = '', one_thing_to_try = '' WHERE "
           "trust_id = :trust AND observer_id = :person",
        soci::use(trust_id), soci::use(person_id);
    // Nobody need be kept apart from someone who is gone.
    sql << "DELETE FROM group_apart_requests WHERE trust_id = :trust AND (first_id = :first OR second_id = "
           ":second)",
        soci::use(trust_id), soci::use(person_id), soci::use(person_id);
    // What they asked colleagues for help with goes; that they asked stays in the expert's list.
    sql << "UPDATE expertise_requests SET about = '' WHERE trust_id = :trust AND asker_id = :person",
        soci::use(trust_id), soci::use(person_id);
    // What they wrote for themselves goes; whether a block or module was done stays.
    sql << "UPDATE block_progress SET state = '' WHERE trust_id = :trust AND person_id = :person",
        soci::use(trust_id), soci::use(person_id);
    sql << "UPDATE attendance_marks SET note = '' WHERE trust_id = :trust AND person_id = :person",
        soci::use(trust_id), soci::use(person_id);
    sql << "UPDATE feedback SET comment = '' WHERE trust_id = :trust AND person_id = :person",
        soci::use(trust_id), soci::use(person_id);
    sql << "UPDATE certificates SET person_name = 'Erased person' WHERE trust_id = :trust AND person_id = "
           ":person",
        soci::use(trust_id), soci::use(person_id);
    if (!full_name.empty())
        sql << "UPDATE audit_events SET summary = REPLACE(summary, :name, 'an erased person') WHERE trust_id "
               "= "
               ":trust",
            soci::use(full_name), soci::use(trust_id);
    // Committed staff files are no longer needed, and may list the person: their contents go.
    sql << "UPDATE staff_imports SET content = '' WHERE trust_id = :trust AND status = 'committed'",
        soci::use(trust_id);
}

} // namespace trellis::privacy::store
