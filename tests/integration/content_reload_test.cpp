// Learning content is loaded at start and again on `trellis content reload`, without a restart;
// a broken module is skipped and never takes the server down.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "harness.h"

using namespace trellis::testing;
namespace fs = std::filesystem;

namespace {

const fs::path kShipped = fs::path(TRELLIS_SOURCE_DIR) / "content" / "modules";

void copy_module(const std::string& slug, const fs::path& to) {
    fs::copy(kShipped / slug, to / slug, fs::copy_options::recursive);
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void replace_once(std::string& text, const std::string& from, const std::string& to) {
    text.replace(text.find(from), from.size(), to);
}

// A new module, written as a copy of a shipped one under another slug and title.
void add_module_copy(const std::string& slug, const std::string& new_slug, const fs::path& to) {
    fs::copy(kShipped / slug, to / new_slug, fs::copy_options::recursive);
    std::string manifest = read_text(to / new_slug / "module.json");
    replace_once(manifest, "\"slug\": \"" + slug + "\"", "\"slug\": \"" + new_slug + "\"");
    replace_once(manifest, "\"title\": \"", "\"title\": \"Second edition: ");
    std::ofstream(to / new_slug / "module.json") << manifest;
}

// Breaks a module the way an author might: a block type the format does not have.
void break_module(const fs::path& folder) {
    std::ofstream page(folder / "01-broken-page.md");
    page << "# A page\n\nText.\n\n```trellis-poll id=poll-one\nquestion: Is this a block type?\n```\n";
    page.close();
    std::string manifest = read_text(folder / "module.json");
    replace_once(manifest, "\"pages\": [", "\"pages\": [\"01-broken-page.md\", ");
    std::ofstream(folder / "module.json") << manifest;
}

} // namespace

class ContentReload : public ::testing::Test {
  protected:
    void SetUp() override {
        fs::create_directories(folder / "modules");
        fs::create_directories(folder / "data");
        for (const char* slug :
             {"building-trust", "planning-continuous-cpd", "internal-expertise", "research-in-cpd"})
            copy_module(slug, folder / "modules");
        break_module(folder / "modules" / "research-in-cpd");
        ASSERT_EQ(run_cli(database, {"demo"}), 0);
        server = std::make_unique<TestServer>(database, environment);
        browser = std::make_unique<Browser>(*server);
        ASSERT_EQ(browser->sign_in(kDemoTeacher, kDemoPassword)->status, 303);
    }
    void TearDown() override {
        server.reset();
        fs::remove_all(folder);
    }
    // Waits up to five seconds for the catalogue to list `count` modules.
    bool catalogue_lists(int count) {
        const std::string expected =
            std::to_string(count) + (count == 1 ? " module found" : " modules found");
        for (int attempt = 0; attempt < 100; ++attempt) {
            if (browser->get("/learning")->body.find(expected) != std::string::npos)
                return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return false;
    }

    fs::path folder = fs::temp_directory_path() / ("trellis-content-" + std::to_string(::getpid()));
    std::map<std::string, std::string> environment{{"TRELLIS_CONTENT", (folder / "modules").string()},
                                                   {"TRELLIS_DATA", (folder / "data").string()}};
    TestDatabase database;
    std::unique_ptr<TestServer> server;
    std::unique_ptr<Browser> browser;
};

TEST_F(ContentReload, a_broken_module_is_skipped_and_the_rest_are_served) {
    EXPECT_TRUE(catalogue_lists(3));
    EXPECT_EQ(browser->get("/learning/research-in-cpd")->status, 404);
    EXPECT_EQ(browser->get("/learning/building-trust/1")->status, 200);
    EXPECT_EQ(browser->get("/healthz")->status, 200);
}

TEST_F(ContentReload, reload_serves_new_and_mended_modules_without_a_restart) {
    ASSERT_TRUE(catalogue_lists(3));
    add_module_copy("internal-expertise", "internal-expertise-two", folder / "modules");
    std::string output;
    ASSERT_EQ(run_cli(database, {"content", "reload"}, &output, environment), 0) << output;
    EXPECT_NE(output.find("01-broken-page.md:5"), std::string::npos) << output;
    EXPECT_NE(output.find("4 modules will be served"), std::string::npos) << output;
    EXPECT_TRUE(catalogue_lists(4));
    EXPECT_EQ(browser->get("/learning/internal-expertise-two/1")->status, 200);

    fs::remove_all(folder / "modules" / "research-in-cpd");
    copy_module("research-in-cpd", folder / "modules");
    ASSERT_EQ(run_cli(database, {"content", "reload"}, &output, environment), 0) << output;
    EXPECT_TRUE(catalogue_lists(5));
}

TEST_F(ContentReload, reload_without_a_running_server_says_so) {
    std::string output;
    auto elsewhere = environment;
    elsewhere["TRELLIS_DATA"] = (folder / "no-server-here").string();
    EXPECT_EQ(run_cli(database, {"content", "reload"}, &output, elsewhere), 1);
    EXPECT_NE(output.find("no server is running"), std::string::npos) << output;
}
