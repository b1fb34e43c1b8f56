#include "people/store.h"

#include "db/database.h"
#include "db/rows.h"

namespace trellis::people::store {

namespace {

constexpr const char* kPersonColumns =
    "SELECT p.id, p.trust_id, COALESCE(p.school_id, 0), COALESCE(s.name, ''), p.email, p.first_name, "
    "p.last_name, p.staff_group, p.job_title, p.phase, p.subjects, p.role, p.left_at, p.erased_at "
    "FROM people p LEFT JOIN schools s ON s.id = p.school_id AND s.trust_id = p.trust_id ";
constexpr const char* kInsertPerson =
    "INSERT INTO people (trust_id, school_id, email, first_name, last_name, staff_group, job_title, phase, "
    "subjects, role, password_hash, created_at, updated_at) VALUES (:trust, :school, :email, :first, :last, "
    ":grp, :job, :phase, :subjects, :role, :hash, :now1, :now2) RETURNING id";
constexpr const char* kFindCredentials =
    "SELECT id, trust_id, password_hash FROM people WHERE email = :email AND left_at = 0";
constexpr const char* kPasswordHash = "SELECT password_hash FROM people WHERE trust_id = :trust AND id = :id";
constexpr const char* kSetPasswordHash =
    "UPDATE people SET password_hash = :hash, updated_at = :now WHERE trust_id = :trust AND id = :id";
constexpr const char* kUpsertStaff =
    "INSERT INTO people (trust_id, school_id, email, first_name, last_name, staff_group, job_title, phase, "
    "subjects, role, password_hash, created_at, updated_at) VALUES (:trust, :school, :email, :first, :last, "
    ":grp, :job, :phase, :subjects, :role, :hash, :now1, :now2) "
    "ON CONFLICT (email) DO UPDATE SET school_id = excluded.school_id, first_name = excluded.first_name, "
    "last_name = excluded.last_name, staff_group = excluded.staff_group, job_title = excluded.job_title, "
    "phase = excluded.phase, subjects = excluded.subjects, updated_at = excluded.updated_at "
    "WHERE people.trust_id = excluded.trust_id";
constexpr const char* kUpdatePerson =
    "UPDATE people SET first_name = :first, last_name = :last, email = :email, school_id = :school, "
    "staff_group = :grp, job_title = :job, role = :role, updated_at = :now WHERE trust_id = :trust AND id = "
    ":id";
constexpr const char* kSetLeftAt =
    "UPDATE people SET left_at = :left, updated_at = :now WHERE trust_id = :trust AND id = :id";
constexpr const char* kFirstAdmin =
    "SELECT id FROM people WHERE trust_id = :trust AND role = 'admin' ORDER BY id LIMIT 1";
constexpr const char* kInsertImport =
    "INSERT INTO staff_imports (trust_id, created_by, created_at, filename, content, status, rows_total) "
    "VALUES (:trust, :by, :now, :filename, :content, 'previewed', :rows) RETURNING id";
constexpr const char* kFindImport =
    "SELECT id, created_by, filename, content, status, rows_total, rows_created, rows_updated "
    "FROM staff_imports WHERE trust_id = :trust AND id = :id";
constexpr const char* kImportStatus = "SELECT status FROM staff_imports WHERE trust_id = :trust AND id = :id";
constexpr const char* kMarkImportCommitted =
    "UPDATE staff_imports SET status = 'committed', rows_created = :created, rows_updated = :updated "
    "WHERE trust_id = :trust AND id = :id";

// The columns of kPersonColumns, bound by position to one reusable row.
struct PersonColumns {
    Person person;
    std::string staff_group;
    std::string role;

    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(person.id));
        statement.exchange(soci::into(person.trust_id));
        statement.exchange(soci::into(person.school_id));
        statement.exchange(soci::into(person.school_name));
        statement.exchange(soci::into(person.email));
        statement.exchange(soci::into(person.first_name));
        statement.exchange(soci::into(person.last_name));
        statement.exchange(soci::into(staff_group));
        statement.exchange(soci::into(person.job_title));
        statement.exchange(soci::into(person.phase));
        statement.exchange(soci::into(person.subjects));
        statement.exchange(soci::into(role));
        statement.exchange(soci::into(person.left_at));
        statement.exchange(soci::into(person.erased_at));
    }

