#include "http/client_address.h"
#include "text/words.h"

#include <algorithm>

namespace trellis::http {

namespace {

using text::trimmed;

} // namespace

std::vector<std::string> parse_address_list(const std::string& text) {
    std::vector<std::string> addresses;
    std::size_t at = 0;
    while (at <= text.size()) {
        std::size_t comma = text.find(',', at);
        if (comma == std::string::npos)
            comma = text.size();
        if (std::string address = trimmed(text.substr(at, comma - at)); !address.empty())
            addresses.push_back(address);
        at = comma + 1;
    }
    return addresses;
}

std::string client_address(const httplib::Request& request, const std::vector<std::string>& trusted_proxies) {
    const auto trusted = [&](const std::string& address) {
        return std::find(trusted_proxies.begin(), trusted_proxies.end(), address) != trusted_proxies.end();
    };
    if (!trusted(request.remote_addr) || !request.has_header("X-Forwarded-For"))
        return request.remote_addr;
    const std::vector<std::string> hops = parse_address_list(request.get_header_value("X-Forwarded-For"));
    for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop)
        if (!trusted(*hop))
            return *hop;
    return request.remote_addr;
}

} // namespace trellis::http
