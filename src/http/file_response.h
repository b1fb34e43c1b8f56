#pragma once

#include <filesystem>
#include <string>

#include "http/request_context.h"
#include "storage/file_store.h"

namespace trellis::http {

// Streams a file from disk as the response, so a video can be sought: a Range request gets 206
// with just those bytes, and a malformed or unsatisfiable one 416 with the file's size.
void send_file(RequestContext& context, const std::filesystem::path& file, const std::string& content_type);
// The same for an uploaded file in the file store: each range is read from the store as it is sent
// (from a bucket, a ranged GET passed straight through), so a video is never held whole. A file
// missing from the store is a 404.
void send_stored_file(RequestContext& context, storage::FileStore& files, const std::string& key,
                      const std::string& content_type);

// True when a Range header names only byte ranges this size of file can satisfy (or there is none).
bool range_is_satisfiable(const std::string& header, std::uintmax_t size);

} // namespace trellis::http
