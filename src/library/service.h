#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "accounts/model.h"
#include "db/database.h"
#include "db/per_trust.h"
#include "library/model.h"
#include "storage/file_store.h"

namespace trellis::library {

// Keeps the files attached to workshops and programme activities: checked on the way in (size, type,
// contents matching the type), kept in the file store before their row is committed, removed after it.
// Who may add, read or remove a file is decided by the area that owns it, before calling this.
class Materials {
  public:
    Materials(db::Database& database, storage::FileStore& files) : m_database(database), m_files(files) {}

    // Keeps an uploaded file for the owner, and puts it in the trust's library with its words and
    // where it is used. Throws std::invalid_argument, saying why, for an empty file, one past 25 MB,
    // a type we do not keep, or contents that are not what the name says.
    long long add(long long trust_id, Owner owner, long long uploaded_by, const std::string& filename,
                  const std::string& content, const Use& use);
    // Puts a material already kept into the library, inside the caller's transaction (the demo's
    // files are written this way).
    static void index_material(soci::session& sql, const Material& material, const Use& use,
                               const std::string& words);
    std::vector<Material> of(long long trust_id, Owner owner);
    std::optional<Material> find(long long trust_id, long long material_id);
    // How many materials each owner of `kind` in the actor's trust has (owners with none left out),
    // as this server keeps them per trust.
    std::map<long long, int> counts(const accounts::Actor& actor, OwnerKind kind);
    // The bytes of a stored file.
    std::string read(const Material& material);
    void remove(long long trust_id, const Material& material);
    // Removes an owner's files inside the caller's transaction (the owner goes in it too); the
    // stored files go once it commits, through the returned names passed to `delete_files`.
    std::vector<std::string> forget_owner(soci::session& sql, long long trust_id, Owner owner);
    void delete_files(const std::vector<std::string>& stored_names);

  private:
    // Each owner's count of materials, by kind (the index of OwnerKind).
    using TrustCounts = std::array<std::map<long long, int>, 2>;

    db::Database& m_database;
    storage::FileStore& m_files;
    db::PerTrust<TrustCounts> m_trust_counts;
};

} // namespace trellis::library
