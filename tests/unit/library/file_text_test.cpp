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

TEST(CaptionWords, keeps_what_is_said_without_the_header_notes_cue_numbers_timings_or_voice_tags) {
    const std::string captions =
        "WEBVTT - the launch\n\nNOTE recorded in the hall\nsecond line of the note\n\n"
        "1\n00:00:00.000 --> 00:00:04.000\n<v Asha>Wait five seconds</v> after asking.\n\n"
        "intro-2\r\n00:00:04.500 --> 00:00:08.000 align:start\r\nThen <i>everyone</i> "
        "answers.\r\n";
    EXPECT_EQ(trellis::library::caption_words(captions),
              "Wait five seconds after asking. Then everyone answers.");
    EXPECT_EQ(trellis::library::searchable_text("launch.vtt", captions),
              "Wait five seconds after asking. Then everyone answers.");
    EXPECT_EQ(trellis::library::caption_words("WEBVTT\n"), "");
}
