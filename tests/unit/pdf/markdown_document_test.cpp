#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "pdf/pdf.h"
#include "pdf_support.h"

using namespace trellis::pdf;
using namespace trellis::pdf::testing;

namespace {

const std::string kEveryBlock = R"(# Why trust matters

Trust is **the ground** for *professional development*; see `reflect()` and
[the research summary](https://example.org/trust/summary) or <https://example.org/plain>.

## What we do

- Listen first
- Ask questions
  - Open questions
  - Follow-up questions
- Notice what changes

1. Observe a colleague
2. Talk it through
3. Try it again

> A quoted thought about trust,
> spread over two lines.

```
int main() {
    return 42;
}
```

---

### Afterwards

The end of the document.
)";

} // namespace

TEST(PdfMarkdown, prints_the_title_headings_inline_text_links_lists_quotes_and_code) {
    const std::string bytes = markdown_document("Building trust", kEveryBlock, "Oakfield Learning Trust");
    const std::string text = flat_text(bytes);
    for (const char* expected : {"Building trust",
                                 "Why trust matters",
                                 "Trust is the ground for professional development; see reflect() and",
                                 "the research summary (https://example.org/trust/summary)",
                                 "What we do",
                                 "Listen first",
                                 "Ask questions",
                                 "Open questions",
                                 "Follow-up questions",
                                 "Notice what changes",
                                 "1. Observe a colleague",
                                 "2. Talk it through",
                                 "3. Try it again",
                                 "A quoted thought about trust, spread over two lines.",
                                 "int main() {",
                                 "return 42;",
                                 "Afterwards",
                                 "The end of the document.",
                                 "Oakfield Learning Trust",
                                 "Page 1 of 1"})
        EXPECT_NE(text.find(expected), std::string::npos) << "missing \"" << expected << "\" in:\n" << text;
    // An autolink's words are its address: printed once, not followed by itself in brackets.
    EXPECT_NE(text.find("https://example.org/plain."), std::string::npos) << text;
    EXPECT_EQ(text.find("(https://example.org/plain)"), std::string::npos) << text;
}

TEST(PdfMarkdown, is_one_a4_portrait_page_titled_in_its_metadata) {
    const std::string info = pdf_info(markdown_document("Building trust: a guide", "Short.", "Footer"));
    EXPECT_EQ(info_field(info, "Title"), "Building trust: a guide");
    EXPECT_EQ(info_field(info, "Pages"), "1");
    EXPECT_NE(info_field(info, "Page size").find("595.276 x 841.89 pts (A4)"), std::string::npos) << info;
}

TEST(PdfMarkdown, flows_a_long_document_over_pages_without_losing_a_paragraph) {
    std::string markdown;
    for (int paragraph = 1; paragraph <= 80; ++paragraph) {
        if (paragraph % 10 == 1)
            markdown += "## Part " + std::to_string(paragraph / 10 + 1) + "\n\n";
        markdown +=
            "Paragraph " + std::to_string(paragraph) +
            " begins here, and runs on for a while so that it wraps over more than one line of the page, "
            "as real guidance does. Paragraph " +
            std::to_string(paragraph) + " ends here.\n\n";
    }
    const std::string bytes = markdown_document("A long read", markdown, "Long footer");
    const int pages = page_count(bytes);
    EXPECT_GE(pages, 4);
    const std::string text = flat_text(bytes);
    for (int paragraph = 1; paragraph <= 80; ++paragraph) {
        const std::string end = "Paragraph " + std::to_string(paragraph) + " ends here.";
        EXPECT_NE(text.find(end), std::string::npos) << end;
    }
    for (int page = 1; page <= pages; ++page) {
        const std::string number = "Page " + std::to_string(page) + " of " + std::to_string(pages);
        EXPECT_NE(text.find(number), std::string::npos) << number;
    }
}

TEST(PdfMarkdown, splits_a_code_block_longer_than_a_page_between_lines) {
    std::string markdown = "```\n";
    for (int line = 1; line <= 150; ++line)
        markdown += "step_" + std::to_string(line) + "();\n";
    markdown += "```\n";
    const std::string bytes = markdown_document("Code", markdown, "");
    EXPECT_GE(page_count(bytes), 2);
    const std::string text = flat_text(bytes);
    for (int line = 1; line <= 150; ++line)
        EXPECT_NE(text.find("step_" + std::to_string(line) + "();"), std::string::npos) << line;
}

TEST(PdfMarkdown, breaks_a_word_longer_than_the_line_instead_of_cutting_it_off) {
    const std::string word = "https://example.org/" + std::string(400, 'q');
    const std::string text = flat_text(markdown_document("Long word", word, ""));
    EXPECT_EQ(std::count(text.begin(), text.end(), 'q'), 400) << text;
}

TEST(PdfMarkdown, renders_empty_markdown_and_an_empty_title) {
    EXPECT_EQ(page_count(markdown_document("", "", "")), 1);
}

TEST(PdfMarkdown, breaks_a_long_link_address_without_adding_hyphens) {
    const std::string url = "https://example.org/" + std::string(300, 'q');
    std::string text =
        flat_text(markdown_document("Links", "[See the guide](" + url + ") and <" + url + ">.", ""));
    std::erase(text, ' ');
    // Line breaks inside the addresses became spaces, now removed: what is left must be the addresses.
    EXPECT_NE(text.find("Seetheguide(" + url + ")and" + url + "."), std::string::npos) << text;
}

TEST(PdfMarkdown, keeps_deeply_nested_lists_and_quotes_on_the_page) {
    std::string markdown;
    for (int level = 0; level < 60; ++level)
        markdown += std::string(2 * level, ' ') + "- level" + std::to_string(level) + " item\n";
    markdown +=
        "\n" + std::string(100, '>') + " deep quote with enough words to need wrapping at the least\n";
    const std::string text = flat_text(markdown_document("Nested", markdown, ""));
    for (int level = 0; level < 60; ++level)
        EXPECT_NE(text.find("level" + std::to_string(level) + " item"), std::string::npos) << level;
    EXPECT_NE(text.find("deep quote with enough words to need wrapping at the least"), std::string::npos)
        << text;
}

TEST(PdfMarkdown, the_same_parts_give_the_same_document_and_any_change_a_new_one) {
    const std::string first = markdown_document("Kept", "One line that stays the same.", "Footer A");
    EXPECT_EQ(markdown_document("Kept", "One line that stays the same.", "Footer A"), first);
    // Each part counts, and parts cannot run into each other: "Kep" + "tFooter A" is not "Kept" + "Footer A".
    const std::string other_footer = markdown_document("Kept", "One line that stays the same.", "Footer B");
    EXPECT_NE(flat_text(other_footer), flat_text(first));
    EXPECT_NE(flat_text(markdown_document("Kep", "One line that stays the same.", "tFooter A")),
              flat_text(first));
    EXPECT_NE(flat_text(markdown_document("Kept", "Another line.", "Footer A")).find("Another line."),
              std::string::npos);
}
