#pragma once

#include <optional>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "learning/content/library.h"
#include "library/service.h"
#include "programmes/model.h"

namespace trellis::programmes {

// Rules for a programme's activities: only the programme's lead adds, changes, orders and removes
// them. A broken rule throws std::invalid_argument with a message for the person, and nothing is
// saved.
class ActivityService {
  public:
    ActivityService(db::Database& database, const learning::content::ContentLibrary& content,
                    library::Materials& materials)
        : m_database(database), m_content(content), m_materials(materials) {}

    std::vector<Activity> activities(const Programme& programme);
    std::optional<Activity> find(const Programme& programme, long long activity_id);
    long long add(const accounts::Actor& lead, const Programme& programme, const ActivityForm& form);
    // Changing the day or times raises the activity's revision, so calendars see it moved.
    void update(const accounts::Actor& lead, const Programme& programme, long long activity_id,
                const ActivityForm& form);
    // Swaps the activity with the one before it (up) or after it.
    void move(const accounts::Actor& lead, const Programme& programme, long long activity_id, bool up);
    void remove(const accounts::Actor& lead, const Programme& programme, long long activity_id);
    static ActivityForm form_of(const Activity& activity);
    // The people the activity is for, by surname (see people_expected in audience.h).
    std::vector<people::Person> people_for(const Programme& programme, const Activity& activity);

  private:
    Activity checked(const Programme& programme, const ActivityForm& form) const;

    db::Database& m_database;
    const learning::content::ContentLibrary& m_content;
    library::Materials& m_materials;
};

} // namespace trellis::programmes
