#pragma once

#include <curl/curl.h>

#include <chrono>
#include <functional>
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
    long long content_length = -1; // the length the service announced (a HEAD's answer), or -1
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

// Any request: its method ("HEAD" asks for no body), body, header lines and HTTP Basic sign-in
// (when `user` is set).
struct Call {
    std::string method = "GET";
    std::string body;
    std::vector<std::string> headers; // "Content-Type: application/json"
    std::string user;
    std::string password;
    // When set ("aws:amz:REGION:s3"), `user` and `password` are an access key and its secret and the
    // request is signed with AWS Signature Version 4 by libcurl (CURLOPT_AWS_SIGV4), not HTTP Basic.
    std::string aws_sigv4;
    // When set, sent as the body instead of `body`, without copying it (an upload of many megabytes).
    const std::string* borrowed_body = nullptr;
    // When set, a successful (2xx) answer's body is handed over piece by piece as it arrives instead
    // of kept in Reply::body, so a large file is never held whole; returning false ends the transfer
    // (and send throws Unreachable). Other answers' bodies are kept as usual, for their message.
    std::function<bool(const char* bytes, std::size_t length)> receive;
};
Reply send(const std::string& url, const Call& call, const Limits& limits = {});

// GET `url`; throws Unreachable.
Reply get(const std::string& url, const Limits& limits = {});
// POST `fields` as application/x-www-form-urlencoded; throws Unreachable.
Reply post_form(const std::string& url, const std::vector<std::pair<std::string, std::string>>& fields,
                const Limits& limits = {});

} // namespace trellis::web_client
