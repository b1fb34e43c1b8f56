// Recordings of programmes' live sessions over HTTP: the lead attaches a video with captions, it
// streams in byte ranges (206 with the right bytes, 416 for a range it cannot serve), and someone
// marked absent is told on their home page, watches it through and is marked caught up, apart from
// those who were there.
#include <gtest/gtest.h>

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
const std::string kCaptions = TRELLIS_SOURCE_DIR "/content/modules/building-trust/case-study.vtt";

} // namespace

class Recordings : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo", "--training-day"}), 0);
        server = std::make_unique<TestServer>(database);
        // The demo's launch session already has its recording; the clinic after it has none yet.
        launch = count_of(
            database,
            "SELECT id FROM programme_activities WHERE title = 'Clinic: what happened when you tried it'");
        programme = count_of(database, "SELECT programme_id FROM programme_activities WHERE id = " +
                                           std::to_string(launch));
        path = "/programmes/" + std::to_string(programme) + "/activities/" + std::to_string(launch);
        grace = count_of(database, "SELECT id FROM people WHERE email = 'teacher@oakfield.example'");
        someone_there =
            count_of(database, "SELECT MIN(id) FROM people WHERE staff_group = 'teacher' AND email <> "
                               "'teacher@oakfield.example'");
    }
    std::unique_ptr<Browser> signed_in(const std::string& email) {
        auto browser = std::make_unique<Browser>(*server);
        EXPECT_EQ(browser->sign_in(email, kDemoPassword)->status, 303) << email;
        browser->get("/");
        return browser;
    }

    TestDatabase database;
    std::unique_ptr<TestServer> server;
    long long launch = 0, programme = 0, grace = 0, someone_there = 0;
    std::string path;
};

TEST_F(Recordings, an_absent_teacher_catches_up_from_the_recording_apart_from_those_there) {
    auto lead = signed_in(kDemoTrustLead);
    // The register: someone there, Grace (the demo teacher) absent.
    lead->get(path + "/register");
    ASSERT_EQ(lead->post(path + "/register", {{"present", std::to_string(someone_there)}})->status, 303);
    const long long present_before = count_of(
        database,
        "SELECT COUNT(*) FROM attendance_marks WHERE session_kind = 'activity' AND status = 'present'");

    // Bad files are refused and nothing is kept.
    lead->get(path + "/recording");
    auto not_video =
        lead->post_files(path + "/recording", {}, {{"video", "launch.webm", "just some text, not a video"}});
    EXPECT_EQ(not_video->status, 400);
    EXPECT_TRUE(contains(not_video->body, "WebM or MP4"));
    auto bad_captions = lead->post_files(
        path + "/recording", {},
        {{"video", "launch.webm", file_text(kVideo)}, {"captions", "launch.vtt", "1\n00:00 hello"}});
    EXPECT_EQ(bad_captions->status, 400);
    EXPECT_EQ(
        count_of(database, "SELECT COUNT(*) FROM recordings WHERE activity_id = " + std::to_string(launch)),
        0);

    // Without captions it is kept, and flagged to the lead on their home page.
    auto uncaptioned =
        lead->post_files(path + "/recording", {}, {{"video", "launch.webm", file_text(kVideo)}});
    ASSERT_EQ(uncaptioned->status, 303)
        << uncaptioned->body.substr(uncaptioned->body.find("notice--error"), 300);
    EXPECT_TRUE(contains(lead->get("/")->body, "Not yet: captions"));
    lead->get(path + "/recording");
    ASSERT_EQ(lead->post_files(path + "/recording", {},
                               {{"video", "launch.webm", file_text(kVideo)},
                                {"captions", "launch.vtt", file_text(kCaptions)}})
                  ->status,
              303);
    EXPECT_FALSE(contains(lead->get("/")->body, "Not yet: captions"));
    EXPECT_EQ(
        count_of(database, "SELECT COUNT(*) FROM recordings WHERE activity_id = " + std::to_string(launch)),
        1);

    // Grace is told, and the video streams in ranges.
    auto teacher = signed_in(kDemoTeacher);
    EXPECT_TRUE(contains(teacher->get("/")->body, "Catch up: watch the recording of “Clinic: what happened"));
    const std::string video = file_text(kVideo);
    auto whole = teacher->get(path + "/recording/video");
    ASSERT_EQ(whole->status, 200);
    EXPECT_EQ(whole->body.size(), video.size());
    EXPECT_EQ(whole->get_header_value("Content-Type"), "video/webm");
    auto part = teacher->get(path + "/recording/video", {{"Range", "bytes=100-199"}});
    ASSERT_EQ(part->status, 206);
    EXPECT_EQ(part->body, video.substr(100, 100));
    EXPECT_EQ(part->get_header_value("Content-Range"), "bytes 100-199/" + std::to_string(video.size()));
    EXPECT_EQ(teacher->get(path + "/recording/video", {{"Range", "bytes=abc"}})->status, 416);
    auto beyond =
        teacher->get(path + "/recording/video", {{"Range", "bytes=" + std::to_string(video.size()) + "-"}});
    EXPECT_EQ(beyond->status, 416);
    EXPECT_EQ(beyond->get_header_value("Content-Range"), "bytes */" + std::to_string(video.size()));
    EXPECT_TRUE(teacher->get(path + "/recording/captions.vtt")->body.rfind("WEBVTT", 0) == 0);

    // Catching up needs the video watched to its end and a line of what she took from it.
    auto page = teacher->get(path + "/recording");
    EXPECT_TRUE(contains(page->body, "<track kind=\"captions\""));
    auto unwatched = teacher->post(path + "/recording/catch-up", {{"takeaway", "Cold calling, kindly."}});
    EXPECT_EQ(unwatched->status, 400);
    EXPECT_TRUE(contains(unwatched->body, "Watch the recording to its end first."));
    teacher->get(path + "/recording");
    EXPECT_EQ(
        teacher->post(path + "/recording/catch-up", {{"watched", "1"}, {"takeaway", "Cold calling, kindly."}})
            ->status,
        303);
    EXPECT_EQ(count_of(database, "SELECT COUNT(*) FROM attendance_marks WHERE status = 'caught_up' AND how = "
                                 "'recording' AND note = 'Cold calling, kindly.' AND person_id = " +
                                     std::to_string(grace)),
              1);
    EXPECT_EQ(
        count_of(
            database,
            "SELECT COUNT(*) FROM attendance_marks WHERE session_kind = 'activity' AND status = 'present'"),
        present_before);
    EXPECT_FALSE(contains(teacher->get("/")->body, "watch the recording of “Clinic"));
    EXPECT_TRUE(contains(lead->get(path + "/register")->body, "caught up from the recording"));
    // Her record counts it as caught up, not as attended.
    auto record = teacher->get("/record");
    EXPECT_TRUE(contains(record->body, "Programme session caught up from the recording</th><td>1</td>"))
        << record->body;
    EXPECT_FALSE(contains(record->body, "Programme session attended</th>"));

    // Once is enough; and someone who was there has nothing to catch up on.
    teacher->get(path + "/recording");
    EXPECT_EQ(teacher->post(path + "/recording/catch-up", {{"watched", "1"}, {"takeaway", "Again"}})->status,
              400);
}