    Person fetched() const {
        Person result = person;
        result.staff_group = staff_group_from_text(staff_group).value_or(StaffGroup::Teacher);
        result.role = role_from_text(role).value_or(Role::Staff);
        return result;
    }
};

// Runs a person query with `bind` adding its parameters, and calls `visit` per row.
template <typename Bind>
void query_people(soci::session& sql, const std::string& query, Bind bind,
                  const std::function<void(const Person&)>& visit) {
    PersonColumns columns;
    db::fetch_rows(sql, query, columns, bind, visit);
}

} // namespace

long long insert_person(soci::session& sql, const Person& person, const std::string& password_hash) {
    long long id = 0;
    long long now = db::now_seconds();
    long long school = person.school_id;
    soci::indicator school_indicator = school ? soci::i_ok : soci::i_null;
    std::string group = text_of(person.staff_group);
    std::string role = text_of(person.role);
    sql << kInsertPerson, soci::use(person.trust_id), soci::use(school, school_indicator),
        soci::use(person.email), soci::use(person.first_name), soci::use(person.last_name), soci::use(group),
        soci::use(person.job_title), soci::use(person.phase), soci::use(person.subjects), soci::use(role),
        soci::use(password_hash), soci::use(now), soci::use(now), soci::into(id);
    return id;
}

std::optional<Person> find_person(soci::session& sql, long long trust_id, long long person_id) {
    std::optional<Person> found;
    query_people(
        sql, std::string(kPersonColumns) + "WHERE p.trust_id = :trust AND p.id = :id",
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(person_id));
        },
        [&](const Person& person) { found = person; });
    return found;
}

std::optional<Person> find_colleague(soci::session& sql, long long trust_id, const std::string& email) {
    std::optional<Person> found;
    query_people(
        sql, std::string(kPersonColumns) + "WHERE p.trust_id = :trust AND p.email = :email AND p.left_at = 0",
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            statement.exchange(soci::use(email));
        },
        [&](const Person& person) { found = person; });
    return found;
}

std::optional<Credentials> find_credentials(soci::session& sql, const std::string& email) {
    Credentials credentials;
    if (!db::read_one(sql, kFindCredentials, soci::use(email), soci::into(credentials.person_id),
                      soci::into(credentials.trust_id), soci::into(credentials.password_hash)))
        return std::nullopt;
    return credentials;
}

void update_person(soci::session& sql, const Person& person) {
    const long long now = db::now_seconds();
    long long school = person.school_id;
    soci::indicator school_indicator = school ? soci::i_ok : soci::i_null;
    const std::string group = text_of(person.staff_group), role = text_of(person.role);
    sql << kUpdatePerson, soci::use(person.first_name), soci::use(person.last_name), soci::use(person.email),
        soci::use(school, school_indicator), soci::use(group), soci::use(person.job_title), soci::use(role),
        soci::use(now), soci::use(person.trust_id), soci::use(person.id);
}

void set_left_at(soci::session& sql, long long trust_id, long long person_id, long long left_at) {
    const long long now = db::now_seconds();
    sql << kSetLeftAt, soci::use(left_at), soci::use(now), soci::use(trust_id), soci::use(person_id);
}

std::string password_hash_of(soci::session& sql, long long trust_id, long long person_id) {
    std::string hash;
    db::read_one(sql, kPasswordHash, soci::use(trust_id), soci::use(person_id), soci::into(hash));
    return hash;
}

void set_password_hash(soci::session& sql, long long trust_id, long long person_id, const std::string& hash) {
    long long now = db::now_seconds();
    sql << kSetPasswordHash, soci::use(hash), soci::use(now), soci::use(trust_id), soci::use(person_id);
}

