#include "record/service.h"

#include <algorithm>
#include <stdexcept>

#include "calendar/school_year.h"
#include "db/database.h"
#include "people/staff_csv.h"
#include "record/logged_store.h"
#include "record/store.h"
#include "text/form_values.h"
#include "text/words.h"

namespace trellis::record {

std::string text_of(Category category) {
    switch (category) {
    case Category::Reading:
        return "reading";
    case Category::Podcast:
        return "podcast";
    case Category::Visit:
        return "visit";
    case Category::Course:
        return "course";
    case Category::Research:
        return "research";
    case Category::Other:
        return "other";
    }
    return "other";
}

std::optional<Category> category_from_text(const std::string& text) {
    for (Category category : kCategories)
        if (text_of(category) == text)
            return category;
    return std::nullopt;
}

std::string label_of(Category category) {
    switch (category) {
    case Category::Reading:
        return "Professional reading";
    case Category::Podcast:
        return "Podcast or webinar";
    case Category::Visit:
        return "Visit to another school";
    case Category::Course:
        return "External course";
    case Category::Research:
        return "Classroom research";
    case Category::Other:
        return "Other learning";
    }
    return "Other learning";
}

std::string time_spent(int minutes) {
    if (minutes == 0)
        return "–";
    const int whole = minutes / 60, rest = minutes % 60;
    if (whole == 0)
        return std::to_string(rest) + " min";
    return std::to_string(whole) + (whole == 1 ? " hour" : " hours") +
           (rest ? " " + std::to_string(rest) + " min" : "");
}

std::string label_of(const Entry& entry) {
    return entry.kind == EntryKind::Logged ? label_of(entry.category) : label_of(entry.kind);
}

std::string label_of(EntryKind kind) {
    switch (kind) {
    case EntryKind::Module:
        return "Online module completed";
    case EntryKind::WorkshopAttended:
        return "Training-day workshop attended";
    case EntryKind::WorkshopPresented:
        return "Training-day workshop presented";
    case EntryKind::SessionLive:
        return "Programme session attended";
    case EntryKind::SessionCaughtUp:
        return "Programme session caught up from the recording";
    case EntryKind::Collaboration:
        return "Collaboration group";
    case EntryKind::GroupMeeting:
        return "Group meeting";
    case EntryKind::MentoringGiven:
        return "Mentoring or coaching given";
    case EntryKind::MentoringReceived:
        return "Mentoring or coaching received";
    case EntryKind::ObservationGiven:
        return "Peer observation given";
    case EntryKind::ObservationReceived:
        return "Peer observation received";
    case EntryKind::Logged:
        return "Logged by you";
    }
    return "";
}

Span span_of(const std::vector<Entry>& entries, const std::string& from, const std::string& to) {
    Span span{from, to, {}, 0};
    std::vector<std::string> labels;
    for (EntryKind kind : {EntryKind::Module, EntryKind::WorkshopAttended, EntryKind::WorkshopPresented,
                           EntryKind::SessionLive, EntryKind::SessionCaughtUp, EntryKind::Collaboration,
                           EntryKind::GroupMeeting, EntryKind::MentoringGiven, EntryKind::MentoringReceived,
                           EntryKind::ObservationGiven, EntryKind::ObservationReceived})
        labels.push_back(label_of(kind));
    for (Category category : kCategories)
        labels.push_back(label_of(category));
    for (const std::string& label : labels) {
        Total total{label, 0, 0};
        for (const Entry& entry : entries)
            if (entry.day >= from && entry.day <= to && label_of(entry) == label) {
                total.minutes += entry.minutes;
                ++total.count;
            }
        if (total.count > 0) {
            span.minutes += total.minutes;
            span.totals.push_back(total);
        }
    }
    return span;
}
Record CpdRecord::of(const accounts::Actor& person, const std::string& today, const std::string& from,
                     const std::string& to) {
    std::optional<std::pair<std::string, std::string>> range;
    if (!from.empty() || !to.empty()) {
        if (!calendar::parse_day(from) || !calendar::parse_day(to))
            throw std::invalid_argument("Give both days of the range as dates.");
        if (to < from)
            throw std::invalid_argument("The range must end on or after the day it starts.");
        range = {from, to};
    }
    Record record;
    {
        auto session = m_database.lease();
        record.entries = store::entries_of(*session, person.trust_id, person.person_id);
    }
    // A group that meets next term, or a published workshop still to run, is not yet done.
    std::erase_if(record.entries, [&](const Entry& entry) { return entry.day > today; });
    std::sort(record.entries.begin(), record.entries.end(), [](const Entry& a, const Entry& b) {
        return a.day != b.day ? a.day > b.day : a.title < b.title;
    });
    const int starts_in = calendar::school_year_starting(today);
    record.year_label = calendar::school_year(starts_in).label;
    record.year = span_of(record.entries, std::to_string(starts_in) + "-09-01",
                          std::to_string(starts_in + 1) + "-08-31");
    if (range)
        record.chosen = span_of(record.entries, range->first, range->second);
    return record;
}

namespace {

constexpr std::size_t kLongestTitle = 200, kLongestLink = 500, kLongestReflection = 4000;

// Hours typed as a number ("1", "1.5", "0.25"), as whole minutes; nullopt when it is not one from a
// minute to 100 hours.
std::optional<int> minutes_of(const std::string& typed) {
    const std::string text = text::trimmed(typed);
    if (text.empty() || text.size() > 8 || text.find_first_not_of("0123456789.") != std::string::npos ||
        std::count(text.begin(), text.end(), '.') > 1 || text == ".")
        return std::nullopt;
    const int minutes = static_cast<int>(std::stod(text) * 60 + 0.5);
    if (minutes < 1 || minutes > 100 * 60)
        return std::nullopt;
    return minutes;
}

Entry entry_from(const LogForm& form, const std::string& today) {
    Entry entry;
    entry.kind = EntryKind::Logged;
    entry.day = text::trimmed(form.day);
    if (!calendar::parse_day(entry.day) || entry.day > today)
        throw std::invalid_argument("Give the day as a date, today or before.");
    const auto category = category_from_text(form.category);
    if (!category)
        throw std::invalid_argument("Choose what kind of learning it was.");
    entry.category = *category;
    entry.title = text::trimmed(form.title);
    if (entry.title.empty() || entry.title.size() > kLongestTitle)
        throw std::invalid_argument("Say what it was, in up to 200 characters.");
    const auto minutes = minutes_of(form.hours);
    if (!minutes)
        throw std::invalid_argument("Give the time it took in hours, for example 1.5 (up to 100).");
    entry.minutes = *minutes;
    entry.link = text::trimmed(form.link);
    if (!entry.link.empty() && !text::is_web_address(entry.link, kLongestLink))
        throw std::invalid_argument("A link must be a web address starting with https://.");
    entry.reflection = text::trimmed(form.reflection);
    if (entry.reflection.size() > kLongestReflection)
        throw std::invalid_argument("Keep the reflection to 4,000 characters.");
    entry.shared = form.shared;
    return entry;
}

std::string hours_text(int minutes) {
    const int tenths = (minutes + 3) / 6; // hours to one decimal place, rounded
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

} // namespace

long long CpdRecord::log(const accounts::Actor& person, const LogForm& form, const std::string& today) {
    const Entry entry = entry_from(form, today);
    db::Transaction transaction(m_database);
    const long long id =
        logged_store::insert(transaction.session(), person.trust_id, person.person_id, entry);
    transaction.commit();
    return id;
}

bool CpdRecord::update(const accounts::Actor& person, long long entry_id, const LogForm& form,
                       const std::string& today) {
    Entry entry = entry_from(form, today);
    entry.logged_id = entry_id;
    db::Transaction transaction(m_database);
    if (!logged_store::update(transaction.session(), person.trust_id, person.person_id, entry))
        return false;
    transaction.commit();
    return true;
}

bool CpdRecord::remove(const accounts::Actor& person, long long entry_id) {
    db::Transaction transaction(m_database);
    if (!logged_store::remove(transaction.session(), person.trust_id, person.person_id, entry_id))
        return false;
    transaction.commit();
    return true;
}

std::optional<Entry> CpdRecord::find_own(const accounts::Actor& person, long long entry_id) {
    auto session = m_database.lease();
    return logged_store::find(*session, person.trust_id, person.person_id, entry_id);
}

LogForm CpdRecord::form_of(const Entry& entry) {
    std::string hours = hours_text(entry.minutes);
    if (hours.size() > 2 && hours.compare(hours.size() - 2, 2, ".0") == 0)
        hours.erase(hours.size() - 2);
    return {entry.day,  text_of(entry.category), entry.title, hours,
            entry.link, entry.reflection,        entry.shared};
}

std::string CpdRecord::csv(const accounts::Actor& person, const std::string& today) {
    using people::csv_field;
    std::string out = "day,kind,what,part_of,hours,link,reflection\r\n";
    for (const Entry& entry : of(person, today).entries)
        out += csv_field(entry.day) + "," + csv_field(label_of(entry)) + "," + csv_field(entry.title) + "," +
               csv_field(entry.context) + "," + (entry.minutes ? hours_text(entry.minutes) : "") + "," +
               csv_field(entry.link) + "," + csv_field(entry.reflection) + "\r\n";
    return out;
}

} // namespace trellis::record
