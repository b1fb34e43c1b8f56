#include "library/file_text.h"

#include <memory>
#include <vector>

#include <cmark.h>

#include "library/files.h"
#include "library/pdf_text.h"

namespace trellis::library {

namespace {

struct NodeFree {
    void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterFree {
    void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};

// Cuts long text on a UTF-8 character's first byte, so the index never holds half a character.
std::string cut(std::string text) {
    if (text.size() <= kMostSearchedText)
        return text;
    std::size_t end = kMostSearchedText;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    text.resize(end);
    return text;
}

} // namespace

std::string markdown_words(const std::string& markdown) {
    std::unique_ptr<cmark_node, NodeFree> document(
        cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8));
    if (!document)
        return "";
    std::string words;
    std::unique_ptr<cmark_iter, IterFree> iter(cmark_iter_new(document.get()));
    for (cmark_event_type event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
         event = cmark_iter_next(iter.get())) {
        cmark_node* node = cmark_iter_get_node(iter.get());
        const cmark_node_type type = cmark_node_get_type(node);
        if (event == CMARK_EVENT_ENTER &&
            (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK)) {
            if (const char* literal = cmark_node_get_literal(node))
                words += literal;
        } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK ||
                   (event == CMARK_EVENT_EXIT && (type == CMARK_NODE_PARAGRAPH ||
                                                  type == CMARK_NODE_HEADING || type == CMARK_NODE_ITEM))) {
            words += '\n';
        }
    }
    return words;
}

std::string caption_words(const std::string& webvtt) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < webvtt.size()) {
        std::size_t end = webvtt.find('\n', start);
        if (end == std::string::npos)
            end = webvtt.size();
        std::string line = webvtt.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        lines.push_back(line);
        start = end + 1;
    }
    std::string words;
    bool in_note = false;
    for (std::size_t index = 0; index < lines.size(); ++index) {
        const std::string& line = lines[index];
        if (line.empty()) {
            in_note = false;
            continue;
        }
        if (line.rfind("NOTE", 0) == 0 || line.rfind("STYLE", 0) == 0 || line.rfind("REGION", 0) == 0)
            in_note = true;
        const bool cue_id = index + 1 < lines.size() && lines[index + 1].find("-->") != std::string::npos;
        if (in_note || index == 0 || cue_id || line.find("-->") != std::string::npos)
            continue;
        // Voice, class and timestamp tags (<v Asha>, <i>, <00:01.000>) are markup, not words.
        bool in_tag = false;
        if (!words.empty())
            words += ' ';
        for (char c : line) {
            if (c == '<')
                in_tag = true;
            else if (c == '>')
                in_tag = false;
            else if (!in_tag)
                words += c;
        }
        if (words.size() >= kMostSearchedText)
            break;
    }
    return words;
}

std::string searchable_text(const std::string& filename, const std::string& content) {
    const std::string extension = extension_of(filename);
    if (extension == "pdf")
        return cut(pdf_text(content));
    if (extension == "md")
        return cut(markdown_words(content));
    if (extension == "txt")
        return cut(content);
    if (extension == "vtt")
        return cut(caption_words(content));
    return "";
}

} // namespace trellis::library
