// `trellis backup` and `trellis restore` on both engines: a backup taken from a database in use
// restores into an empty database and a fresh data folder, and a server then serves it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "harness.h"

using namespace trellis::testing;

TEST(Backup, a_backup_restores_into_a_fresh_database_and_data_folder_and_is_served) {
    TestDatabase source;
    const std::string source_data = temporary_folder(), target_data = temporary_folder();
    const std::string folder = temporary_folder() + "/backup";
    ASSERT_EQ(run_cli(source, {"demo", "--training-day", "--data-dir=" + source_data}), 0);
    std::filesystem::create_directories(source_data + "/materials");
    std::ofstream(source_data + "/materials/handout.pdf") << "%PDF-1.4 a handout";
    const long long people = count_of(source, "SELECT COUNT(*) FROM people");
    const long long choices = count_of(source, "SELECT COUNT(*) FROM workshop_choices");
    {
        // Taken while a server is running on the database.
        TestServer running(source);
        std::string output;
        ASSERT_EQ(run_cli(source, {"backup", folder, "--data-dir=" + source_data}, &output), 0) << output;
        // The handout, the demo's launch handout, its launch recording with captions, and the seven
        // guides in the demo's library.
        EXPECT_NE(output.find("11 file(s)"), std::string::npos) << output;
    }

    TestDatabase target;
    std::string output;
    ASSERT_EQ(run_cli(target, {"restore", folder, "--data-dir=" + target_data}, &output), 0) << output;
    EXPECT_EQ(count_of(target, "SELECT COUNT(*) FROM people"), people);
    EXPECT_EQ(count_of(target, "SELECT COUNT(*) FROM workshop_choices"), choices);
    std::ifstream handout(target_data + "/materials/handout.pdf");
    std::string content((std::istreambuf_iterator<char>(handout)), {});
    EXPECT_EQ(content, "%PDF-1.4 a handout");

    TestServer restored(target);
    Browser lead(restored);
    EXPECT_EQ(lead.sign_in(kDemoTrustLead, kDemoPassword)->status, 303);
    EXPECT_NE(lead.get("/events")->body.find("Spring"), std::string::npos);

    // Never over data, and never into a folder that exists.
    EXPECT_NE(run_cli(target, {"restore", folder, "--data-dir=" + target_data}, &output), 0);
    EXPECT_NE(output.find("already holds data"), std::string::npos) << output;
    EXPECT_NE(run_cli(source, {"backup", folder, "--data-dir=" + source_data}, &output), 0);
    EXPECT_NE(output.find("already exists"), std::string::npos) << output;
}
