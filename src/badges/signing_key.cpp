#include "badges/signing_key.h"

#include "accounts/secrets.h"

#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <stdexcept>
#include <system_error>

namespace trellis::badges {

using accounts::base64url;
using accounts::from_base64url;

namespace {

constexpr const char* kKeyFile = "badge-signing.key";

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Writes the secret key beside its final name and links it into place: link() fails when another
// server got there first, and then that server's key is the one kept.
void keep_new_key(const std::filesystem::path& path, const std::string& secret) {
    const std::filesystem::path draft = path.string() + "." + std::to_string(::getpid()) + ".new";
    {
        std::ofstream out(draft, std::ios::binary | std::ios::trunc);
        out << base64url(secret);
        if (!out)
            throw std::runtime_error("cannot write the badge signing key to " + draft.string());
    }
    std::filesystem::permissions(draft,
                                 std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    ::link(draft.c_str(), path.c_str()); // EEXIST: another server's key stays
    std::filesystem::remove(draft);
}

} // namespace

SigningKey SigningKey::kept_in(const std::filesystem::path& folder) {
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not start");
    std::filesystem::create_directories(folder);
    const std::filesystem::path path = folder / kKeyFile;
    if (!std::filesystem::exists(path)) {
        std::string public_key(crypto_sign_PUBLICKEYBYTES, '\0'), secret(crypto_sign_SECRETKEYBYTES, '\0');
        crypto_sign_keypair(reinterpret_cast<unsigned char*>(public_key.data()),
                            reinterpret_cast<unsigned char*>(secret.data()));
        keep_new_key(path, secret);
    }
    SigningKey key;
    key.m_secret = from_base64url(read_file(path));
    if (key.m_secret.size() != crypto_sign_SECRETKEYBYTES)
        throw std::runtime_error("the badge signing key in " + path.string() + " is damaged");
    key.m_public.assign(crypto_sign_PUBLICKEYBYTES, '\0');
    crypto_sign_ed25519_sk_to_pk(reinterpret_cast<unsigned char*>(key.m_public.data()),
                                 reinterpret_cast<const unsigned char*>(key.m_secret.data()));
    unsigned char digest[12];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(key.m_public.data()),
                       key.m_public.size(), nullptr, 0);
    key.m_key_id = base64url(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
    return key;
}

std::string SigningKey::sign(std::string_view message) const {
    std::string signature(crypto_sign_BYTES, '\0');
    crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                         reinterpret_cast<const unsigned char*>(m_secret.data()));
    return signature;
}

bool SigningKey::verifies(std::string_view message, std::string_view signature) const {
    return signature.size() == crypto_sign_BYTES &&
           crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature.data()),
                                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                                       reinterpret_cast<const unsigned char*>(m_public.data())) == 0;
}

nlohmann::json SigningKey::public_jwk() const {
    return {{"kty", "OKP"},    {"crv", "Ed25519"}, {"x", base64url(m_public)},
            {"kid", m_key_id}, {"alg", "EdDSA"},   {"use", "sig"}};
}

} // namespace trellis::badges
