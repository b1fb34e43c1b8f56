// The content library (loading many modules, reloading) and `trellis content check`.

#include "learning/content/check_command.h"
#include "learning/content/library.h"
#include "learning/content/parser.h"

#include <atomic>
#include <sstream>
#include <thread>

#include "content_fixture.h"

using namespace trellis::learning::content;
using namespace trellis::learning::content::testing;

TEST(ContentShipped, loads_all_four_shipped_modules_without_problems) {
    const ContentSnapshot snapshot = load_content(shipped_modules_folder());
    EXPECT_TRUE(snapshot.problems().empty()) << describe(snapshot.problems());
    ASSERT_EQ(snapshot.modules().size(), 4u);
    for (const char* slug :
         {"building-trust", "planning-continuous-cpd", "internal-expertise", "research-in-cpd"}) {
        const Module* module = snapshot.find(slug);
        ASSERT_NE(module, nullptr) << slug;
        EXPECT_GE(module->pages.size(), 6u) << slug;
        EXPECT_FALSE(required_block_ids(*module).empty()) << slug;
    }
}

TEST(ContentShipped, check_command_passes_the_shipped_modules) {
    std::ostringstream out;
    EXPECT_EQ(run_content_check(shipped_modules_folder().string(), out), 0) << out.str();
    EXPECT_EQ(out.str(), "4 modules checked, no problems\n");
}

TEST(ContentLibrary, library_skips_a_broken_module_and_keeps_the_others) {
    ContentFolder folder;
    folder.write_valid_module("alpha", "Alpha module");
    folder.write_valid_module("beta", "Beta module");
    folder.write("beta/02-next-steps.md", "no title line\n");
    folder.write("gamma/module.json", "{ not json");
    folder.write("notes/readme.txt", "a folder that is not a module");

    ContentLibrary library(folder.root());
    const auto snapshot = library.snapshot();
    ASSERT_EQ(snapshot->modules().size(), 1u) << describe(snapshot->problems());
    EXPECT_EQ(snapshot->modules()[0].slug, "alpha");
    EXPECT_EQ(library.find("beta"), nullptr);
    EXPECT_TRUE(has_problem(snapshot->problems(), "02-next-steps.md", 1, "page title"));
    EXPECT_TRUE(has_problem(snapshot->problems(), "module.json", 1, "not valid JSON"));
    EXPECT_TRUE(has_problem(snapshot->problems(), "module.json", 0, "module.json is missing"));
    EXPECT_EQ(snapshot->problems().front().module, "beta");
}

TEST(ContentLibrary, sorts_modules_by_title_and_finds_them_by_slug) {
    ContentFolder folder;
    folder.write_valid_module("zeta", "A first title");
    folder.write_valid_module("alpha", "Zed last title");
    ContentLibrary library(folder.root());
    const auto snapshot = library.snapshot();
    ASSERT_EQ(snapshot->modules().size(), 2u);
    EXPECT_EQ(snapshot->modules()[0].slug, "zeta");
    EXPECT_EQ(snapshot->modules()[1].slug, "alpha");
    const auto found = library.find("alpha");
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(found->title, "Zed last title");
    EXPECT_EQ(library.find("missing"), nullptr);
}

TEST(ContentLibrary, reload_swaps_in_a_new_snapshot_while_old_readers_keep_theirs) {
    ContentFolder folder;
    folder.write_valid_module("alpha", "Alpha module");
    ContentLibrary library(folder.root());
    const auto before = library.snapshot();
    const auto alpha_before = library.find("alpha");

    folder.write_valid_module("beta", "Beta module");
    std::filesystem::remove_all(folder.root() / "alpha");
    const auto after = library.reload();

    EXPECT_EQ(library.snapshot(), after);
    ASSERT_EQ(after->modules().size(), 1u);
    EXPECT_EQ(after->modules()[0].slug, "beta");
    ASSERT_EQ(before->modules().size(), 1u);
    EXPECT_EQ(before->modules()[0].slug, "alpha");
    ASSERT_NE(alpha_before, nullptr); // still readable: it keeps the old snapshot alive
    EXPECT_EQ(alpha_before->pages.size(), 2u);
}

TEST(ContentLibrary, readers_on_other_threads_always_see_a_whole_snapshot_during_reloads) {
    ContentFolder folder;
    folder.write_valid_module("alpha", "Alpha module");
    folder.write_valid_module("beta", "Beta module");
    ContentLibrary library(folder.root());
    std::atomic<bool> stop = false;
    std::atomic<int> bad_reads = 0;
    std::vector<std::thread> readers;
    for (int reader = 0; reader < 3; ++reader)
        readers.emplace_back([&] {
            while (!stop) {
                const auto snapshot = library.snapshot();
                if (snapshot->modules().size() != 2u || snapshot->find("beta") == nullptr)
                    ++bad_reads;
            }
        });
    for (int reload = 0; reload < 10; ++reload)
        library.reload();
    stop = true;
    for (std::thread& reader : readers)
        reader.join();
    EXPECT_EQ(bad_reads, 0);
}

TEST(ContentLibrary, reports_a_missing_content_folder) {
    ContentLibrary library("/nonexistent/trellis/modules");
    EXPECT_TRUE(library.snapshot()->modules().empty());
    ASSERT_EQ(library.snapshot()->problems().size(), 1u);
}

TEST(ContentCheck, prints_each_problem_as_file_and_line_then_a_summary_and_fails) {
    ContentFolder folder;
    folder.write_valid_module("alpha", "Alpha module");
    folder.write_valid_module("beta", "Beta module");
    folder.write("beta/01-introduction.md", replaced(ContentFolder::first_page(), "trellis-quiz id=check-one",
                                                     "trellis-poll id=check-one"));
    const std::string root = folder.root().string();
    std::ostringstream out;
    EXPECT_EQ(run_content_check(root, out), 1);
    EXPECT_EQ(out.str(),
              root + "/beta/01-introduction.md:7: unknown block type 'trellis-poll' (want quiz, scenario, "
                     "sort, reflection, video, resource, actionplan or further)\n"
                     "2 modules checked, 1 problem in 1 module\n");
}

TEST(ContentCheck, accepts_a_single_module_folder) {
    ContentFolder folder;
    folder.write_valid_module("alpha", "Alpha module");
    std::ostringstream good;
    EXPECT_EQ(run_content_check((folder.root() / "alpha").string() + "/", good), 0) << good.str();
    EXPECT_EQ(good.str(), "1 module checked, no problems\n");

    std::filesystem::remove(folder.root() / "alpha" / "02-next-steps.md");
    std::ostringstream bad;
    EXPECT_EQ(run_content_check((folder.root() / "alpha").string(), bad), 1);
    EXPECT_NE(bad.str().find((folder.root() / "alpha" / "module.json").string() +
                             ":10: page '02-next-steps.md' does not exist"),
              std::string::npos)
        << bad.str();
}

TEST(ContentCheck, fails_on_a_folder_that_does_not_exist) {
    std::ostringstream out;
    EXPECT_EQ(run_content_check("/nonexistent/trellis/modules", out), 1);
    EXPECT_EQ(out.str(), "/nonexistent/trellis/modules: not a folder\n");
}
