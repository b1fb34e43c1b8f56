#pragma once

#include <filesystem>
#include <functional>
#include <string>

// Keys made once and kept in the data folder's keys/ (readable by the service alone), so that every
// server sharing the folder uses the same one and what was made with a key still opens after a
// restart. Backups include the folder.
namespace trellis::accounts {

// The bytes kept in `folder / name`, made by `make` and kept first when there is none. Servers that
// start together keep the same key: the first to write it wins and the others read it.
std::string kept_key(const std::filesystem::path& folder, const std::string& name,
                     const std::function<std::string()>& make);

// Seals short secrets for keeping in the database (a provider's client secret): XChaCha20-Poly1305
// from libsodium, with a key kept as above. A copy of the database alone does not give them away.
class SecretBox {
  public:
    static SecretBox kept_in(const std::filesystem::path& folder);
    // Text that only this key opens (a new nonce each time).
    std::string seal(const std::string& secret) const;
    // The secret sealed in `sealed`; throws std::runtime_error when another key sealed it or it was changed.
    std::string open(const std::string& sealed) const;

  private:
    std::string m_key;
};

} // namespace trellis::accounts
