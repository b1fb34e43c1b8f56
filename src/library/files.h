#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

// Checking and keeping uploaded files, for every area that takes them (materials, a recording's
// slides).
namespace trellis::library {

// The largest material file anyone may upload.
inline constexpr std::size_t kMaxMaterialBytes = 25 * 1024 * 1024;

// An upload that passed the checks: its cleaned name and the content type it is sent back with.
struct CheckedFile {
    std::string filename;
    std::string content_type;
};
// Checks an uploaded file: throws std::invalid_argument, saying why, for an empty file, one past
// 25 MB, a type we do not keep, or contents that are not what the name says.
CheckedFile check_upload(const std::string& filename, const std::string& content);

// The content type of an allowed material's file name ("" when the type is not allowed).
std::string material_type_of(const std::string& filename);
// The lower-case extension of a file name ("" when it has none).
std::string extension_of(const std::string& filename);
// True when the file's first bytes are those of the type its extension names, so that a file
// cannot claim to be a PDF and be something else.
bool content_matches_type(const std::string& extension, const std::string& content);
// The last part of the name a browser sent, without control characters, so it is safe to show and
// to put in a download header.
std::string clean_filename(const std::string& sent);
// The bytes of a stored file; throws std::runtime_error when it is missing.
std::string read_file(const std::filesystem::path& path);
// A size for people, e.g. "1.4 MB".
std::string size_label(long long bytes);

} // namespace trellis::library
