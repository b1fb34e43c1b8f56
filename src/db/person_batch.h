#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include <soci/soci.h>

namespace trellis::db {

// A row of one read in a PersonBatch. What each column means is the reading area's own; a query
// gives all eight, in this order, with '' and 0 for those it does not use.
struct BatchRow {
    long long id = 0;
    std::string text;
    std::string more;
    long long first = 0;
    long long second = 0;
    long long third = 0;
    long long fourth = 0;
    long long fifth = 0;
};

// Several reads of one person, each a query of BatchRow's columns naming the trust :trust and the
// person :person wherever it needs them, asked as one statement. On PostgreSQL every statement is a
// round trip (about a tenth of a millisecond on a busy two-core server), and the most visited
// pages ask for several small reads of the person on every view.
class PersonBatch {
  public:
    explicit PersonBatch(const std::vector<std::string>& queries);

    // One list of rows per query, in the order the queries were given. Each list comes ordered by
    // `first` and then `id`, both descending (the newest first, for reads keyed by a time).
    std::vector<std::vector<BatchRow>> read(soci::session& sql, long long trust_id,
                                            long long person_id) const;

    // The statement as run, and for each of its parameters in order whether it is the person (else
    // the trust): every use of :trust and :person is a parameter of its own, bound by position,
    // since SQLite gives every use of one name a single parameter.
    const std::string& statement() const { return m_statement; }
    const std::vector<bool>& person_parameters() const { return m_is_person; }

  private:
    std::string m_statement;
    std::vector<bool> m_is_person;
    std::size_t m_reads = 0;
};

// The ids of a read's rows, for reads that say only which things the person has (done, written...).
std::set<long long> ids_of(const std::vector<BatchRow>& rows);

} // namespace trellis::db
