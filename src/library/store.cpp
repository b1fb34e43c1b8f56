#include "library/store.h"

#include "db/database.h"
#include "db/rows.h"

namespace trellis::library::store {

namespace {

constexpr const char* kColumns =
    "SELECT m.id, m.trust_id, m.owner_kind, m.owner_id, m.filename, m.stored_name, "
    "m.content_type, m.bytes, m.uploaded_by, m.uploaded_at FROM materials m ";
struct MaterialColumns {
    Material material;
    std::string owner_kind;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(material.id));
        statement.exchange(soci::into(material.trust_id));
        statement.exchange(soci::into(owner_kind));
        statement.exchange(soci::into(material.owner.id));
        statement.exchange(soci::into(material.filename));
        statement.exchange(soci::into(material.stored_name));
        statement.exchange(soci::into(material.content_type));
        statement.exchange(soci::into(material.bytes));
        statement.exchange(soci::into(material.uploaded_by));
        statement.exchange(soci::into(material.uploaded_at));
    }
    Material fetched() const {
        Material row = material;
        row.owner.kind = owner_kind == "activity" ? OwnerKind::Activity : OwnerKind::Offer;
        return row;
    }
};

std::vector<Material> materials_where(soci::session& sql, const std::string& where, long long trust_id,
                                      const std::string& kind, long long id) {
    std::vector<Material> rows;
    MaterialColumns columns;
    db::fetch_rows(
        sql, std::string(kColumns) + where, columns,
        [&](soci::statement& statement) {
            statement.exchange(soci::use(trust_id));
            if (!kind.empty())
                statement.exchange(soci::use(kind));
            statement.exchange(soci::use(id));
        },
        [&](const Material& row) { rows.push_back(row); });
    return rows;
}

} // namespace

long long insert(soci::session& sql, const Material& material) {
    long long id = 0;
    const long long now = db::now_seconds();
    const std::string kind = text_of(material.owner.kind);
    sql << "INSERT INTO materials (trust_id, owner_kind, owner_id, filename, stored_name, content_type, "
           "bytes, "
           "uploaded_by, uploaded_at) VALUES (:trust, :kind, :owner, :filename, :stored, :type, :bytes, :by, "
           ":now) RETURNING id",
        soci::use(material.trust_id), soci::use(kind), soci::use(material.owner.id),
        soci::use(material.filename), soci::use(material.stored_name), soci::use(material.content_type),
        soci::use(material.bytes), soci::use(material.uploaded_by), soci::use(now), soci::into(id);
    return id;
}

std::vector<Material> of_owner(soci::session& sql, long long trust_id, Owner owner) {
    return materials_where(sql,
                           "WHERE m.trust_id = :trust AND m.owner_kind = :kind AND m.owner_id = :owner "
                           "ORDER BY m.uploaded_at, m.id",
                           trust_id, text_of(owner.kind), owner.id);
}

std::optional<Material> find(soci::session& sql, long long trust_id, long long material_id) {
    auto rows = materials_where(sql, "WHERE m.trust_id = :trust AND m.id = :id", trust_id, "", material_id);
    if (rows.empty())
        return std::nullopt;
    return rows.front();
}

std::map<long long, int> counts_by_owner(soci::session& sql, long long trust_id, OwnerKind kind) {
    const std::string kind_text = text_of(kind);
    std::map<long long, int> counts;
    long long owner_id = 0, count = 0;
    auto statement = db::run_once(
        sql,
        "SELECT owner_id, COUNT(*) FROM materials WHERE trust_id = :trust AND owner_kind = :kind "
        "GROUP BY owner_id",
        soci::use(trust_id), soci::use(kind_text), soci::into(owner_id), soci::into(count));
    while (statement.fetch())
        counts[owner_id] = static_cast<int>(count);
    return counts;
}

void remove(soci::session& sql, long long trust_id, long long material_id) {
    sql << "DELETE FROM materials WHERE trust_id = :trust AND id = :id", soci::use(trust_id),
        soci::use(material_id);
}

std::vector<std::string> forget_owner(soci::session& sql, long long trust_id, Owner owner) {
    std::vector<std::string> stored;
    for (const Material& material : of_owner(sql, trust_id, owner))
        stored.push_back(material.stored_name);
    const std::string kind = text_of(owner.kind);
    sql << "DELETE FROM materials WHERE trust_id = :trust AND owner_kind = :kind AND owner_id = :owner",
        soci::use(trust_id), soci::use(kind), soci::use(owner.id);
    return stored;
}

} // namespace trellis::library::store
