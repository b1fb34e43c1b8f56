#include "db/person_batch.h"

#include <regex>
#include <stdexcept>

#include "db/rows.h"

namespace trellis::db {

namespace {

struct BatchColumns {
    long long read = 0;
    BatchRow row;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(read));
        statement.exchange(soci::into(row.id));
        statement.exchange(soci::into(row.text));
        statement.exchange(soci::into(row.more));
        statement.exchange(soci::into(row.first));
        statement.exchange(soci::into(row.second));
        statement.exchange(soci::into(row.third));
        statement.exchange(soci::into(row.fourth));
        statement.exchange(soci::into(row.fifth));
    }
    const BatchColumns& fetched() const { return *this; }
};

} // namespace

PersonBatch::PersonBatch(const std::vector<std::string>& queries) : m_reads(queries.size()) {
    if (queries.empty())
        throw std::invalid_argument("a batch needs at least one read");
    std::string joined;
    for (std::size_t i = 0; i < queries.size(); ++i) {
        const std::string n = std::to_string(i);
        joined += (i == 0 ? "SELECT " : " UNION ALL SELECT ") + n + ", r" + n + ".* FROM (" + queries[i] +
                  ") r" + n;
    }
    joined += " ORDER BY 1, 5 DESC, 2 DESC";
    static const std::regex parameter(":(trust|person)\\b");
    std::size_t copied = 0;
    for (auto found = std::sregex_iterator(joined.begin(), joined.end(), parameter);
         found != std::sregex_iterator(); ++found) {
        m_statement += joined.substr(copied, static_cast<std::size_t>(found->position()) - copied);
        m_statement += ":p" + std::to_string(m_is_person.size());
        m_is_person.push_back((*found)[1] == "person");
        copied = static_cast<std::size_t>(found->position() + found->length());
    }
    m_statement += joined.substr(copied);
}

std::vector<std::vector<BatchRow>> PersonBatch::read(soci::session& sql, long long trust_id,
                                                     long long person_id) const {
    std::vector<std::vector<BatchRow>> rows(m_reads);
    BatchColumns columns;
    fetch_rows(
        sql, m_statement, columns,
        [&](soci::statement& statement) {
            for (const bool is_person : m_is_person)
                statement.exchange(soci::use(is_person ? person_id : trust_id));
        },
        [&](const BatchColumns& row) { rows.at(static_cast<std::size_t>(row.read)).push_back(row.row); });
    return rows;
}

std::set<long long> ids_of(const std::vector<BatchRow>& rows) {
    std::set<long long> ids;
    for (const BatchRow& row : rows)
        ids.insert(row.id);
    return ids;
}

} // namespace trellis::db
