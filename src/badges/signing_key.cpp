#include "badges/signing_key.h"

#include "accounts/kept_keys.h"
#include "accounts/secrets.h"

#include <sodium.h>

#include <stdexcept>

namespace trellis::badges {

using accounts::base64url;

SigningKey SigningKey::kept_in(const std::filesystem::path& folder) {
    const std::string secret = accounts::kept_key(folder, "badge-signing.key", [] {
        std::string public_key(crypto_sign_PUBLICKEYBYTES, '\0'), made(crypto_sign_SECRETKEYBYTES, '\0');
        crypto_sign_keypair(reinterpret_cast<unsigned char*>(public_key.data()),
                            reinterpret_cast<unsigned char*>(made.data()));
        return made;
    });
    SigningKey key;
    key.m_secret = secret;
    if (key.m_secret.size() != crypto_sign_SECRETKEYBYTES)
        throw std::runtime_error("the badge signing key in " + (folder / "badge-signing.key").string() +
                                 " is damaged");
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
