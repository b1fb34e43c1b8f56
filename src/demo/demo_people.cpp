#include "demo/demo_people.h"

#include "calendar/school_year.h"
#include "db/rows.h"
#include "priorities/store.h"
#include "text/words.h"

namespace trellis::demo {

long long id_of(soci::session& sql, long long trust_id, const std::string& email) {
    long long id = 0;
    const bool found = db::read_one(sql, "SELECT id FROM people WHERE trust_id = :trust AND email = :email",
                                    soci::use(trust_id), soci::use(email), soci::into(id));
    return found ? id : 0;
}

std::vector<std::pair<long long, long long>> staff_in(soci::session& sql, long long trust_id,
                                                      const std::string& group) {
    std::vector<std::pair<long long, long long>> people;
    long long id = 0, school = 0;
    auto statement = db::run_once(
        sql,
        "SELECT id, COALESCE(school_id, 0) FROM people WHERE trust_id = :trust AND staff_group = "
        ":grp AND left_at = 0 ORDER BY id",
        soci::into(id), soci::into(school), soci::use(trust_id), soci::use(group));
    while (statement.fetch())
        people.emplace_back(id, school);
    return people;
}

long long trust_priority(soci::session& sql, long long trust_id, const std::string& title) {
    for (const auto& priority : priorities::store::priorities_of(sql, trust_id, 0))
        if (text::lowered(priority.title) == text::lowered(title))
            return priority.id;
    priorities::Priority priority;
    priority.trust_id = trust_id;
    priority.title = title;
    return priorities::store::insert_priority(sql, priority);
}

std::string school_day_before(std::chrono::sys_days today, int days) {
    std::chrono::sys_days day = today - std::chrono::days(days);
    for (int step = 0; step < 21 && !calendar::is_school_day(calendar::text_of(day)); ++step)
        day -= std::chrono::days(1);
    return calendar::text_of(day);
}

} // namespace trellis::demo
