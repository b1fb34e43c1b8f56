#include "record/service.h"

#include <algorithm>
#include <stdexcept>

#include "calendar/school_year.h"
#include "record/store.h"

namespace trellis::record {

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
    }
    return "";
}

Span span_of(const std::vector<Entry>& entries, const std::string& from, const std::string& to) {
    Span span{from, to, {}, 0};
    constexpr EntryKind kinds[] = {
        EntryKind::Module,      EntryKind::WorkshopAttended, EntryKind::WorkshopPresented,
        EntryKind::SessionLive, EntryKind::SessionCaughtUp,  EntryKind::Collaboration};
    for (EntryKind kind : kinds) {
        Total total{kind, 0, 0};
        for (const Entry& entry : entries)
            if (entry.kind == kind && entry.day >= from && entry.day <= to) {
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

} // namespace trellis::record
