#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "record/model.h"

namespace trellis::record {

// Hours of one kind (or, for what the person logged, one category) over a span of days.
struct Total {
    std::string label;
    int minutes = 0;
    int count = 0;
};

// A span of days, both ends included ("YYYY-MM-DD"), with its totals by kind.
struct Span {
    std::string from, to;
    std::vector<Total> totals; // only kinds with something in them: Trellis's own first, then categories
    int minutes = 0;
};

struct Record {
    std::vector<Entry> entries; // newest first
    std::string year_label;     // "2026–27"
    Span year;                  // the school year holding `today`
    std::optional<Span> chosen; // the range the person asked for, when they asked
};

// Reads a person's own record. Only ever their own: the record is theirs (a lead sees figures
// across people elsewhere, never this page).
class CpdRecord {
  public:
    explicit CpdRecord(db::Database& database) : m_database(database) {}

    // `today` is "YYYY-MM-DD"; `from` and `to` bound a chosen range when both are real days in
    // order. Throws std::invalid_argument, saying why, for a range that is not.
    Record of(const accounts::Actor& person, const std::string& today, const std::string& from = "",
              const std::string& to = "");

    // What the person logs themselves. Each throws std::invalid_argument, saying why, and saves
    // nothing, for a day that is not a date or is after `today`, a category we do not know, no
    // title, a time that is not a number of hours, a link that is not a web address, or text too long.
    long long log(const accounts::Actor& person, const LogForm& form, const std::string& today);
    // Returns false when the person has no such entry (another's is never theirs to change).
    bool update(const accounts::Actor& person, long long entry_id, const LogForm& form,
                const std::string& today);
    bool remove(const accounts::Actor& person, long long entry_id);
    std::optional<Entry> find_own(const accounts::Actor& person, long long entry_id);
    static LogForm form_of(const Entry& entry);

    // The record by `today` as CSV, for an appraisal or an application: one line per entry.
    std::string csv(const accounts::Actor& person, const std::string& today);

  private:
    db::Database& m_database;
};

// The totals of the entries between two days, both included.
Span span_of(const std::vector<Entry>& entries, const std::string& from, const std::string& to);

} // namespace trellis::record
