#include "events/choices/choice_store.h"

#include <algorithm>

#include "db/database.h"
#include "db/rows.h"

namespace trellis::events::store {

namespace {

// Who takes part (model.h's takes_part, in SQL): the central team (no school) and the event's
// schools; then, when the event names staff groups, only those (staff_groups_condition).
constexpr const char* kTakingPart =
    "FROM people p LEFT JOIN schools s ON s.id = p.school_id AND s.trust_id = p.trust_id WHERE p.trust_id = "
    ":trust AND p.left_at = 0 AND (p.school_id IS NULL OR p.school_id IN "
    "(SELECT school_id FROM event_schools WHERE trust_id = :trust2 AND event_id = :event)) ";
constexpr const char* kParticipantColumns =
    "SELECT p.id, p.first_name, p.last_name, p.email, COALESCE(p.school_id, 0), COALESCE(s.name, 'Central "
    "team'), p.staff_group, p.phase ";
constexpr const char* kByName = "ORDER BY p.last_name, p.first_name, p.id";
constexpr const char* kOnePerson = "AND p.id = :person";
constexpr const char* kChoicesOfEvent =
    "SELECT person_id, choice_rank, offer_id FROM workshop_choices "
    "WHERE trust_id = :trust AND event_id = :event ORDER BY person_id, choice_rank";
constexpr const char* kChoicesOfPerson =
    "SELECT person_id, choice_rank, offer_id FROM workshop_choices "
    "WHERE trust_id = :trust AND event_id = :event AND person_id = :person ORDER BY choice_rank";
constexpr const char* kDeleteChoices =
    "DELETE FROM workshop_choices WHERE trust_id = :trust AND event_id = :event AND person_id = :person";
// The offer must be an approved one of the same event and trust, or nothing is inserted.
constexpr const char* kInsertChoice =
    "INSERT INTO workshop_choices (event_id, trust_id, person_id, choice_rank, offer_id, updated_at) "
    "SELECT :event, :trust, :person, :rank, id, :now FROM workshop_offers "
    "WHERE trust_id = :trust2 AND event_id = :event2 AND id = :offer AND status = 'approved'";

struct ParticipantColumns {
    Participant participant;
    std::string group;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(participant.id));
        statement.exchange(soci::into(participant.first_name));
        statement.exchange(soci::into(participant.last_name));
        statement.exchange(soci::into(participant.email));
        statement.exchange(soci::into(participant.school_id));
        statement.exchange(soci::into(participant.school_name));
        statement.exchange(soci::into(group));
        statement.exchange(soci::into(participant.phase));
    }
    Participant fetched() const {
        Participant result = participant;
        result.group = people::staff_group_from_text(group).value_or(people::StaffGroup::Teacher);
        return result;
    }
};

struct ChoiceColumns {
    Choice choice;
    long long rank = 0;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(choice.person_id));
        statement.exchange(soci::into(rank));
        statement.exchange(soci::into(choice.offer_id));
    }
    Choice fetched() const {
        Choice result = choice;
        result.rank = static_cast<int>(rank);
        return result;
    }
};

// "AND p.staff_group IN (...)" with one parameter per group the event names; empty when it names none.
std::string staff_groups_condition(const Event& event) {
    if (event.staff_groups.empty())
        return "";
    std::string condition = "AND p.staff_group IN (";
    for (std::size_t index = 0; index < event.staff_groups.size(); ++index)
        condition += (index ? ", :group" : ":group") + std::to_string(index);
    return condition + ") ";
}

// Runs `columns` + who takes part + `tail`, binding the trust, the event, its staff groups and (when
// not 0) the person, and hands each row to `row`'s visit.
template <typename Row, typename Visit>
void taking_part(soci::session& sql, const Event& event, const std::string& columns, const std::string& tail,
                 long long person_id, Row& row, Visit visit) {
    long long trust_id = event.trust_id, event_id = event.id;
    std::vector<std::string> groups;
    for (const people::StaffGroup group : event.staff_groups)
        groups.push_back(people::text_of(group));
    db::fetch_rows(
        sql, columns + kTakingPart + staff_groups_condition(event) + tail, row,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(event_id));
            for (const std::string& group : groups)
                statement.exchange(soci::use(group));
            if (person_id)
                statement.exchange(soci::use(person_id));
        },
        visit);
}

std::vector<Participant> participants_where(soci::session& sql, const Event& event, const std::string& tail,
                                            long long person_id) {
    std::vector<Participant> rows;
    ParticipantColumns columns;
    taking_part(sql, event, kParticipantColumns, tail, person_id, columns,
                [&](const Participant& row) { rows.push_back(row); });
    return rows;
}

struct CountColumn {
    long long count = 0;
    void exchange_into(soci::statement& statement) { statement.exchange(soci::into(count)); }
    long long fetched() const { return count; }
};

std::vector<Choice> choices_where(soci::session& sql, const char* query, long long trust_id,
                                  long long event_id, long long person_id) {
    std::vector<Choice> rows;
    ChoiceColumns columns;
    db::fetch_rows(
        sql, query, columns,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(event_id));
            if (person_id)
                statement.exchange(soci::use(person_id));
        },
        [&](const Choice& row) { rows.push_back(row); });
    return rows;
}

} // namespace

std::vector<Participant> participants(soci::session& sql, const Event& event) {
    return participants_where(sql, event, kByName, 0);
}

std::vector<Participant> participant(soci::session& sql, const Event& event, long long person_id) {
    return participants_where(sql, event, kOnePerson, person_id);
}

long long count_participants(soci::session& sql, const Event& event) {
    CountColumn column;
    long long count = 0;
    taking_part(sql, event, "SELECT COUNT(*) ", "", 0, column, [&](long long counted) { count = counted; });
    return count;
}

std::vector<Choice> choices_of_event(soci::session& sql, long long trust_id, long long event_id) {
    return choices_where(sql, kChoicesOfEvent, trust_id, event_id, 0);
}

std::vector<Choice> choices_of_person(soci::session& sql, long long trust_id, long long event_id,
                                      long long person_id) {
    return choices_where(sql, kChoicesOfPerson, trust_id, event_id, person_id);
}

void replace_choices(soci::session& sql, long long trust_id, long long event_id, long long person_id,
                     const std::vector<long long>& offer_ids) {
    sql << kDeleteChoices, soci::use(trust_id), soci::use(event_id), soci::use(person_id);
    const long long now = db::now_seconds();
    for (std::size_t index = 0; index < offer_ids.size(); ++index) {
        const long long rank = static_cast<long long>(index) + 1;
        sql << kInsertChoice, soci::use(event_id), soci::use(trust_id), soci::use(person_id), soci::use(rank),
            soci::use(now), soci::use(trust_id), soci::use(event_id), soci::use(offer_ids[index]);
    }
}

} // namespace trellis::events::store
