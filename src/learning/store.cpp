#include "learning/store.h"

#include "db/rows.h"

namespace trellis::learning::store {

namespace {

constexpr const char* kBlocksOf = "SELECT block_id, state, done FROM block_progress "
                                  "WHERE trust_id = :trust AND person_id = :person AND module_slug = :slug";
constexpr const char* kSaveBlock =
    "INSERT INTO block_progress (trust_id, person_id, module_slug, block_id, state, done, updated_at) "
    "VALUES (:trust, :person, :slug, :block, :state, :done, :now) "
    "ON CONFLICT (person_id, module_slug, block_id) DO UPDATE SET state = excluded.state, "
    "done = excluded.done, updated_at = excluded.updated_at WHERE block_progress.trust_id = "
    "excluded.trust_id";

constexpr const char* kProgressColumns =
    "SELECT module_slug, current_page, current_block, blocks_done, blocks_required, started_at, updated_at, "
    "completed_at FROM module_progress WHERE trust_id = :trust AND person_id = :person ";
constexpr const char* kSaveProgress =
    "INSERT INTO module_progress (trust_id, person_id, module_slug, current_page, current_block, "
    "blocks_done, "
    "blocks_required, started_at, updated_at, completed_at) "
    "VALUES (:trust, :person, :slug, :page, :block, :done, :required, :now, :now2, :completed) "
    "ON CONFLICT (person_id, module_slug) DO UPDATE SET current_page = excluded.current_page, "
    "current_block = excluded.current_block, blocks_done = excluded.blocks_done, "
    "blocks_required = excluded.blocks_required, updated_at = excluded.updated_at, "
    "completed_at = excluded.completed_at WHERE module_progress.trust_id = excluded.trust_id";

constexpr const char* kSavePosition =
    "INSERT INTO module_progress (trust_id, person_id, module_slug, current_page, current_block, started_at, "
    "updated_at) VALUES (:trust, :person, :slug, :page, :block, :now, :now2) "
    "ON CONFLICT (person_id, module_slug) DO UPDATE SET current_page = excluded.current_page, "
    "current_block = excluded.current_block, updated_at = excluded.updated_at "
    "WHERE module_progress.trust_id = excluded.trust_id";
constexpr const char* kEnsureProgress =
    "INSERT INTO module_progress (trust_id, person_id, module_slug, started_at, updated_at) "
    "VALUES (:trust, :person, :slug, :now, :now2) ON CONFLICT (person_id, module_slug) DO NOTHING";
// SQLite has no row locks: there the transaction itself (BEGIN IMMEDIATE) is the lock.
constexpr const char* kLockProgress = "SELECT id FROM module_progress WHERE trust_id = :trust AND "
                                      "person_id = :person AND module_slug = :slug FOR UPDATE";
constexpr const char* kInsertCertificate =
    "INSERT INTO certificates (trust_id, person_id, module_slug, code, person_name, module_title, hours, "
    "issued_at) VALUES (:trust, :person, :slug, :code, :name, :title, :hours, :issued) "
    "ON CONFLICT (person_id, module_slug) DO NOTHING";
constexpr const char* kCertificateColumns =
    "SELECT c.id, c.trust_id, c.person_id, c.module_slug, c.code, c.person_name, c.module_title, t.name, "
    "c.hours, c.issued_at FROM certificates c JOIN trusts t ON t.id = c.trust_id ";

struct BlockColumns {
    StoredBlock block;
    int done = 0;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(block.block_id));
        statement.exchange(soci::into(block.state));
        statement.exchange(soci::into(done));
    }
    StoredBlock fetched() {
        block.done = done != 0;
        return block;
    }
};

struct ProgressColumns {
    StoredProgress progress;
    long long page = 0, done = 0, required = 0;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(progress.module_slug));
        statement.exchange(soci::into(page));
        statement.exchange(soci::into(progress.current_block));
        statement.exchange(soci::into(done));
        statement.exchange(soci::into(required));
        statement.exchange(soci::into(progress.started_at));
        statement.exchange(soci::into(progress.updated_at));
        statement.exchange(soci::into(progress.completed_at));
    }
    StoredProgress fetched() {
        progress.current_page = static_cast<int>(page);
        progress.blocks_done = static_cast<int>(done);
        progress.blocks_required = static_cast<int>(required);
        return progress;
    }
};

struct CertificateColumns {
    StoredCertificate certificate;
    void exchange_into(soci::statement& statement) {
        statement.exchange(soci::into(certificate.id));
        statement.exchange(soci::into(certificate.trust_id));
        statement.exchange(soci::into(certificate.person_id));
        statement.exchange(soci::into(certificate.module_slug));
        statement.exchange(soci::into(certificate.code));
        statement.exchange(soci::into(certificate.person_name));
        statement.exchange(soci::into(certificate.module_title));
        statement.exchange(soci::into(certificate.trust_name));
        statement.exchange(soci::into(certificate.hours));
        statement.exchange(soci::into(certificate.issued_at));
    }
    StoredCertificate fetched() const { return certificate; }
};

auto bind_person(long long& trust_id, long long& person_id) {
    return [&](soci::statement& statement) {
        statement.exchange(soci::use(trust_id));
        statement.exchange(soci::use(person_id));
    };
}

