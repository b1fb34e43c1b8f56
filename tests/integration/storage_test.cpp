// Uploaded files kept in an S3-compatible bucket (TRELLIS_STORAGE=s3), on each database, against a
// stand-in store on loopback that checks every request's SigV4 signature: a lead's library file, a
// session's material and its recording go into the bucket (none into the data folder) and come back
// byte for byte, the video in byte ranges; removing a file removes its object; credentials the store
// refuses stop the server at start; an upload the store cannot take saves nothing; a backup copies
// the objects out and a restore puts them into another bucket.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "harness.h"

using namespace trellis::testing;

namespace {

std::string file_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

const std::string kVideo = TRELLIS_SOURCE_DIR "/content/modules/building-trust/case-study.webm";

bool any_starts_with(const std::vector<std::string>& keys, const std::string& prefix) {
    return std::any_of(keys.begin(), keys.end(),
                       [&](const std::string& key) { return key.rfind(prefix, 0) == 0; });
}

std::vector<std::string> added(const std::vector<std::string>& before,
                               const std::vector<std::string>& after) {
    std::vector<std::string> difference;
    std::set_difference(after.begin(), after.end(), before.begin(), before.end(),
                        std::back_inserter(difference));
    return difference;
}

} // namespace

class ObjectStorage : public ::testing::Test {
  protected:
    void SetUp() override {
        environment = store.environment();
        environment["TRELLIS_DATA"] = data_dir;
        std::string output;
        ASSERT_EQ(run_cli(database, {"demo", "--training-day"}, &output, environment), 0) << output;
        server = std::make_unique<TestServer>(database, environment);
        trust = count_of(database, "SELECT id FROM trusts WHERE slug = 'oakfield'");
        clinic = count_of(
            database,
            "SELECT id FROM programme_activities WHERE title = 'Clinic: what happened when you tried it'");
        session_path =
            "/programmes/" +
            std::to_string(count_of(database, "SELECT programme_id FROM programme_activities WHERE id = " +
                                                  std::to_string(clinic))) +
            "/activities/" + std::to_string(clinic);
    }
    std::unique_ptr<Browser> signed_in(const std::string& email) {
        auto browser = std::make_unique<Browser>(*server);
        EXPECT_EQ(browser->sign_in(email, kDemoPassword)->status, 303) << email;
        browser->get("/");
        return browser;
    }

    ObjectStore store;
    TestDatabase database;
    std::string data_dir = temporary_folder();
    std::map<std::string, std::string> environment;
    std::unique_ptr<TestServer> server;
    long long trust = 0, clinic = 0;
    std::string session_path;
};

TEST_F(ObjectStorage, keeps_uploads_in_the_bucket_and_gives_them_back_byte_for_byte) {
    // The demo's own files (its library guides, the launch's handout and recording) went there too.
    const std::string materials = "materials/" + std::to_string(trust) + "/";
    const std::string recordings = "recordings/" + std::to_string(trust) + "/";
    EXPECT_TRUE(any_starts_with(store.keys(), materials));
    EXPECT_TRUE(any_starts_with(store.keys(), recordings));

    auto lead = signed_in(kDemoTrustLead);
    const std::string guide = "# Retrieval practice\n\nThree questions from last week, every lesson.\n";
    auto before = store.keys();
    lead->get("/library/new");
    auto item = lead->post_files("/library", {}, {{"file", "retrieval.md", guide}});
    ASSERT_EQ(item->status, 303) << item->body;
    const std::string item_path = item->get_header_value("Location");
    const auto item_keys = added(before, store.keys());
    ASSERT_EQ(item_keys.size(), 1u);
    EXPECT_EQ(item_keys[0].rfind(materials, 0), 0u) << item_keys[0]; // our name, never "retrieval.md"
    EXPECT_EQ(item_keys[0].find("retrieval"), std::string::npos);
    auto teacher = signed_in(kDemoTeacher);
    EXPECT_EQ(teacher->get(item_path + "/download")->body, guide);

    const std::string handout = "%PDF-1.4\nA clinic handout\n";
    before = store.keys();
    lead->get(session_path + "/materials");
    ASSERT_EQ(lead->upload(session_path + "/materials", "Clinic handout.pdf", handout)->status, 303);
    const auto material_keys = added(before, store.keys());
    ASSERT_EQ(material_keys.size(), 1u);
    const long long material = count_of(database, "SELECT MAX(id) FROM materials");
    const std::string download = session_path + "/materials/" + std::to_string(material) + "/download";
    EXPECT_EQ(teacher->get(download)->body, handout);

    const std::string video = file_text(kVideo);
    before = store.keys();
    lead->get(session_path + "/recording");
    ASSERT_EQ(lead->post_files(session_path + "/recording", {}, {{"video", "clinic.webm", video}})->status,
              303);
    const auto video_keys = added(before, store.keys());
    ASSERT_EQ(video_keys.size(), 1u);
    EXPECT_EQ(video_keys[0].rfind(recordings, 0), 0u) << video_keys[0];
    auto whole = lead->get(session_path + "/recording/video");
    ASSERT_EQ(whole->status, 200);
    EXPECT_EQ(whole->body, video);
    auto part = lead->get(session_path + "/recording/video", {{"Range", "bytes=1000-1999"}});
    ASSERT_EQ(part->status, 206);
    EXPECT_EQ(part->body, video.substr(1000, 1000));
    EXPECT_EQ(lead->get(session_path + "/recording/video", {{"Range", "bytes=abc"}})->status, 416);

    // Nothing uploaded is kept in the data folder.
    EXPECT_FALSE(std::filesystem::exists(data_dir + "/materials"));
    EXPECT_FALSE(std::filesystem::exists(data_dir + "/recordings"));

    // Removing a file removes its object.
    lead->get(item_path);
    ASSERT_EQ(lead->post(item_path + "/delete", {})->status, 303);
    lead->get(session_path + "/materials");
    ASSERT_EQ(lead->post(session_path + "/materials/" + std::to_string(material) + "/delete", {})->status,
              303);
    const auto left = store.keys();
    EXPECT_EQ(std::count(left.begin(), left.end(), item_keys[0]), 0);
    EXPECT_EQ(std::count(left.begin(), left.end(), material_keys[0]), 0);
    EXPECT_EQ(std::count(left.begin(), left.end(), video_keys[0]), 1);
}

