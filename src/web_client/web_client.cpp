#include "web_client/web_client.h"
#include "text/url.h"

#include <curl/curl.h>

#include <memory>
#include <mutex>

namespace trellis::web_client {

namespace {

struct Download {
    std::string body;
    std::size_t largest = 0;
    bool too_large = false;
    CURL* handle = nullptr;
    const std::function<bool(const char*, std::size_t)>* receive = nullptr;
    bool stopped = false;
};

bool answered_success(CURL* handle) {
    long status = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
    return status >= 200 && status < 300;
}

std::size_t keep_bytes(char* bytes, std::size_t size, std::size_t count, void* target) {
    auto& download = *static_cast<Download*>(target);
    const std::size_t length = size * count;
    if (download.receive && *download.receive && answered_success(download.handle)) {
        if ((*download.receive)(bytes, length))
            return length;
        download.stopped = true;
        return 0; // ends the transfer
    }
    if (download.body.size() + length > download.largest) {
        download.too_large = true;
        return 0; // ends the transfer
    }
    download.body.append(bytes, length);
    return length;
}

using List = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

Reply perform(const std::string& url, const Limits& limits, const Call& call) {
    Handle curl = new_handle();
    if (!curl)
        throw Unreachable("could not start a request to " + url);
    CURL* handle = curl.get();
    Download download;
    download.largest = limits.largest_body;
    download.handle = handle;
    download.receive = &call.receive;
    curl_easy_setopt(handle, CURLOPT_URL, url.c_str());
    curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L); // timeouts without signals, safe in threads
    curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(limits.connect.count()));
    curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(limits.total.count()));
    curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, keep_bytes);
    curl_easy_setopt(handle, CURLOPT_WRITEDATA, &download);
    curl_easy_setopt(handle, CURLOPT_USERAGENT, "Trellis");
    if (call.method == "HEAD") {
        curl_easy_setopt(handle, CURLOPT_NOBODY, 1L);
    } else if (call.method != "GET") {
        const std::string& body = call.borrowed_body ? *call.borrowed_body : call.body;
        curl_easy_setopt(handle, CURLOPT_POSTFIELDS, body.data());
        curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
        if (call.method != "POST")
            curl_easy_setopt(handle, CURLOPT_CUSTOMREQUEST, call.method.c_str());
    }
    List headers(nullptr, &curl_slist_free_all);
    for (const std::string& header : call.headers) {
        curl_slist* grown = curl_slist_append(headers.get(), header.c_str());
        headers.release();
        headers.reset(grown);
    }
    curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers.get());
    if (!call.aws_sigv4.empty()) {
        curl_easy_setopt(handle, CURLOPT_AWS_SIGV4, call.aws_sigv4.c_str());
        curl_easy_setopt(handle, CURLOPT_USERNAME, call.user.c_str());
        curl_easy_setopt(handle, CURLOPT_PASSWORD, call.password.c_str());
    } else if (!call.user.empty()) {
        curl_easy_setopt(handle, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
        curl_easy_setopt(handle, CURLOPT_USERNAME, call.user.c_str());
        curl_easy_setopt(handle, CURLOPT_PASSWORD, call.password.c_str());
    }
    const CURLcode result = curl_easy_perform(handle);
    if (download.stopped)
        throw Unreachable(url + ": the receiver stopped the transfer");
    if (download.too_large)
        throw Unreachable(url + " answered with more than " + std::to_string(limits.largest_body) + " bytes");
    if (result != CURLE_OK)
        throw Unreachable(url + ": " + curl_easy_strerror(result));
    Reply reply;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &reply.status);
    char* type = nullptr;
    curl_easy_getinfo(handle, CURLINFO_CONTENT_TYPE, &type);
    if (type)
        reply.content_type = type;
    curl_off_t length = -1;
    if (curl_easy_getinfo(handle, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length) == CURLE_OK)
        reply.content_length = static_cast<long long>(length);
    reply.body = std::move(download.body);
    return reply;
}

} // namespace

Handle new_handle() {
    // curl_global_init is not thread-safe: once, before the first handle.
    static std::once_flag started;
    std::call_once(started, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    return Handle(curl_easy_init(), &curl_easy_cleanup);
}

Reply get(const std::string& url, const Limits& limits) {
    return perform(url, limits, Call{});
}

Reply send(const std::string& url, const Call& call, const Limits& limits) {
    return perform(url, limits, call);
}

Reply post_form(const std::string& url, const std::vector<std::pair<std::string, std::string>>& fields,
                const Limits& limits) {
    std::string form;
    for (const auto& [name, value] : fields)
        form += (form.empty() ? "" : "&") + text::url_encode(name) + "=" + text::url_encode(value);
    Call call;
    call.method = "POST";
    call.body = form;
    return perform(url, limits, call);
}

} // namespace trellis::web_client