DirectoryPage search(soci::session& sql, long long trust_id, const DirectoryQuery& query) {
    // Only the filters in use are added, each with its own parameter.
    std::string where = query.leavers ? "WHERE p.trust_id = :trust AND p.left_at <> 0"
                                      : "WHERE p.trust_id = :trust AND p.left_at = 0";
    const std::string pattern = "%" + query.text + "%";
    const std::string group = query.staff_group ? text_of(*query.staff_group) : "";
    if (!query.text.empty())
        where +=
            " AND (LOWER(p.first_name) LIKE LOWER(:t1) OR LOWER(p.last_name) LIKE LOWER(:t2) OR "
            "LOWER(p.email) LIKE LOWER(:t3) OR LOWER(p.first_name || ' ' || p.last_name) LIKE LOWER(:t4))";
    if (query.school_id == 0)
        where += " AND p.school_id IS NULL";
    else if (query.school_id > 0)
        where += " AND p.school_id = :school";
    if (query.staff_group)
        where += " AND p.staff_group = :grp";
    auto bind = [&](soci::statement& statement) {
        statement.exchange(soci::use(trust_id));
        if (!query.text.empty())
            for (int i = 0; i < 4; ++i)
                statement.exchange(soci::use(pattern));
        if (query.school_id > 0)
            statement.exchange(soci::use(query.school_id));
        if (query.staff_group)
            statement.exchange(soci::use(group));
    };

    DirectoryPage page;
    db::run_statement(sql, "SELECT COUNT(*) FROM people p " + where, true, [&](soci::statement& count) {
        count.exchange(soci::into(page.total));
        bind(count);
    });
    if (query.page_size == 0)
        return page;
    const std::string limits = " ORDER BY p.last_name, p.first_name, p.id LIMIT " +
                               std::to_string(query.page_size) + " OFFSET " +
                               std::to_string((query.page - 1) * query.page_size);
    query_people(sql, kPersonColumns + where + limits, bind,
                 [&](const Person& person) { page.people.push_back(person); });
    return page;
}

void for_each_person(soci::session& sql, long long trust_id,
                     const std::function<void(const Person&)>& visit) {
    query_people(
        sql,
        std::string(kPersonColumns) +
            "WHERE p.trust_id = :trust ORDER BY s.name, p.last_name, p.first_name, p.id",
        [&](soci::statement& statement) { statement.exchange(soci::use(trust_id)); }, visit);
}

std::vector<Person> leads_of(soci::session& sql, long long trust_id) {
    std::vector<Person> leads;
    query_people(
        sql,
        std::string(kPersonColumns) +
            "WHERE p.trust_id = :trust AND p.role <> 'staff' AND p.left_at = 0 ORDER BY p.last_name, p.id",
        [&](soci::statement& statement) { statement.exchange(soci::use(trust_id)); },
        [&](const Person& person) { leads.push_back(person); });
    return leads;
}

std::map<std::string, long long> owners_of_emails(soci::session& sql,
                                                  const std::vector<std::string>& emails) {
    std::map<std::string, long long> owners;
    constexpr std::size_t kChunk = 500;
    for (std::size_t start = 0; start < emails.size(); start += kChunk) {
        const std::size_t end = std::min(emails.size(), start + kChunk);
        std::string placeholders;
        for (std::size_t i = start; i < end; ++i)
            placeholders += (i == start ? ":e" : ", :e") + std::to_string(i - start);
        std::string email;
        long long trust_id = 0;
        soci::statement statement(sql);
        statement.exchange(soci::into(email));
        statement.exchange(soci::into(trust_id));
        for (std::size_t i = start; i < end; ++i)
            statement.exchange(soci::use(emails[i]));
        statement.alloc();
        statement.prepare("SELECT email, trust_id FROM people WHERE email IN (" + placeholders + ")",
                          soci::details::st_one_time_query);
        statement.define_and_bind();
        statement.execute(false);
        while (statement.fetch())
            owners[email] = trust_id;
    }
    return owners;
}

