#include <gtest/gtest.h>

#include "text/html.h"

using trellis::text::escape_html;

TEST(EscapeHtml, escapes_what_could_end_an_element_or_a_quoted_attribute) {
    EXPECT_EQ(escape_html("<b class=\"x\">Tom & Jerry's</b>"),
              "&lt;b class=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;");
    EXPECT_EQ(escape_html("plain words, é and 2/3"), "plain words, é and 2/3");
}

TEST(EscapeHtml, escapes_slashes_too_for_the_templates) {
    EXPECT_EQ(escape_html("</script>", true), "&lt;&#x2F;script&gt;");
    EXPECT_EQ(escape_html("/events/3", true), "&#x2F;events&#x2F;3");
}
