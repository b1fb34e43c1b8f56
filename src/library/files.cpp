#include "library/files.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "text/words.h"

namespace trellis::library {

bool content_matches_type(const std::string& extension, const std::string& content) {
    auto starts = [&](std::string_view prefix) { return content.rfind(prefix, 0) == 0; };
    if (extension == "pdf")
        return starts("%PDF-");
    if (extension == "png")
        return starts("\x89PNG\r\n\x1a\n");
    if (extension == "jpg" || extension == "jpeg")
        return starts("\xff\xd8\xff");
    if (extension == "txt" || extension == "md")
        return content.find('\0') == std::string::npos;
    return starts(std::string_view("PK\x03\x04", 4)); // the Office and OpenDocument formats are zip files
}

std::string extension_of(const std::string& filename) {
    const auto dot = filename.rfind('.');
    if (dot == std::string::npos)
        return "";
    std::string extension = filename.substr(dot + 1);
    std::transform(extension.begin(), extension.end(), extension.begin(), ::tolower);
    return extension;
}

std::string clean_filename(const std::string& sent) {
    std::string name =
        sent.substr(sent.find_last_of("/\\") == std::string::npos ? 0 : sent.find_last_of("/\\") + 1);
    std::erase_if(name, [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '"'; });
    name = text::trimmed(name);
    if (name.size() > 200)
        name = name.substr(name.size() - 200);
    return name;
}

std::string material_type_of(const std::string& filename) {
    static const std::map<std::string, std::string> types = {
        {"pdf", "application/pdf"},
        {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
        {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        {"odp", "application/vnd.oasis.opendocument.presentation"},
        {"odt", "application/vnd.oasis.opendocument.text"},
        {"png", "image/png"},
        {"jpg", "image/jpeg"},
        {"jpeg", "image/jpeg"},
        {"txt", "text/plain; charset=utf-8"},
        {"md", "text/markdown; charset=utf-8"},
    };
    auto found = types.find(extension_of(filename));
    return found == types.end() ? "" : found->second;
}

CheckedFile check_upload(const std::string& filename, const std::string& content) {
    CheckedFile checked{clean_filename(filename), ""};
    if (content.empty() || checked.filename.empty())
        throw std::invalid_argument("Choose a file to upload.");
    if (content.size() > kMaxMaterialBytes)
        throw std::invalid_argument("\"" + checked.filename + "\" is " +
                                    size_label(static_cast<long long>(content.size())) +
                                    "; files can be up to 25 MB.");
    checked.content_type = material_type_of(checked.filename);
    if (checked.content_type.empty())
        throw std::invalid_argument(
            "\"" + checked.filename +
            "\" is not a type we keep. Upload PDF, PowerPoint (pptx), Word (docx), "
            "Excel (xlsx), OpenDocument (odp, odt), PNG, JPEG, Markdown or plain text "
            "files.");
    if (!content_matches_type(extension_of(checked.filename), content))
        throw std::invalid_argument("\"" + checked.filename +
                                    "\" does not look like the kind of file its name says. Save it again "
                                    "from the program that made it and upload that.");
    return checked;
}

std::string size_label(long long bytes) {
    char text[32];
    if (bytes < 1024)
        std::snprintf(text, sizeof text, "%lld bytes", bytes);
    else if (bytes < 1024 * 1024)
        std::snprintf(text, sizeof text, "%.0f KB", bytes / 1024.0);
    else
        std::snprintf(text, sizeof text, "%.1f MB", bytes / (1024.0 * 1024.0));
    return text;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw std::runtime_error("stored file missing: " + path.filename().string());
    std::ostringstream bytes;
    bytes << file.rdbuf();
    return bytes.str();
}

} // namespace trellis::library
