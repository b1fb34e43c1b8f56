#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "record/model.h"

namespace trellis::record {

// Hours of one kind over a span of days.
struct Total {
    EntryKind kind = EntryKind::Module;
    int minutes = 0;
    int count = 0;
};

// A span of days, both ends included ("YYYY-MM-DD"), with its totals by kind.
struct Span {
    std::string from, to;
    std::vector<Total> totals; // only kinds with something in them, in EntryKind order
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

  private:
    db::Database& m_database;
};

// The totals of the entries between two days, both included.
Span span_of(const std::vector<Entry>& entries, const std::string& from, const std::string& to);

} // namespace trellis::record
