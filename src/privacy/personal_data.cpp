#include "privacy/personal_data.h"

#include <stdexcept>

#include "audit/store.h"
#include "people/store.h"
#include "privacy/store.h"

namespace trellis::privacy {

std::string PersonalData::export_json(long long trust_id, long long person_id) {
    auto session = m_database.lease();
    nlohmann::json document{{"about", "Everything Trellis holds about this person, table by table. Passwords "
                                      "and sign-in tokens are kept only as one-way hashes and are left out."},
                            {"exported_at", db::now_seconds()},
                            {"tables", store::rows_about(*session, trust_id, person_id)}};
    return document.dump(2) + "\n";
}

void PersonalData::erase(long long trust_id, long long actor_id, long long person_id) {
    if (person_id == actor_id)
        throw std::invalid_argument("You cannot erase your own data: ask another administrator.");
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    const auto person = people::store::find_person(sql, trust_id, person_id);
    if (!person)
        throw std::invalid_argument("There is no such person.");
    if (person->erased_at != 0)
        throw std::invalid_argument("This person's data is already erased.");
    if (person->role == people::Role::Admin)
        throw std::invalid_argument("An administrator's data cannot be erased: change their role first.");
    store::erase(sql, trust_id, person_id, person->full_name());
    audit::store::record(sql, trust_id, actor_id, "person_erased",
                         "Erased the data of a person (record " + std::to_string(person_id) + ")");
    transaction.commit();
}

} // namespace trellis::privacy
