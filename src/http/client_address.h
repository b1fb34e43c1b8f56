#pragma once

#include <string>
#include <vector>

#include <httplib.h>

namespace trellis::http {

// The address of the person's browser. Behind nginx every connection comes from the proxy, so
// X-Forwarded-For is read, but only when the connection comes from one of `trusted_proxies`
// (TRELLIS_TRUSTED_PROXIES); anyone else could write any address there. The header is read from
// the right, skipping trusted proxies, since a client can put anything at its left end.
std::string client_address(const httplib::Request& request, const std::vector<std::string>& trusted_proxies);

// Splits TRELLIS_TRUSTED_PROXIES ("127.0.0.1, ::1") into addresses.
std::vector<std::string> parse_address_list(const std::string& text);

} // namespace trellis::http
