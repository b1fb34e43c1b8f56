// The words the library's search reads inside files: a PDF's text through Poppler, Markdown without
// its markup, plain text as it is, and nothing from other types or broken files.
#include <gtest/gtest.h>

#include "library/file_text.h"
#include "pdf/pdf.h"

using namespace trellis::library;

TEST(FileText, reads_the_words_of_a_pdf) {
    const std::string pdf =
        trellis::pdf::markdown_document("Retrieval starters", "Pupils recall **photosynthesis** weekly.", "");
    const std::string text = searchable_text("starters.PDF", pdf);
    EXPECT_NE(text.find("photosynthesis"), std::string::npos) << text;
    EXPECT_NE(text.find("Retrieval starters"), std::string::npos);
}

TEST(FileText, a_broken_pdf_gives_no_words_rather_than_failing) {
    EXPECT_EQ(searchable_text("slides.pdf", "%PDF-1.4\nnot really\n%%EOF\n"), "");
}

TEST(FileText, reads_markdown_without_its_markup_or_link_addresses) {
    const std::string text = markdown_words(
        "# Cold calling\n\nWait **five** seconds, see [the guide](https://example.org/x).\n\n- one\n");
    EXPECT_NE(text.find("Cold calling"), std::string::npos);
    EXPECT_NE(text.find("Wait five seconds, see the guide."), std::string::npos) << text;
    EXPECT_EQ(text.find("**"), std::string::npos);
    EXPECT_EQ(text.find("example.org"), std::string::npos);
    EXPECT_NE(text.find("one"), std::string::npos);
}

TEST(FileText, keeps_plain_text_and_ignores_other_types) {
    EXPECT_EQ(searchable_text("notes.txt", "just words"), "just words");
    EXPECT_EQ(searchable_text("slides.pptx", std::string("PK\x03\x04", 4) + "words"), "");
}

TEST(FileText, cuts_long_text_on_a_character_boundary) {
    const std::string long_text(kMostSearchedText - 1, 'a');
    const std::string text = searchable_text("long.txt", long_text + "é and more");
    EXPECT_EQ(text.size(), kMostSearchedText - 1) << "the two bytes of é are not split";
}