StaffWriter::StaffWriter(soci::session& sql, long long trust_id)
    : m_trust_id(trust_id), m_now(db::now_seconds()), m_statement(sql) {
    m_statement.exchange(soci::use(m_trust_id));
    m_statement.exchange(soci::use(m_row.school_id, m_school_indicator));
    m_statement.exchange(soci::use(m_row.email));
    m_statement.exchange(soci::use(m_row.first_name));
    m_statement.exchange(soci::use(m_row.last_name));
    m_statement.exchange(soci::use(m_group));
    m_statement.exchange(soci::use(m_row.job_title));
    m_statement.exchange(soci::use(m_row.phase));
    m_statement.exchange(soci::use(m_row.subjects));
    m_statement.exchange(soci::use(m_role));
    m_statement.exchange(soci::use(m_empty));
    m_statement.exchange(soci::use(m_now));
    m_statement.exchange(soci::use(m_now));
    m_statement.alloc();
    m_statement.prepare(kUpsertStaff);
    m_statement.define_and_bind();
}

void StaffWriter::write(const StaffRow& row) {
    m_row = row;
    m_group = text_of(row.staff_group);
    m_school_indicator = row.school_id ? soci::i_ok : soci::i_null;
    m_statement.execute(true);
}

std::optional<long long> first_admin(soci::session& sql, long long trust_id) {
    long long id = 0;
    if (!db::read_one(sql, kFirstAdmin, soci::use(trust_id), soci::into(id)))
        return std::nullopt;
    return id;
}

long long insert_import(soci::session& sql, long long trust_id, long long created_by,
                        const std::string& filename, const std::string& content, long long rows) {
    long long id = 0;
    long long now = db::now_seconds();
    sql << kInsertImport, soci::use(trust_id), soci::use(created_by), soci::use(now), soci::use(filename),
        soci::use(content), soci::use(rows), soci::into(id);
    return id;
}

std::optional<StoredImport> find_import(soci::session& sql, long long trust_id, long long import_id) {
    StoredImport stored;
    if (!db::read_one(sql, kFindImport, soci::use(trust_id), soci::use(import_id), soci::into(stored.id),
                      soci::into(stored.created_by), soci::into(stored.filename), soci::into(stored.content),
                      soci::into(stored.status), soci::into(stored.rows_total),
                      soci::into(stored.rows_created), soci::into(stored.rows_updated)))
        return std::nullopt;
    return stored;
}

std::optional<std::string> import_status(soci::session& sql, long long trust_id, long long import_id) {
    std::string status;
    if (!db::read_one(sql, kImportStatus, soci::use(trust_id), soci::use(import_id), soci::into(status)))
        return std::nullopt;
    return status;
}

void mark_import_committed(soci::session& sql, long long trust_id, long long import_id, long long created,
                           long long updated) {
    sql << kMarkImportCommitted, soci::use(created), soci::use(updated), soci::use(trust_id),
        soci::use(import_id);
}

std::vector<StaffCount> staff_counts(soci::session& sql, long long trust_id) {
    std::vector<StaffCount> counts;
    long long school_id = 0;
    soci::indicator school_indicator = soci::i_ok;
    std::string group, phase;
    long long people = 0;
    auto statement =
        db::run_once(sql,
                     "SELECT school_id, staff_group, phase, COUNT(*) FROM people WHERE trust_id = :trust AND "
                     "left_at = 0 GROUP BY school_id, staff_group, phase",
                     soci::use(trust_id), soci::into(school_id, school_indicator), soci::into(group),
                     soci::into(phase), soci::into(people));
    while (statement.fetch())
        counts.push_back({school_indicator == soci::i_null ? 0 : school_id,
                          staff_group_from_text(group).value_or(StaffGroup::Teacher), phase,
                          static_cast<int>(people)});
    return counts;
}

} // namespace trellis::people::store
