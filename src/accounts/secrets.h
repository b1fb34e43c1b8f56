#pragma once

#include <string>
#include <string_view>

namespace trellis::accounts {

// Aborts the process if libsodium cannot start: nothing here is safe without it.
void initialise_secrets();
// 32 random bytes as URL-safe base64 (43 characters), for session, CSRF and reset tokens.
std::string random_token();
// `count` characters drawn uniformly from `alphabet` (for codes people read and type).
std::string random_characters(std::string_view alphabet, std::size_t count);
// A hex SHA-256 of a token: what the database keeps, so a leaked table holds no usable token.
std::string hash_token(const std::string& token);
// An Argon2id hash string of the password (libsodium's interactive limits).
std::string hash_password(const std::string& password);
// True when the password matches the Argon2id hash string.
bool verify_password(const std::string& hash, const std::string& password);
// Compares two strings in time that does not depend on where they differ.
bool equal_in_constant_time(const std::string& a, const std::string& b);

// Base64url without padding, as JSON Web Tokens write their parts. Decoding text that is not
// base64url gives "".
std::string base64url(std::string_view bytes);
std::string from_base64url(std::string_view text);

} // namespace trellis::accounts
