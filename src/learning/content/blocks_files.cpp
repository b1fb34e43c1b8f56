// The blocks that point at files of the module: video and resource.

#include "learning/content/block_reader.h"
#include "learning/content/markdown.h"

namespace trellis::learning::content {

namespace {

// A transcript's own "# Title" would be a second page heading where it is shown: the page gives
// it a heading of its own, so the first <h1> is dropped.
std::string without_leading_title(const std::string& html) {
    if (!html.starts_with("<h1>"))
        return html;
    const auto end = html.find("</h1>\n");
    return end == std::string::npos ? html : html.substr(end + 6);
}

// The value of a path field, checked to name an existing file of the module; empty if it does not.
std::string file_field(BlockReader& reader, const BlockLines& lines, std::string_view key) {
    const auto found = lines.fields.find(key);
    if (found == lines.fields.end() || found->second.value.empty()) {
        reader.report("a " + std::string(block_type_name(reader.block().type)) + " needs '" +
                      std::string(key) + ":'");
        return {};
    }
    const std::string what = "block '" + reader.block().id + "': " + std::string(key);
    if (!reader.context().check_module_file(reader.file(), found->second.line, found->second.value, what))
        return {};
    return found->second.value;
}

int line_of(const BlockLines& lines, std::string_view key, int otherwise) {
    const auto found = lines.fields.find(key);
    return found == lines.fields.end() ? otherwise : found->second.line;
}

} // namespace

VideoBlock parse_video(BlockReader& reader) {
    VideoBlock video;
    const BlockLines lines = reader.read_lines({"title", "src", "captions", "transcript", "poster"}, false);
    video.title = reader.required(lines, "title");
    video.source = file_field(reader, lines, "src");
    video.captions = file_field(reader, lines, "captions");
    video.transcript = file_field(reader, lines, "transcript");
    video.poster = file_field(reader, lines, "poster");
    ParseContext& context = reader.context();
    if (!video.captions.empty()) {
        const auto captions =
            context.read_text_file(video.captions, reader.file(), line_of(lines, "captions", 0));
        // WebVTT allows a byte order mark before the signature.
        const std::string_view signature = "WEBVTT";
        if (captions && !captions->starts_with(signature) &&
            !captions->starts_with("\xEF\xBB\xBF"
                                   "WEBVTT"))
            reader.report(line_of(lines, "captions", reader.block().line),
                          "captions file '" + video.captions + "' does not start with WEBVTT");
    }
    if (!video.transcript.empty()) {
        if (const auto transcript = context.read_text_file(video.transcript, reader.file(), 0))
            video.transcript_html = without_leading_title(render_markdown(*transcript));
    }
    return video;
}

ResourceBlock parse_resource(BlockReader& reader) {
    ResourceBlock resource;
    const BlockLines lines = reader.read_lines({"title", "source", "file"}, false);
    resource.title = reader.required(lines, "title");
    const bool has_source = lines.fields.contains("source");
    const bool has_file = lines.fields.contains("file");
    if (has_source == has_file) {
        reader.report(
            "a resource needs exactly one of 'source:' (Markdown to print) or 'file:' (served as is)");
        return resource;
    }
    if (has_file) {
        resource.file = file_field(reader, lines, "file");
        return resource;
    }
    resource.source = file_field(reader, lines, "source");
    if (resource.source.empty())
        return resource;
    const int line = line_of(lines, "source", reader.block().line);
    if (!resource.source.ends_with(".md")) {
        reader.report(line, "'source:' must be a Markdown (.md) file; use 'file:' for a ready-made file");
        return resource;
    }
    // Resource Markdown follows the page rules, so it is checked like one (title line, images).
    if (const auto text = reader.context().read_text_file(resource.source, reader.file(), line)) {
        const std::vector<SourceLine> source_lines = split_lines(*text);
        if (source_lines.empty() || !source_lines[0].text.starts_with("# ") ||
            trim(source_lines[0].text.substr(2)).empty())
            reader.context().report(resource.source, 1,
                                    "the first line must be the resource title: '# Title'");
    }
    return resource;
}

} // namespace trellis::learning::content
