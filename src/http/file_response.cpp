#include "http/file_response.h"

#include <fstream>
#include <regex>
#include <vector>

#include "http/response.h"

namespace trellis::http {

namespace {

bool send_file_bytes(const std::string& path, std::size_t offset, std::size_t length,
                     httplib::DataSink& sink) {
    std::ifstream in(path, std::ios::binary);
    in.seekg(static_cast<std::streamoff>(offset));
    std::vector<char> buffer(std::min<std::size_t>(length, 64 * 1024));
    while (length > 0) {
        in.read(buffer.data(), static_cast<std::streamsize>(std::min(length, buffer.size())));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got == 0 || !sink.write(buffer.data(), got))
            return false;
        length -= got;
    }
    return true;
}

} // namespace

bool range_is_satisfiable(const std::string& header, std::uintmax_t size) {
    if (header.empty())
        return true;
    // bytes=FIRST-[LAST] or bytes=-SUFFIX, comma-separated (RFC 9110 14.1.2).
    static const std::regex whole(R"(bytes=(\d*-\d*)(,\s*\d*-\d*)*)");
    if (!std::regex_match(header, whole))
        return false;
    static const std::regex one(R"((\d*)-(\d*))");
    for (std::sregex_iterator at(header.begin() + 6, header.end(), one), end; at != end; ++at) {
        const std::string first = (*at)[1], last = (*at)[2];
        if (first.empty() && last.empty())
            return false;
        if (first.empty()) { // a suffix: the last N bytes
            if (std::stoull(last) == 0)
                return false;
            continue;
        }
        if (first.size() > 18 || std::stoull(first) >= size)
            return false;
        if (!last.empty() && (last.size() > 18 || std::stoull(last) < std::stoull(first)))
            return false;
    }
    return true;
}

void send_file(RequestContext& context, const std::filesystem::path& file, const std::string& content_type) {
    const std::uintmax_t size = std::filesystem::file_size(file);
    context.response.set_header("X-Content-Type-Options", "nosniff");
    if (!range_is_satisfiable(context.request.get_header_value("Range"), size)) {
        context.response.status = 416;
        context.response.set_header("Content-Range", "bytes */" + std::to_string(size));
        return;
    }
    context.response.set_content_provider(
        size, content_type,
        [path = file.string()](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
            return send_file_bytes(path, offset, length, sink);
        });
}

void send_stored_file(RequestContext& context, storage::FileStore& files, const std::string& key,
                      const std::string& content_type) {
    const auto size = files.size_of(key);
    if (!size)
        return render_error(context, 404, "This file is missing.");
    context.response.set_header("X-Content-Type-Options", "nosniff");
    if (!range_is_satisfiable(context.request.get_header_value("Range"), *size)) {
        context.response.status = 416;
        context.response.set_header("Content-Range", "bytes */" + std::to_string(*size));
        return;
    }
    // The store outlives every response: it is the App's.
    context.response.set_content_provider(
        static_cast<std::size_t>(*size), content_type,
        [&files, key](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
            return files.read_range(key, offset, length, [&sink](const char* bytes, std::size_t count) {
                return sink.write(bytes, count);
            });
        });
}

} // namespace trellis::http