TEST_F(ObjectStorage, credentials_the_store_refuses_stop_the_server_at_start) {
    auto wrong = environment;
    wrong["TRELLIS_S3_SECRET_KEY"] = "not the secret";
    std::string output;
    EXPECT_EQ(run_cli(database, {"serve", "--port=1"}, &output, wrong), 1);
    EXPECT_TRUE(contains(output, "TRELLIS_S3_ACCESS_KEY and TRELLIS_S3_SECRET_KEY were refused")) << output;

    // A half-made configuration stops every command before it starts.
    auto half = environment;
    half.erase("TRELLIS_S3_BUCKET");
    EXPECT_EQ(run_cli(database, {"migrate"}, &output, half), 1);
    EXPECT_TRUE(contains(output, "TRELLIS_STORAGE=s3 needs TRELLIS_S3_BUCKET")) << output;
    auto stray = std::map<std::string, std::string>{{"TRELLIS_S3_BUCKET", "trellis"}};
    EXPECT_EQ(run_cli(database, {"migrate"}, &output, stray), 1);
    EXPECT_TRUE(contains(output, "TRELLIS_S3_BUCKET is set but TRELLIS_STORAGE is not s3")) << output;
}

TEST_F(ObjectStorage, an_upload_the_store_cannot_take_saves_nothing) {
    auto lead = signed_in(kDemoTrustLead);
    const long long items = count_of(database, "SELECT COUNT(*) FROM library_items");
    const long long recordings = count_of(database, "SELECT COUNT(*) FROM recordings");
    store.stop();
    lead->get("/library/new");
    auto refused = lead->post_files("/library", {{"title", "Lost"}}, {{"file", "lost.md", "# Lost\n"}});
    EXPECT_GE(refused->status, 500);
    lead->get(session_path + "/recording");
    auto video =
        lead->post_files(session_path + "/recording", {}, {{"video", "clinic.webm", file_text(kVideo)}});
    EXPECT_GE(video->status, 500);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM library_items"), items);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM recordings"), recordings);
}

TEST_F(ObjectStorage, a_backup_copies_the_objects_and_a_restore_puts_them_into_another_bucket) {
    const std::string folder = temporary_folder() + "/backup";
    std::string output;
    ASSERT_EQ(run_cli(database, {"backup", folder}, &output, environment), 0) << output;
    const auto kept = store.keys();
    for (const std::string& key : kept)
        EXPECT_TRUE(std::filesystem::exists(folder + "/files/" + key)) << key;

    ObjectStore other;
    TestDatabase target;
    auto restored_environment = other.environment();
    restored_environment["TRELLIS_DATA"] = temporary_folder();
    ASSERT_EQ(run_cli(target, {"restore", folder}, &output, restored_environment), 0) << output;
    EXPECT_EQ(other.keys(), kept);
    TestServer restored(target, restored_environment);
    Browser lead(restored);
    ASSERT_EQ(lead.sign_in(kDemoTrustLead, kDemoPassword)->status, 303);
    const long long guide = count_of(target, "SELECT MIN(id) FROM library_items WHERE kind = 'file'");
    lead.get("/library");
    auto file = lead.get("/library/" + std::to_string(guide) + "/download");
    ASSERT_EQ(file->status, 200);
    EXPECT_TRUE(contains(file->body, "# ")) << file->body; // a demo guide, in Markdown
}
