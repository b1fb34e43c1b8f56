#include "library/handlers/views.h"
#include "text/url.h"

#include "http/response.h"
#include "library/files.h"

namespace trellis::library::handlers {

namespace {

// A filename header that every browser reads: a plain ASCII name, and the real one encoded.
std::string attachment_header(const std::string& filename) {
    std::string ascii;
    for (unsigned char c : filename)
        ascii += (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') ? static_cast<char>(c) : '_';
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + text::url_encode(filename);
}

} // namespace

mstch::array material_rows(const std::vector<Material>& materials, const std::string& base) {
    mstch::array rows;
    for (const Material& material : materials) {
        const std::string link = base + "/" + std::to_string(material.id);
        rows.push_back(mstch::map{{"id", std::to_string(material.id)},
                                  {"filename", material.filename},
                                  {"size", size_label(material.bytes)},
                                  {"download", link + "/download"},
                                  {"delete", link + "/delete"}});
    }
    return rows;
}

void send_material(http::RequestContext& context, const Material& material, const std::string& bytes) {
    context.response.set_header("Content-Disposition", attachment_header(material.filename));
    context.response.set_header("X-Content-Type-Options", "nosniff");
    // Opened in a tab by mistake, the file still runs no script and reaches nothing of ours.
    context.response.set_header("Content-Security-Policy", "sandbox; default-src 'none'");
    context.response.set_header("Cache-Control", "private, no-store");
    context.response.set_content(bytes, material.content_type);
}

} // namespace trellis::library::handlers
