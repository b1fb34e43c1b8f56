#include <gtest/gtest.h>

#include "http/safe_redirect.h"

using trellis::http::safe_local_path;

TEST(SafeRedirect, keeps_paths_on_this_site) {
    EXPECT_EQ(safe_local_path("/"), "/");
    EXPECT_EQ(safe_local_path("/learning/trust?step=2"), "/learning/trust?step=2");
    EXPECT_EQ(safe_local_path("/events/3#demand"), "/events/3#demand");
}

TEST(SafeRedirect, refuses_targets_a_browser_reads_as_another_site) {
    const char* attacks[] = {
        "//evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r/evil.example",
        "\t//evil.example",
        "https://evil.example",
        "javascript:alert(1)",
        "evil.example",
        "",
        "/ /evil.example",
        "/\x01/evil.example",
        "/\x7f/evil.example",
        "/\\/evil.example",
        "/learning\\..\\\\evil",
    };
    for (const char* attack : attacks)
        EXPECT_EQ(safe_local_path(attack), "/") << "followed: " << attack;
}
