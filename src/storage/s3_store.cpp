#include "storage/s3_store.h"

#include <sodium.h>

#include "storage/keys.h"
#include "text/url.h"
#include "web_client/web_client.h"

namespace trellis::storage {

namespace {

using namespace std::chrono_literals;

// Uploads and whole downloads are at most a recording (60 MB); streaming a video to a slow
// connection may take long, so the limit there is generous.
const web_client::Limits kTransfer{.connect = 3000ms, .total = 300000ms, .largest_body = 128u << 20};
const web_client::Limits kStreaming{.connect = 3000ms, .total = 3600000ms, .largest_body = 64 * 1024};
const web_client::Limits kSmall{.connect = 3000ms, .total = 15000ms, .largest_body = 4u << 20};

std::string sha256_hex(const std::string& bytes) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    char hex[2 * crypto_hash_sha256_BYTES + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

std::string decoded_entities(std::string text) {
    static const std::pair<const char*, const char*> entities[] = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
    for (const auto& [entity, character] : entities)
        for (std::size_t at = text.find(entity); at != std::string::npos; at = text.find(entity, at + 1))
            text.replace(at, std::string(entity).size(), character);
    return text;
}

// Every text between <TAG> and </TAG>, in order.
std::vector<std::string> elements(const std::string& xml, const std::string& tag) {
    std::vector<std::string> found;
    const std::string open = "<" + tag + ">", close = "</" + tag + ">";
    for (std::size_t at = xml.find(open); at != std::string::npos; at = xml.find(open, at)) {
        const std::size_t start = at + open.size(), end = xml.find(close, start);
        if (end == std::string::npos)
            break;
        found.push_back(decoded_entities(xml.substr(start, end - start)));
        at = end + close.size();
    }
    return found;
}

// What an S3 error answer says ("403 SignatureDoesNotMatch"), for messages.
std::string problem_of(const web_client::Reply& reply) {
    const auto codes = elements(reply.body, "Code");
    return std::to_string(reply.status) + (codes.empty() ? "" : " " + codes.front());
}

bool succeeded(const web_client::Reply& reply) {
    return reply.status >= 200 && reply.status < 300;
}

} // namespace

std::vector<std::string> keys_in_listing(const std::string& xml) {
    return elements(xml, "Key");
}

std::string next_page_of_listing(const std::string& xml) {
    const auto truncated = elements(xml, "IsTruncated");
    const auto token = elements(xml, "NextContinuationToken");
    return !truncated.empty() && truncated.front() == "true" && !token.empty() ? token.front() : "";
}

S3Store::S3Store(S3Settings settings) : m_settings(std::move(settings)) {
    while (!m_settings.endpoint.empty() && m_settings.endpoint.back() == '/')
        m_settings.endpoint.pop_back();
}

std::string S3Store::where() const {
    return "bucket " + m_settings.bucket + " at " + m_settings.endpoint;
}

std::string S3Store::url_of(const std::string& key) const {
    if (!is_safe_key(key))
        throw std::invalid_argument("not a stored file's key: " + key);
    // Safe keys need no escaping in a path.
    return m_settings.endpoint + "/" + m_settings.bucket + "/" + key;
}

namespace {

// A signed request: the payload's SHA-256 goes in x-amz-content-sha256, which S3 requires and
// checks against the body, and libcurl signs it with the rest.
// A PUT's body is borrowed, not copied: a recording is up to 60 MB.
web_client::Call signed_call(const S3Settings& settings, const std::string& method,
                             const std::string& body = std::string()) {
    web_client::Call call;
    call.method = method;
    if (!body.empty())
        call.borrowed_body = &body;
    // No "Expect:" to turn off 100-continue: libcurl 7.88 would sign the emptied header it then
    // leaves out, and the store would refuse the signature.
    call.headers = {"x-amz-content-sha256: " + sha256_hex(body)};
    if (method == "PUT")
        call.headers.push_back("Content-Type: application/octet-stream");
    call.user = settings.access_key;
    call.password = settings.secret_key;
    call.aws_sigv4 = "aws:amz:" + settings.region + ":s3";
    return call;
}

web_client::Reply sent(const std::string& url, const web_client::Call& call,
                       const web_client::Limits& limits) {
    try {
        return web_client::send(url, call, limits);
    } catch (const web_client::Unreachable& problem) {
        throw Unavailable(std::string("the object store could not be reached: ") + problem.what());
    }
}

} // namespace

void S3Store::put(const std::string& key, const std::string& bytes) {
    const auto reply = sent(url_of(key), signed_call(m_settings, "PUT", bytes), kTransfer);
    if (!succeeded(reply))
        throw Unavailable("the object store did not keep " + key + ": " + problem_of(reply));
}

std::string S3Store::get(const std::string& key) {
    auto reply = sent(url_of(key), signed_call(m_settings, "GET"), kTransfer);
    if (reply.status == 404)
        throw Missing("stored file missing: " + key);
    if (!succeeded(reply))
        throw Unavailable("the object store did not give " + key + ": " + problem_of(reply));
    return std::move(reply.body);
}

std::optional<std::uint64_t> S3Store::size_of(const std::string& key) {
    const auto reply = sent(url_of(key), signed_call(m_settings, "HEAD"), kSmall);
    if (reply.status == 404)
        return std::nullopt;
    if (!succeeded(reply) || reply.content_length < 0)
        throw Unavailable("the object store did not describe " + key + ": " + problem_of(reply));
    return static_cast<std::uint64_t>(reply.content_length);
}

bool S3Store::read_range(const std::string& key, std::uint64_t offset, std::uint64_t length,
                         const Receiver& receive) {
    if (length == 0)
        return true;
    // The byte range goes to the store as a Range header, so only those bytes cross the network and
    // they pass straight through to the receiver.
    web_client::Call call = signed_call(m_settings, "GET");
    call.headers.push_back("Range: bytes=" + std::to_string(offset) + "-" +
                           std::to_string(offset + length - 1));
    call.receive = receive;
    try {
        const auto reply = web_client::send(url_of(key), call, kStreaming);
        return reply.status == 206 || (reply.status == 200 && offset == 0);
    } catch (const web_client::Unreachable&) {
        return false; // the client left, or the store failed part way: the connection is closed
    }
}

void S3Store::remove(const std::string& key) {
    const auto reply = sent(url_of(key), signed_call(m_settings, "DELETE"), kSmall);
    if (!succeeded(reply) && reply.status != 404)
        throw Unavailable("the object store did not remove " + key + ": " + problem_of(reply));
}

std::vector<std::string> S3Store::list(const std::string& prefix) {
    std::vector<std::string> keys;
    std::string page;
    do {
        // Parameters in sorted order and already encoded, as the signature's canonical query has them.
        std::string url = m_settings.endpoint + "/" + m_settings.bucket + "?";
        if (!page.empty())
            url += "continuation-token=" + text::url_encode(page) + "&";
        url += "list-type=2&prefix=" + text::url_encode(prefix);
        const auto reply = sent(url, signed_call(m_settings, "GET"), kSmall);
        if (!succeeded(reply))
            throw Unavailable("the object store did not list " + prefix + ": " + problem_of(reply));
        for (std::string& key : keys_in_listing(reply.body))
            keys.push_back(std::move(key));
        page = next_page_of_listing(reply.body);
    } while (!page.empty());
    return keys;
}

void S3Store::check() {
    web_client::Reply reply;
    try {
        reply = web_client::send(m_settings.endpoint + "/" + m_settings.bucket,
                                 signed_call(m_settings, "HEAD"), kSmall);
    } catch (const web_client::Unreachable& problem) {
        throw Unavailable("TRELLIS_S3_ENDPOINT: cannot reach " + m_settings.endpoint + " (" + problem.what() +
                          ")");
    }
    if (reply.status == 403 || reply.status == 401)
        throw Unavailable("TRELLIS_S3_ACCESS_KEY and TRELLIS_S3_SECRET_KEY were refused by " + where() +
                          " (" + std::to_string(reply.status) +
                          "): check the key, its secret, the region and that they may use the bucket");
    if (reply.status == 404)
        throw Unavailable("TRELLIS_S3_BUCKET: there is no " + where());
    if (!succeeded(reply))
        throw Unavailable("the object store at " + m_settings.endpoint + " answered " +
                          std::to_string(reply.status) + " for " + where());
}

} // namespace trellis::storage
