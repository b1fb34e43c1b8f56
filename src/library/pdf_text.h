#pragma once

#include <string>

// The words of an uploaded file, for the library's search.
namespace trellis::library {

// The text of a PDF's pages, one after another ("" for a PDF that cannot be read, is locked, or
// holds only pictures).
std::string pdf_text(const std::string& bytes);

} // namespace trellis::library
