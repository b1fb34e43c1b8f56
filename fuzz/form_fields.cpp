// Any bytes as what a browser or proxy sends: a URL-encoded form body, a `next=` target and an
// X-Forwarded-For list. None may crash, and a target judged safe must be a path on this site.
#include <cstdint>
#include <cstdlib>
#include <string>

#include <httplib.h>

#include "http/client_address.h"
#include "http/safe_redirect.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    httplib::Params fields;
    httplib::detail::parse_query_text(text, fields);

    const std::string path = trellis::http::safe_local_path(text);
    if (path.empty() || path[0] != '/' || (path.size() > 1 && (path[1] == '/' || path[1] == '\\')))
        std::abort(); // a redirect that could leave the site
    for (char c : path)
        if (static_cast<unsigned char>(c) < 0x20 || c == '\\')
            std::abort();

    httplib::Request request;
    request.remote_addr = "10.0.0.1";
    request.headers.emplace("X-Forwarded-For", text);
    const std::string address = trellis::http::client_address(request, {"10.0.0.1"});
    (void)trellis::http::parse_address_list(text);
    if (address.empty())
        std::abort(); // there is always someone to throttle
    return 0;
}
