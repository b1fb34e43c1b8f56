#include "mail/links.h"

#include <sodium.h>

#include "accounts/kept_keys.h"
#include "accounts/secrets.h"

namespace trellis::mail {

UnsubscribeLinks UnsubscribeLinks::kept_in(const std::filesystem::path& folder) {
    UnsubscribeLinks links;
    links.m_key = accounts::kept_key(folder, "mail-links.key", [] {
        std::string key(crypto_auth_KEYBYTES, '\0');
        crypto_auth_keygen(reinterpret_cast<unsigned char*>(key.data()));
        return key;
    });
    return links;
}

std::string UnsubscribeLinks::code(long long trust_id, long long person_id, const std::string& kind) const {
    const std::string message = std::to_string(trust_id) + "/" + std::to_string(person_id) + "/" + kind;
    unsigned char mac[crypto_auth_BYTES];
    crypto_auth(mac, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                reinterpret_cast<const unsigned char*>(m_key.data()));
    return accounts::base64url(std::string_view(reinterpret_cast<const char*>(mac), 16));
}

std::string UnsubscribeLinks::path(long long trust_id, long long person_id, const std::string& kind) const {
    return "/email/off/" + std::to_string(trust_id) + "/" + std::to_string(person_id) + "/" + kind + "/" +
           code(trust_id, person_id, kind);
}

bool UnsubscribeLinks::genuine(long long trust_id, long long person_id, const std::string& kind,
                               const std::string& given) const {
    return m_key.size() == crypto_auth_KEYBYTES &&
           accounts::equal_in_constant_time(code(trust_id, person_id, kind), given);
}

} // namespace trellis::mail
