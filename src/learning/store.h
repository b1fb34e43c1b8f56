#pragma once

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "db/person_batch.h"

// The only SQL for module_progress, block_progress and certificates. Every query on a person's
// learning names the trust as well as the person.
namespace trellis::learning::store {

struct StoredBlock {
    std::string block_id;
    std::string state; // JSON text
    bool done = false;
};

struct StoredProgress {
    std::string module_slug;
    int current_page = 1;
    std::string current_block;
    int blocks_done = 0;
    int blocks_required = 0;
    long long started_at = 0;
    long long updated_at = 0;
    long long completed_at = 0; // 0 until the module is complete
};

struct StoredCertificate {
    long long id = 0;
    long long trust_id = 0;
    long long person_id = 0;
    std::string module_slug;
    std::string code;
    std::string person_name;
    std::string module_title;
    std::string trust_name;
    double hours = 0;
    long long issued_at = 0;
};

// Every block the person has saved in the module.
std::vector<StoredBlock> blocks_of(soci::session& sql, long long trust_id, long long person_id,
                                   const std::string& module_slug);
// Creates or replaces one block's saved state.
void save_block(soci::session& sql, long long trust_id, long long person_id, const std::string& module_slug,
                const StoredBlock& block, long long now);

// The person's place in one module, if they have started it.
std::optional<StoredProgress> progress(soci::session& sql, long long trust_id, long long person_id,
                                       const std::string& module_slug);
// The person's place in every module they have started, most recently active first: as a read of a
// db::PersonBatch (for pages that read it beside others), what its rows hold, and read alone.
extern const char* const kProgressRows;
std::vector<StoredProgress> progress_from(const std::vector<db::BatchRow>& rows);
std::vector<StoredProgress> progress_of(soci::session& sql, long long trust_id, long long person_id);
// Records where the person is reading, and nothing else, so it cannot undo a save made meanwhile.
void save_position(soci::session& sql, long long trust_id, long long person_id,
                   const std::string& module_slug, int page, const std::string& block, long long now);
// Makes sure the person's progress row for the module exists and, inside a transaction, holds it
// until commit, so that two saves for one person and module count their blocks one after the other;
// returns the row as it stands (nullopt only if the row belongs to another trust). One statement.
std::optional<StoredProgress> claim_progress(soci::session& sql, long long trust_id, long long person_id,
                                             const std::string& module_slug, long long now);
// Creates or replaces the person's place in a module (started_at is kept once set).
void save_progress(soci::session& sql, long long trust_id, long long person_id,
                   const StoredProgress& progress, long long now);

// Adds a certificate unless the person already has one for the module; false when they had one.
bool insert_certificate(soci::session& sql, const StoredCertificate& certificate);
// The person's certificate for one module, if issued.
std::optional<StoredCertificate> certificate_for(soci::session& sql, long long trust_id, long long person_id,
                                                 const std::string& module_slug);
// Every certificate the person holds, newest first.
std::vector<StoredCertificate> certificates_of(soci::session& sql, long long trust_id, long long person_id);
// The certificate with this code, in any trust: codes are what the public verification page is given.
std::optional<StoredCertificate> certificate_by_code(soci::session& sql, const std::string& code);

} // namespace trellis::learning::store
