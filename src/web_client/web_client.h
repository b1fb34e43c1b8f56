#pragma once

#include <curl/curl.h>

#include <chrono>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

// Requests Trellis makes to other services (an OpenID provider's keys and tokens, a learning record
// store's statements), through libcurl, each bounded in time so that a slow or silent
// service costs a person a clear message, never a hung page.
namespace trellis::web_client {

struct Reply {
    long status = 0;
    std::string body;
    std::string content_type;
};

// The service could not be reached or did not answer in time; what() says which, for logs.
class Unreachable : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct Limits {
    std::chrono::milliseconds connect{3000};
    std::chrono::milliseconds total{8000};
    std::size_t largest_body = 1 << 20; // an answer larger than this is refused, not read to the end
};

// A new libcurl handle, with libcurl started first (once, as it must be, before any thread uses it):
// every request Trellis makes, mail included, starts here.
using Handle = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;
Handle new_handle();

// Any request: its method, body, header lines and HTTP Basic sign-in (when `user` is set).
struct Call {
    std::string method = "GET";
    std::string body;
    std::vector<std::string> headers; // "Content-Type: application/json"
    std::string user;
    std::string password;
};
Reply send(const std::string& url, const Call& call, const Limits& limits = {});

// GET `url`; throws Unreachable.
Reply get(const std::string& url, const Limits& limits = {});
// POST `fields` as application/x-www-form-urlencoded; throws Unreachable.
Reply post_form(const std::string& url, const std::vector<std::pair<std::string, std::string>>& fields,
                const Limits& limits = {});

} // namespace trellis::web_client
