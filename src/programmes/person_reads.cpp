#include "programmes/person_reads.h"

#include "attendance/store.h"
#include "feedback/store.h"
#include "programmes/reflection_store.h"
#include "programmes/store.h"

namespace trellis::programmes {

PersonReads::PersonReads(db::Database& database)
    : m_database(database),
      m_batch({store::kStatusRows, reflection_store::kWrittenRows, attendance::store::kActivitiesAttendedRows,
               feedback::store::kActivitiesAnsweredRows}) {}

PersonStanding PersonReads::read(const accounts::Actor& actor) {
    auto session = m_database.lease();
    const auto rows = m_batch.read(*session, actor.trust_id, actor.person_id);
    return {.statuses = store::statuses_from(rows[0]),
            .written = db::ids_of(rows[1]),
            .attended = db::ids_of(rows[2]),
            .gave_feedback = db::ids_of(rows[3])};
}

} // namespace trellis::programmes
