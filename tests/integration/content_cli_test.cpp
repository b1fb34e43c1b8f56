#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "harness.h"

using namespace trellis::testing;

namespace {

void write(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << text;
}

} // namespace

TEST(ContentCli, shipped_modules_pass_the_check) {
    TestDatabase database;
    std::string output;
    EXPECT_EQ(run_cli(database, {"content", "check", TRELLIS_SOURCE_DIR "/content/modules"}, &output), 0)
        << output;
    EXPECT_NE(output.find("no problems"), std::string::npos) << output;
}

TEST(ContentCli, broken_module_is_reported_with_file_and_line) {
    TestDatabase database;
    const auto folder =
        std::filesystem::temp_directory_path() / ("trellis-broken-" + std::to_string(::getpid()));
    write(folder / "broken" / "module.json",
          R"({"slug": "broken", "title": "Broken", "summary": "s", "audience": ["teacher"], "topics": ["x"],
              "minutes": 10, "hours": 0.5, "outcomes": ["o"], "pages": ["01-one.md", "02-missing.md"]})");
    write(folder / "broken" / "01-one.md",
          "# One\n\nSome text.\n\n```trellis-poll id=p1\nquestion: ?\n```\n\n"
          "```trellis-quiz id=q1\nquestion: Which?\n- [ ] A\n- [ ] B\n```\n");
    std::string output;
    EXPECT_EQ(run_cli(database, {"content", "check", folder.string()}, &output), 1);
    EXPECT_NE(output.find("01-one.md:5:"), std::string::npos) << output;
    EXPECT_NE(output.find("trellis-poll"), std::string::npos) << output;
    EXPECT_NE(output.find("02-missing.md"), std::string::npos) << output;
    EXPECT_NE(output.find("01-one.md:9:"), std::string::npos) << output;
    std::filesystem::remove_all(folder);
}
