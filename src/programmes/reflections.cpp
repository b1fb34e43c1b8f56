#include "programmes/reflections.h"

#include <algorithm>
#include <stdexcept>

#include "calendar/london_time.h"
#include "programmes/audience.h"
#include "text/dates.h"
#include "text/words.h"

namespace trellis::programmes {

namespace {

constexpr std::size_t kLongestReflection = 4000;

bool expected_at(soci::session& sql, const Programme& programme, const Activity& activity,
                 long long person_id) {
    const auto expected = people_expected(sql, programme, activity);
    return std::any_of(expected.begin(), expected.end(),
                       [&](const people::Person& person) { return person.id == person_id; });
}

} // namespace

std::optional<reflection_store::Reflection> Reflections::of(const accounts::Actor& person,
                                                            const Activity& activity) {
    auto session = m_database.lease();
    return reflection_store::reflection_of(*session, activity.trust_id, activity.id, person.person_id);
}

void Reflections::write(const accounts::Actor& person, const Programme& programme, const Activity& activity,
                        const std::string& body) {
    if (!takes_reflection(activity))
        throw std::invalid_argument("Only practice tasks and follow-ups take a reflection.");
    const std::string text = text::trimmed(body);
    if (text.empty())
        throw std::invalid_argument("Write your reflection first: a few lines are enough.");
    if (text.size() > kLongestReflection)
        throw std::invalid_argument("Keep the reflection under 4,000 characters.");
    const std::string today = calendar::london_moment(db::now_seconds()).substr(0, 10);
    if (today < activity.starts_on)
        throw std::invalid_argument("This opens on " + text::long_date(activity.starts_on) +
                                    ": come back then to write about it.");
    db::Transaction transaction(m_database);
    auto& sql = transaction.session();
    if (!expected_at(sql, programme, activity, person.person_id))
        throw std::invalid_argument("This activity is not one of yours.");
    reflection_store::save_reflection(sql, activity.trust_id, activity.id, person.person_id, text);
    transaction.commit();
}

Reflections::Progress Reflections::progress(const Programme& programme, const Activity& activity) {
    auto session = m_database.lease();
    const auto writers = reflection_store::writers_of(*session, activity.trust_id, activity.id);
    Progress progress;
    for (const people::Person& person : people_expected(*session, programme, activity)) {
        ++progress.expected;
        progress.written += writers.count(person.id) ? 1 : 0;
    }
    return progress;
}

} // namespace trellis::programmes
