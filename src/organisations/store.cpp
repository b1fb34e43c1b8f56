#include "organisations/store.h"

#include "db/database.h"
#include "db/rows.h"

namespace trellis::organisations::store {

namespace {
constexpr const char* kInsertTrust =
    "INSERT INTO trusts (slug, name, created_at) VALUES (:slug, :name, :now) RETURNING id";
constexpr const char* kFindTrustBySlug =
    "SELECT id, slug, name, smallest_group FROM trusts WHERE slug = :slug";
constexpr const char* kFindTrust = "SELECT id, slug, name, smallest_group FROM trusts WHERE id = :id";
constexpr const char* kCountTrusts = "SELECT COUNT(*) FROM trusts";
constexpr const char* kInsertSchool = "INSERT INTO schools (trust_id, name, phase, created_at) "
                                      "VALUES (:trust, :name, :phase, :now) RETURNING id";
constexpr const char* kListSchools =
    "SELECT id, name, phase FROM schools WHERE trust_id = :trust ORDER BY name";
} // namespace

long long insert_trust(soci::session& sql, const std::string& slug, const std::string& name) {
    long long id = 0;
    long long now = db::now_seconds();
    sql << kInsertTrust, soci::use(slug), soci::use(name), soci::use(now), soci::into(id);
    return id;
}

std::optional<Trust> find_trust_by_slug(soci::session& sql, const std::string& slug) {
    Trust trust;
    if (!db::read_one(sql, kFindTrustBySlug, soci::use(slug), soci::into(trust.id), soci::into(trust.slug),
                      soci::into(trust.name), soci::into(trust.smallest_group)))
        return std::nullopt;
    return trust;
}

std::optional<Trust> find_trust(soci::session& sql, long long trust_id) {
    Trust trust;
    if (!db::read_one(sql, kFindTrust, soci::use(trust_id), soci::into(trust.id), soci::into(trust.slug),
                      soci::into(trust.name), soci::into(trust.smallest_group)))
        return std::nullopt;
    return trust;
}

long long count_trusts(soci::session& sql) {
    long long count = 0;
    db::read_one(sql, kCountTrusts, soci::into(count));
    return count;
}

std::vector<long long> trust_ids(soci::session& sql) {
    std::vector<long long> all;
    long long id = 0;
    auto rows = db::run_once(sql, "SELECT id FROM trusts ORDER BY id", soci::into(id));
    while (rows.fetch())
        all.push_back(id);
    return all;
}

long long insert_school(soci::session& sql, long long trust_id, const std::string& name,
                        const std::string& phase) {
    long long id = 0;
    long long now = db::now_seconds();
    sql << kInsertSchool, soci::use(trust_id), soci::use(name), soci::use(phase), soci::use(now),
        soci::into(id);
    return id;
}

std::vector<School> list_schools(soci::session& sql, long long trust_id) {
    std::vector<School> schools;
    School row;
    row.trust_id = trust_id;
    auto statement = db::run_once(sql, kListSchools, soci::use(trust_id), soci::into(row.id),
                                  soci::into(row.name), soci::into(row.phase));
    while (statement.fetch())
        schools.push_back(row);
    return schools;
}

void rename_school(soci::session& sql, long long trust_id, long long school_id, const std::string& name) {
    sql << "UPDATE schools SET name = :name WHERE trust_id = :trust AND id = :id", soci::use(name),
        soci::use(trust_id), soci::use(school_id);
}

void set_smallest_group(soci::session& sql, long long trust_id, int smallest_group) {
    sql << "UPDATE trusts SET smallest_group = :smallest WHERE id = :trust", soci::use(smallest_group),
        soci::use(trust_id);
}

} // namespace trellis::organisations::store
