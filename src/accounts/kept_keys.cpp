#include "accounts/kept_keys.h"

#include <sodium.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <stdexcept>

#include "accounts/secrets.h"

namespace trellis::accounts {

namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Writes the key beside its final name and links it into place: link() fails when another server
// got there first, and then that server's key is the one kept.
void keep_new_key(const std::filesystem::path& path, const std::string& key) {
    const std::filesystem::path draft = path.string() + "." + std::to_string(::getpid()) + ".new";
    {
        std::ofstream out(draft, std::ios::binary | std::ios::trunc);
        out << base64url(key);
        if (!out)
            throw std::runtime_error("cannot write a key to " + draft.string());
    }
    std::filesystem::permissions(draft,
                                 std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    ::link(draft.c_str(), path.c_str()); // EEXIST: another server's key stays
    std::filesystem::remove(draft);
}

constexpr const char* kSealedPrefix = "sealed:";

} // namespace

std::string kept_key(const std::filesystem::path& folder, const std::string& name,
                     const std::function<std::string()>& make) {
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not start");
    std::filesystem::create_directories(folder);
    const std::filesystem::path path = folder / name;
    if (!std::filesystem::exists(path))
        keep_new_key(path, make());
    return from_base64url(read_file(path));
}

SecretBox SecretBox::kept_in(const std::filesystem::path& folder) {
    SecretBox box;
    box.m_key = kept_key(folder, "sealed-secrets.key", [] {
        std::string key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES, '\0');
        crypto_aead_xchacha20poly1305_ietf_keygen(reinterpret_cast<unsigned char*>(key.data()));
        return key;
    });
    if (box.m_key.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
        throw std::runtime_error("the key in " + (folder / "sealed-secrets.key").string() + " is damaged");
    return box;
}

std::string SecretBox::seal(const std::string& secret) const {
    std::string sealed(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + secret.size() +
                           crypto_aead_xchacha20poly1305_ietf_ABYTES,
                       '\0');
    auto* nonce = reinterpret_cast<unsigned char*>(sealed.data());
    randombytes_buf(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    unsigned long long length = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, &length,
                                               reinterpret_cast<const unsigned char*>(secret.data()),
                                               secret.size(), nullptr, 0, nullptr, nonce,
                                               reinterpret_cast<const unsigned char*>(m_key.data()));
    sealed.resize(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + length);
    return kSealedPrefix + base64url(sealed);
}

std::string SecretBox::open(const std::string& text) const {
    const std::string prefix = kSealedPrefix;
    const std::string sealed = text.rfind(prefix, 0) == 0 ? from_base64url(text.substr(prefix.size())) : "";
    if (sealed.size() <
        crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES)
        throw std::runtime_error("not a sealed secret");
    const auto* nonce = reinterpret_cast<const unsigned char*>(sealed.data());
    const std::size_t cipher_length = sealed.size() - crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    std::string secret(cipher_length, '\0');
    unsigned long long length = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char*>(secret.data()), &length, nullptr,
            nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, cipher_length, nullptr, 0, nonce,
            reinterpret_cast<const unsigned char*>(m_key.data())) != 0)
        throw std::runtime_error("the secret was sealed with another key, or changed");
    secret.resize(length);
    return secret;
}

} // namespace trellis::accounts