auto bind_person_module(long long& trust_id, long long& person_id, const std::string& module_slug) {
    return [&](soci::statement& statement) {
        bind_person(trust_id, person_id)(statement);
        statement.exchange(soci::use(module_slug));
    };
}

} // namespace

std::vector<StoredBlock> blocks_of(soci::session& sql, long long trust_id, long long person_id,
                                   const std::string& module_slug) {
    std::vector<StoredBlock> blocks;
    BlockColumns row;
    db::fetch_rows(sql, kBlocksOf, row, bind_person_module(trust_id, person_id, module_slug),
                   [&](StoredBlock block) { blocks.push_back(std::move(block)); });
    return blocks;
}

void save_block(soci::session& sql, long long trust_id, long long person_id, const std::string& module_slug,
                const StoredBlock& block, long long now) {
    int done = block.done ? 1 : 0;
    sql << kSaveBlock, soci::use(trust_id), soci::use(person_id), soci::use(module_slug),
        soci::use(block.block_id), soci::use(block.state), soci::use(done), soci::use(now);
}

std::optional<StoredProgress> progress(soci::session& sql, long long trust_id, long long person_id,
                                       const std::string& module_slug) {
    std::optional<StoredProgress> found;
    ProgressColumns row;
    db::fetch_rows(sql, std::string(kProgressColumns) + "AND module_slug = :slug", row,
                   bind_person_module(trust_id, person_id, module_slug),
                   [&](StoredProgress progress) { found = std::move(progress); });
    return found;
}

std::vector<StoredProgress> progress_of(soci::session& sql, long long trust_id, long long person_id) {
    std::vector<StoredProgress> all;
    ProgressColumns row;
    db::fetch_rows(sql, std::string(kProgressColumns) + "ORDER BY updated_at DESC, module_slug", row,
                   bind_person(trust_id, person_id),
                   [&](StoredProgress progress) { all.push_back(std::move(progress)); });
    return all;
}

void save_progress(soci::session& sql, long long trust_id, long long person_id,
                   const StoredProgress& progress, long long now) {
    long long page = progress.current_page, done = progress.blocks_done, required = progress.blocks_required;
    sql << kSaveProgress, soci::use(trust_id), soci::use(person_id), soci::use(progress.module_slug),
        soci::use(page), soci::use(progress.current_block), soci::use(done), soci::use(required),
        soci::use(now), soci::use(now), soci::use(progress.completed_at);
}

void save_position(soci::session& sql, long long trust_id, long long person_id,
                   const std::string& module_slug, int page, const std::string& block, long long now) {
    long long page_number = page;
    sql << kSavePosition, soci::use(trust_id), soci::use(person_id), soci::use(module_slug),
        soci::use(page_number), soci::use(block), soci::use(now), soci::use(now);
}

void lock_progress(soci::session& sql, long long trust_id, long long person_id,
                   const std::string& module_slug, long long now) {
    sql << kEnsureProgress, soci::use(trust_id), soci::use(person_id), soci::use(module_slug), soci::use(now),
        soci::use(now);
    if (sql.get_backend_name() == "postgresql") {
        long long id = 0;
        sql << kLockProgress, soci::use(trust_id), soci::use(person_id), soci::use(module_slug),
            soci::into(id);
    }
}

bool insert_certificate(soci::session& sql, const StoredCertificate& certificate) {
    soci::statement statement =
        (sql.prepare << kInsertCertificate, soci::use(certificate.trust_id), soci::use(certificate.person_id),
         soci::use(certificate.module_slug), soci::use(certificate.code), soci::use(certificate.person_name),
         soci::use(certificate.module_title), soci::use(certificate.hours), soci::use(certificate.issued_at));
    statement.execute(true);
    return statement.get_affected_rows() > 0;
}

std::optional<StoredCertificate> certificate_for(soci::session& sql, long long trust_id, long long person_id,
                                                 const std::string& module_slug) {
    std::optional<StoredCertificate> found;
    CertificateColumns row;
    db::fetch_rows(sql,
                   std::string(kCertificateColumns) +
                       "WHERE c.trust_id = :trust AND c.person_id = :person AND c.module_slug = :slug",
                   row, bind_person_module(trust_id, person_id, module_slug),
                   [&](StoredCertificate certificate) { found = std::move(certificate); });
    return found;
}

std::vector<StoredCertificate> certificates_of(soci::session& sql, long long trust_id, long long person_id) {
    std::vector<StoredCertificate> all;
    CertificateColumns row;
    db::fetch_rows(
        sql,
        std::string(kCertificateColumns) +
            "WHERE c.trust_id = :trust AND c.person_id = :person ORDER BY c.issued_at DESC, c.id DESC",
        row, bind_person(trust_id, person_id),
        [&](StoredCertificate certificate) { all.push_back(std::move(certificate)); });
    return all;
}

std::optional<StoredCertificate> certificate_by_code(soci::session& sql, const std::string& code) {
    std::optional<StoredCertificate> found;
    CertificateColumns row;
    db::fetch_rows(
        sql, std::string(kCertificateColumns) + "WHERE c.code = :code", row,
        [&](soci::statement& statement) { statement.exchange(soci::use(code)); },
        [&](StoredCertificate certificate) { found = std::move(certificate); });
    return found;
}

} // namespace trellis::learning::store
