#include "library/pdf_text.h"

#include <memory>
#include <vector>

#include <poppler-document.h>
#include <poppler-page.h>

namespace trellis::library {

std::string pdf_text(const std::string& bytes) {
    std::vector<char> data(bytes.begin(), bytes.end());
    std::unique_ptr<poppler::document> document(poppler::document::load_from_data(&data));
    if (!document || document->is_locked())
        return "";
    std::string text;
    for (int index = 0; index < document->pages(); ++index) {
        std::unique_ptr<poppler::page> page(document->create_page(index));
        if (!page)
            continue;
        const std::vector<char> utf8 = page->text().to_utf8();
        text.append(utf8.begin(), utf8.end());
        text += '\n';
    }
    return text;
}

} // namespace trellis::library
