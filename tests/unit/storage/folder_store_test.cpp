// The folder store: what it keeps it gives back whole or in ranges, lists by shelf (files being
// written left out) and removes; a missing file is told apart.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>
#include <vector>

#include "storage/folder_store.h"

using namespace trellis::storage;

namespace {

std::filesystem::path new_folder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "trellis-store-XXXXXX").string();
    return mkdtemp(pattern.data());
}

} // namespace

TEST(FolderStore, keeps_reads_ranges_lists_and_removes_files) {
    const auto root = new_folder();
    FolderStore store(root);
    store.put("materials/3/abc", "hello, world");
    store.put("materials/3/abc", "hello, again"); // replaced whole
    store.put("recordings/3/v.webm", "video");
    std::ofstream(root / "materials/3/.def.partial") << "half";

    EXPECT_EQ(store.get("materials/3/abc"), "hello, again");
    EXPECT_EQ(store.size_of("materials/3/abc"), 12u);
    std::string part;
    EXPECT_TRUE(store.read_range("materials/3/abc", 7, 5, [&](const char* bytes, std::size_t length) {
        part.append(bytes, length);
        return true;
    }));
    EXPECT_EQ(part, "again");
    EXPECT_EQ(store.list("materials/"), std::vector<std::string>{"materials/3/abc"});

    store.remove("materials/3/abc");
    store.remove("materials/3/abc"); // already gone: no error
    EXPECT_EQ(store.size_of("materials/3/abc"), std::nullopt);
    EXPECT_THROW(store.get("materials/3/abc"), Missing);
    EXPECT_THROW(store.put("../outside", "x"), std::invalid_argument);
    std::filesystem::remove_all(root);
}

// Two servers sharing a folder may write one key at once (the demo's files, a re-uploaded material):
// each write must land whole, none fail.
TEST(FolderStore, writers_of_one_key_at_once_all_succeed_and_one_whole_file_is_left) {
    const auto root = new_folder();
    FolderStore store(root);
    const std::string first(64 * 1024, 'a');
    const std::string second(64 * 1024, 'b');
    std::vector<std::thread> writers;
    int failures = 0;
    std::mutex counting;
    for (int writer = 0; writer < 8; ++writer)
        writers.emplace_back([&, writer] {
            for (int round = 0; round < 50; ++round) {
                try {
                    store.put("recordings/1/launch.webm", writer % 2 ? first : second);
                } catch (const Unavailable&) {
                    std::lock_guard lock(counting);
                    ++failures;
                }
            }
        });
    for (auto& writer : writers)
        writer.join();
    EXPECT_EQ(failures, 0);
    const std::string kept = store.get("recordings/1/launch.webm");
    EXPECT_TRUE(kept == first || kept == second);
    EXPECT_EQ(store.list("recordings/"), std::vector<std::string>{"recordings/1/launch.webm"});
    std::filesystem::remove_all(root);
}