TEST_F(Recordings, only_the_programmes_lead_attaches_one_and_only_those_it_is_for_watch) {
    auto teacher = signed_in(kDemoTeacher);
    teacher->get(path + "/recording");
    EXPECT_EQ(
        teacher->post_multipart(path + "/recording", {{"link", "https://video.example/launch"}})->status,
        403);
    auto lead = signed_in(kDemoTrustLead);
    lead->get(path + "/recording");
    ASSERT_EQ(lead->post_multipart(path + "/recording", {{"link", "https://video.example/launch"}})->status,
              303);
    EXPECT_TRUE(contains(teacher->get(path + "/recording")->body, "Watch the recording where it is hosted"));
    EXPECT_EQ(teacher->get(path + "/recording/video")->status, 404); // hosted elsewhere: no file here
    auto assistant = signed_in(kDemoSupport);
    EXPECT_EQ(assistant->get(path + "/recording")->status, 404);
    lead->get(path + "/recording");
    EXPECT_EQ(lead->post_multipart(path + "/recording", {{"link", "javascript:alert(1)"}})->status, 400);
}

TEST_F(Recordings, slides_go_beside_the_recording_and_stay_when_it_is_replaced) {
    auto lead = signed_in(kDemoTrustLead);
    const std::string slides = "%PDF-1.4\n% the session's slides\n%%EOF\n";
    lead->get(path + "/recording");
    auto not_slides = lead->post_files(path + "/recording", {{"link", "https://video.example/clinic"}},
                                       {{"slides", "slides.pdf", "plain text pretending"}});
    EXPECT_EQ(not_slides->status, 400);
    EXPECT_TRUE(contains(not_slides->body, "PDF or PowerPoint"));
    EXPECT_EQ(
        count_of(database, "SELECT COUNT(*) FROM recordings WHERE activity_id = " + std::to_string(launch)),
        0);
    ASSERT_EQ(lead->post_files(path + "/recording", {{"link", "https://video.example/clinic"}},
                               {{"slides", "slides.pdf", slides}})
                  ->status,
              303);

    auto teacher = signed_in(kDemoTeacher);
    EXPECT_TRUE(contains(teacher->get(path + "/recording")->body, "Download the slides (PDF)"));
    auto download = teacher->get(path + "/recording/slides");
    ASSERT_EQ(download->status, 200);
    EXPECT_EQ(download->body, slides);
    EXPECT_EQ(download->get_header_value("Content-Type"), "application/pdf");
    EXPECT_TRUE(contains(download->get_header_value("Content-Disposition"), "attachment"));

    // A new recording without slides keeps the ones already there.
    lead->get(path + "/recording");
    ASSERT_EQ(
        lead->post_files(path + "/recording", {}, {{"video", "clinic.webm", file_text(kVideo)}})->status,
        303);
    EXPECT_EQ(teacher->get(path + "/recording/slides")->body, slides);
    EXPECT_EQ(signed_in(kDemoSupport)->get(path + "/recording/slides")->status, 404);
}
