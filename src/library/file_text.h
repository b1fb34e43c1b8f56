#pragma once

#include <cstddef>
#include <string>

// The words inside a file, for the library's search.
namespace trellis::library {

// The most of a file's text that is searched: enough for a long handout, not a whole book.
inline constexpr std::size_t kMostSearchedText = 200 * 1024;

// The text of a PDF (read by Poppler), a Markdown file (its words without the markup), WebVTT captions
// (what is said) or a plain text file; "" for any other type. Cut at kMostSearchedText, on a character's
// boundary.
std::string searchable_text(const std::string& filename, const std::string& content);

// The words of a Markdown text, without its markup (cmark reads it; link addresses are left out).
std::string markdown_words(const std::string& markdown);

// The spoken words of WebVTT captions, without the header, cue numbers, timings, notes and voice tags.
std::string caption_words(const std::string& webvtt);

} // namespace trellis::library
