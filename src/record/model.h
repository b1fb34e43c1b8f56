#pragma once

#include <optional>
#include <string>
#include <vector>

// Each person's record of professional development: what Trellis already knows (modules completed,
// training-day workshops attended or presented, programme sessions attended live or caught up from a
// recording, collaboration groups met in, mentoring and coaching meetings, peer observations given and
// received) and what the person logs themselves (schema:
// 0018_record_entries.sql).
namespace trellis::record {

enum class EntryKind {
    Module,
    WorkshopAttended,
    WorkshopPresented,
    SessionLive,
    SessionCaughtUp,
    Collaboration, // in a group made for one collaboration time of a programme
    GroupMeeting,  // a meeting of a standing group
    MentoringGiven,
    MentoringReceived,
    ObservationGiven,
    ObservationReceived,
    Logged // logged by the person: see Category
};
std::string label_of(EntryKind kind);

// What a person logs for themselves, as stored in record_entries.category.
enum class Category { Reading, Podcast, Visit, Course, Research, Other };
inline constexpr Category kCategories[] = {Category::Reading, Category::Podcast,  Category::Visit,
                                           Category::Course,  Category::Research, Category::Other};
std::string text_of(Category category);
std::optional<Category> category_from_text(const std::string& text);
std::string label_of(Category category);

struct Entry {
    std::string day; // YYYY-MM-DD
    EntryKind kind = EntryKind::Module;
    Category category = Category::Other; // for Logged entries
    std::string title;
    std::string context;     // the event or programme it was part of
    int minutes = 0;         // 0 when not known
    std::string link;        // the page it came from, or where to find it
    long long logged_id = 0; // for Logged entries: the row, to edit or remove it
    std::string reflection;  // for Logged entries: private unless shared
    bool shared = false;
};

// "Training-day workshop attended", or a logged entry's category ("Professional reading").
std::string label_of(const Entry& entry);

// Time spent in words: "1 hour 30 min", "45 min", or "–" for none known.
std::string time_spent(int minutes);

// A logged entry as typed into its form.
struct LogForm {
    std::string day, category, title, hours, link, reflection;
    bool shared = false;
};

} // namespace trellis::record
