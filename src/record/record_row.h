#pragma once

#include <string>

#include <soci/soci.h>

namespace trellis::record {

// A row of the one read of a person's whole record (store::entries_of). Every part of that read
// selects these columns, each giving them the meanings its comment says: the record page is
// read on every view, and on PostgreSQL each statement is a round trip of its own.
struct RecordRow {
    std::string day, title, context, starts_at, ends_at;
    long long id = 0, other_id = 0, minutes = 0;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(day));
        statement.exchange(soci::into(title));
        statement.exchange(soci::into(context));
        statement.exchange(soci::into(starts_at));
        statement.exchange(soci::into(ends_at));
        statement.exchange(soci::into(id));
        statement.exchange(soci::into(other_id));
        statement.exchange(soci::into(minutes));
    }
    RecordRow fetched() const { return *this; }
};

} // namespace trellis::record
