#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

// The key this service signs portable badges with: Ed25519, made on first use and kept in the data
// folder (readable by the service alone), so that every server sharing the folder signs alike and a
// badge issued before a restart still verifies after it.
namespace trellis::badges {

class SigningKey {
  public:
    // Reads the key kept in `folder`, making and keeping one first when there is none. Servers that
    // start together keep the same key: the first to write it wins and the others read it.
    static SigningKey kept_in(const std::filesystem::path& folder);

    // The detached signature of `message`.
    std::string sign(std::string_view message) const;
    // True when `signature` is this key's signature of `message`.
    bool verifies(std::string_view message, std::string_view signature) const;
    // A short, stable name for the key, for a JWT's "kid".
    const std::string& key_id() const { return m_key_id; }
    // The public half as a JSON Web Key (OKP, Ed25519).
    nlohmann::json public_jwk() const;

  private:
    std::string m_public;
    std::string m_secret;
    std::string m_key_id;
};

} // namespace trellis::badges
