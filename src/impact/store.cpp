#include "impact/store.h"

#include "db/database.h"
#include "db/rows.h"

namespace trellis::impact::store {

std::optional<StoredPlan> plan_of(soci::session& sql, long long trust_id, long long programme_id) {
    long long reactions = 1;
    std::string measures;
    if (!db::read_one(
            sql,
            "SELECT reactions, measures FROM impact_plans WHERE trust_id = :trust AND programme_id = "
            ":programme",
            soci::use(trust_id), soci::use(programme_id), soci::into(reactions), soci::into(measures)))
        return std::nullopt;
    return StoredPlan{reactions != 0, measures};
}

void save_plan(soci::session& sql, long long trust_id, long long programme_id, const StoredPlan& plan) {
    const long long reactions = plan.reactions ? 1 : 0, now = db::now_seconds();
    sql << "DELETE FROM impact_plans WHERE trust_id = :trust AND programme_id = :programme",
        soci::use(trust_id), soci::use(programme_id);
    sql << "INSERT INTO impact_plans (programme_id, trust_id, reactions, measures, updated_at) VALUES "
           "(:programme, :trust, :reactions, :measures, :now)",
        soci::use(programme_id), soci::use(trust_id), soci::use(reactions), soci::use(plan.measures),
        soci::use(now);
}

std::vector<Outcome> outcomes_of(soci::session& sql, long long trust_id, long long programme_id) {
    std::vector<Outcome> outcomes;
    Outcome row;
    auto statement = db::run_once(
        sql,
        "SELECT o.id, o.school_id, s.name, o.term, o.measure, o.value FROM pupil_outcomes o "
        "JOIN schools s ON s.id = o.school_id AND s.trust_id = o.trust_id WHERE o.trust_id = "
        ":trust AND o.programme_id = :programme ORDER BY o.measure, s.name, o.term",
        soci::use(trust_id), soci::use(programme_id), soci::into(row.id), soci::into(row.school_id),
        soci::into(row.school_name), soci::into(row.term), soci::into(row.measure), soci::into(row.value));
    while (statement.fetch())
        outcomes.push_back(row);
    return outcomes;
}

void save_outcome(soci::session& sql, long long trust_id, long long programme_id, const Outcome& outcome,
                  long long entered_by) {
    const long long now = db::now_seconds();
    sql << "DELETE FROM pupil_outcomes WHERE trust_id = :trust AND programme_id = :programme AND school_id = "
           ":school AND term = :term AND measure = :measure",
        soci::use(trust_id), soci::use(programme_id), soci::use(outcome.school_id), soci::use(outcome.term),
        soci::use(outcome.measure);
    sql << "INSERT INTO pupil_outcomes (trust_id, programme_id, school_id, term, measure, value, entered_by, "
           "entered_at) VALUES (:trust, :programme, :school, :term, :measure, :value, :by, :now)",
        soci::use(trust_id), soci::use(programme_id), soci::use(outcome.school_id), soci::use(outcome.term),
        soci::use(outcome.measure), soci::use(outcome.value), soci::use(entered_by), soci::use(now);
}

bool delete_outcome(soci::session& sql, long long trust_id, long long programme_id, long long outcome_id) {
    auto statement =
        db::run_change(sql,
                       "DELETE FROM pupil_outcomes WHERE trust_id = :trust AND programme_id = :programme AND "
                       "id = :id",
                       soci::use(trust_id), soci::use(programme_id), soci::use(outcome_id));
    return statement.get_affected_rows() > 0;
}

} // namespace trellis::impact::store
