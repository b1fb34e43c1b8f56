#include "learning/store.h"

#include "db/rows.h"

namespace trellis::learning::store {

namespace {

constexpr const char* kSavePosition =
    "INSERT INTO module_progress (trust_id, person_id, module_slug, current_page, current_block, started_at, "
    "updated_at) VALUES (:trust, :person, :slug, :page, :block, :now, :now2) "
    "ON CONFLICT (person_id, module_slug) DO UPDATE SET current_page = excluded.current_page, "
    "current_block = excluded.current_block, updated_at = excluded.updated_at "
    "WHERE module_progress.trust_id = excluded.trust_id";
constexpr const char* kInsertCertificate =
    "INSERT INTO certificates (trust_id, person_id, module_slug, code, person_name, module_title, hours, "
    "issued_at) VALUES (:trust, :person, :slug, :code, :name, :title, :hours, :issued) "
    "ON CONFLICT (person_id, module_slug) DO NOTHING";
constexpr const char* kCertificateColumns =
    "SELECT c.id, c.trust_id, c.person_id, c.module_slug, c.code, c.person_name, c.module_title, t.name, "
    "c.hours, c.issued_at FROM certificates c JOIN trusts t ON t.id = c.trust_id ";

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

// The statements a progress save runs, kept prepared (db/kept.h): autosave sends one every few
// seconds per person working through a module.
// The row is made if missing and, whether made or found, updated to itself: on PostgreSQL an upsert
// that updates holds the row's lock until commit, and RETURNING hands back the row in the same round
// trip. (SQLite has no row locks: there the transaction itself, BEGIN IMMEDIATE, is the lock.)
struct ClaimProgress {
    static constexpr const char* kQuery =
        "INSERT INTO module_progress (trust_id, person_id, module_slug, started_at, updated_at) "
        "VALUES (:trust, :person, :slug, :now, :now2) ON CONFLICT (person_id, module_slug) DO UPDATE SET "
        "updated_at = module_progress.updated_at WHERE module_progress.trust_id = excluded.trust_id "
        "RETURNING module_slug, current_page, current_block, blocks_done, blocks_required, started_at, "
        "updated_at, completed_at";
    long long trust_id = 0, person_id = 0, now = 0;
    std::string module_slug;
    ProgressColumns row;
    void exchange(soci::statement& statement) {
        statement.exchange(soci::use(trust_id));
        statement.exchange(soci::use(person_id));
        statement.exchange(soci::use(module_slug));
        statement.exchange(soci::use(now));
        statement.exchange(soci::use(now));
        row.exchange_into(statement);
    }
};

// One person's place in one module: read on every module page.
struct ProgressOf {
    static constexpr const char* kQuery =
        "SELECT module_slug, current_page, current_block, blocks_done, blocks_required, started_at, "
        "updated_at, completed_at FROM module_progress WHERE trust_id = :trust AND person_id = :person "
        "AND module_slug = :slug";
    long long trust_id = 0, person_id = 0;
    std::string module_slug;
    ProgressColumns row;
    void exchange(soci::statement& statement) {
        statement.exchange(soci::use(trust_id));
        statement.exchange(soci::use(person_id));
        statement.exchange(soci::use(module_slug));
        row.exchange_into(statement);
    }
};

struct BlocksOf {
    static constexpr const char* kQuery =
        "SELECT block_id, state, done FROM block_progress WHERE trust_id = :trust AND person_id = :person "
        "AND module_slug = :slug";
    long long trust_id = 0, person_id = 0;
    std::string module_slug;
    StoredBlock block;
    int done = 0;
    void exchange(soci::statement& statement) {
        statement.exchange(soci::use(trust_id));
        statement.exchange(soci::use(person_id));
        statement.exchange(soci::use(module_slug));
        statement.exchange(soci::into(block.block_id));
        statement.exchange(soci::into(block.state));
        statement.exchange(soci::into(done));
    }
};

struct SaveBlock {
    static constexpr const char* kQuery =
        "INSERT INTO block_progress (trust_id, person_id, module_slug, block_id, state, done, updated_at) "
        "VALUES (:trust, :person, :slug, :block, :state, :done, :now) "
        "ON CONFLICT (person_id, module_slug, block_id) DO UPDATE SET state = excluded.state, "
        "done = excluded.done, updated_at = excluded.updated_at WHERE block_progress.trust_id = "
        "excluded.trust_id";
    long long trust_id = 0, person_id = 0, now = 0;
    std::string module_slug;
    StoredBlock block;
    int done = 0;
    void exchange(soci::statement& statement) {
        statement.exchange(soci::use(trust_id));
        statement.exchange(soci::use(person_id));
        statement.exchange(soci::use(module_slug));
        statement.exchange(soci::use(block.block_id));
        statement.exchange(soci::use(block.state));
        statement.exchange(soci::use(done));
        statement.exchange(soci::use(now));
    }
};

struct SaveProgress {
    static constexpr const char* kQuery =
        "INSERT INTO module_progress (trust_id, person_id, module_slug, current_page, current_block, "
        "blocks_done, blocks_required, started_at, updated_at, completed_at) "
        "VALUES (:trust, :person, :slug, :page, :block, :done, :required, :now, :now2, :completed) "
        "ON CONFLICT (person_id, module_slug) DO UPDATE SET current_page = excluded.current_page, "
        "current_block = excluded.current_block, blocks_done = excluded.blocks_done, "
        "blocks_required = excluded.blocks_required, updated_at = excluded.updated_at, "
        "completed_at = excluded.completed_at WHERE module_progress.trust_id = excluded.trust_id";
    long long trust_id = 0, person_id = 0, page = 0, done = 0, required = 0, now = 0;
    StoredProgress progress;
    void exchange(soci::statement& statement) {
        statement.exchange(soci::use(trust_id));
        statement.exchange(soci::use(person_id));
        statement.exchange(soci::use(progress.module_slug));
        statement.exchange(soci::use(page));
        statement.exchange(soci::use(progress.current_block));
        statement.exchange(soci::use(done));
        statement.exchange(soci::use(required));
        statement.exchange(soci::use(now));
        statement.exchange(soci::use(now));
        statement.exchange(soci::use(progress.completed_at));
    }
};

} // namespace

std::vector<StoredBlock> blocks_of(soci::session& sql, long long trust_id, long long person_id,
                                   const std::string& module_slug) {
    auto& statement = db::kept<BlocksOf>(sql);
    statement.fields.trust_id = trust_id;
    statement.fields.person_id = person_id;
    statement.fields.module_slug = module_slug;
    statement.run();
    std::vector<StoredBlock> blocks;
    while (statement.fetch()) {
        blocks.push_back(statement.fields.block);
        blocks.back().done = statement.fields.done != 0;
    }
    return blocks;
}

void save_block(soci::session& sql, long long trust_id, long long person_id, const std::string& module_slug,
                const StoredBlock& block, long long now) {
    auto& statement = db::kept<SaveBlock>(sql);
    statement.fields.trust_id = trust_id;
    statement.fields.person_id = person_id;
    statement.fields.module_slug = module_slug;
    statement.fields.block = block;
    statement.fields.done = block.done ? 1 : 0;
    statement.fields.now = now;
    statement.change();
}

std::optional<StoredProgress> progress(soci::session& sql, long long trust_id, long long person_id,
                                       const std::string& module_slug) {
    auto& statement = db::kept<ProgressOf>(sql);
    statement.fields.trust_id = trust_id;
    statement.fields.person_id = person_id;
    statement.fields.module_slug = module_slug;
    statement.run();
    std::optional<StoredProgress> found;
    while (statement.fetch())
        found = statement.fields.row.fetched();
    return found;
}

// As a db::BatchRow: the page, the module, the block, then when it was last touched (so the most
// recently active come first), completed, blocks done and required, and started.
const char* const kProgressRows =
    "SELECT current_page, module_slug, current_block, updated_at, completed_at, blocks_done, "
    "blocks_required, started_at FROM module_progress WHERE trust_id = :trust AND person_id = :person";

std::vector<StoredProgress> progress_from(const std::vector<db::BatchRow>& rows) {
    std::vector<StoredProgress> all;
    for (const db::BatchRow& row : rows)
        all.push_back({.module_slug = row.text,
                       .current_page = static_cast<int>(row.id),
                       .current_block = row.more,
                       .blocks_done = static_cast<int>(row.third),
                       .blocks_required = static_cast<int>(row.fourth),
                       .started_at = row.fifth,
                       .updated_at = row.first,
                       .completed_at = row.second});
    return all;
}

std::vector<StoredProgress> progress_of(soci::session& sql, long long trust_id, long long person_id) {
    static const db::PersonBatch progress_alone({kProgressRows});
    return progress_from(progress_alone.read(sql, trust_id, person_id).front());
}

void save_progress(soci::session& sql, long long trust_id, long long person_id,
                   const StoredProgress& progress, long long now) {
    auto& statement = db::kept<SaveProgress>(sql);
    statement.fields.trust_id = trust_id;
    statement.fields.person_id = person_id;
    statement.fields.progress = progress;
    statement.fields.page = progress.current_page;
    statement.fields.done = progress.blocks_done;
    statement.fields.required = progress.blocks_required;
    statement.fields.now = now;
    statement.change();
}

void save_position(soci::session& sql, long long trust_id, long long person_id,
                   const std::string& module_slug, int page, const std::string& block, long long now) {
    long long page_number = page;
    sql << kSavePosition, soci::use(trust_id), soci::use(person_id), soci::use(module_slug),
        soci::use(page_number), soci::use(block), soci::use(now), soci::use(now);
}

std::optional<StoredProgress> claim_progress(soci::session& sql, long long trust_id, long long person_id,
                                             const std::string& module_slug, long long now) {
    auto& statement = db::kept<ClaimProgress>(sql);
    statement.fields.trust_id = trust_id;
    statement.fields.person_id = person_id;
    statement.fields.module_slug = module_slug;
    statement.fields.now = now;
    statement.run();
    std::optional<StoredProgress> claimed;
    while (statement.fetch())
        claimed = statement.fields.row.fetched();
    return claimed;
}

bool insert_certificate(soci::session& sql, const StoredCertificate& certificate) {
    auto statement = db::run_change(
        sql, kInsertCertificate, soci::use(certificate.trust_id), soci::use(certificate.person_id),
        soci::use(certificate.module_slug), soci::use(certificate.code), soci::use(certificate.person_name),
        soci::use(certificate.module_title), soci::use(certificate.hours), soci::use(certificate.issued_at));
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
