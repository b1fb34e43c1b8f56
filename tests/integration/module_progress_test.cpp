// Taking a module over HTTP: answers saved per block, carrying on later, completion, the
// certificate and its public check, and progress that survives a crash.
#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "harness.h"
#include "learning/activities.h"
#include "learning/content/library.h"
#include "record/model.h"

using namespace trellis::testing;
namespace content = trellis::learning::content;

namespace {

const std::string kModule = "building-trust";

const content::Module& shipped_module() {
    static const content::ContentSnapshot snapshot =
        content::load_content(TRELLIS_SOURCE_DIR "/content/modules");
    return *snapshot.find(kModule);
}

// The form that completes a block: the right quiz answer, a sort as written, a path to an ending.
httplib::Params answer_for(const content::Block& block) {
    using content::BlockType;
    httplib::Params form;
    switch (block.type) {
    case BlockType::Quiz: {
        const auto& quiz = block.as<content::QuizBlock>();
        for (std::size_t i = 0; i < quiz.options.size(); ++i)
            if (quiz.options[i].correct)
                form.emplace("option", std::to_string(i));
        break;
    }
    case BlockType::Sort: {
        const auto& sort = block.as<content::SortBlock>();
        const auto shown = trellis::learning::sort_display_order(block);
        for (std::size_t position = 0; position < shown.size(); ++position) {
            if (sort.mode == content::SortMode::Order) {
                form.emplace("place-" + std::to_string(position), std::to_string(shown[position] + 1));
            } else {
                const auto& group = sort.items[shown[position]].group;
                const auto at =
                    std::find(sort.groups.begin(), sort.groups.end(), group) - sort.groups.begin();
                form.emplace("group-" + std::to_string(position), std::to_string(at));
            }
        }
        break;
    }
    case BlockType::Reflection:
        form.emplace("text", "What I noticed about " + block.id + ": trust is built in small moments.");
        break;
    case BlockType::Video:
        form.emplace("watched", "1");
        break;
    case BlockType::ActionPlan:
        form.emplace("suggestion", "0");
        form.emplace("own", "Talk to my line manager about coaching by half-term");
        break;
    default:
        break;
    }
    return form;
}

// Plays a scenario by always taking the first choice until an ending.
void play_to_an_ending(Browser& browser, const content::Block& block) {
    const auto& scenario = block.as<content::ScenarioBlock>();
    ASSERT_EQ(
        browser.post_for_json("/learning/" + kModule + "/blocks/" + block.id, {{"restart", "1"}})->status,
        200);
    std::string at = "start";
    for (int step = 0; step < 20; ++step) {
        const auto& node = *std::find_if(scenario.nodes.begin(), scenario.nodes.end(),
                                         [&](const auto& each) { return each.id == at; });
        if (node.choices.empty())
            return;
        auto saved = browser.post_for_json("/learning/" + kModule + "/blocks/" + block.id, {{"choice", "0"}});
        ASSERT_EQ(saved->status, 200) << saved->body;
        at = node.choices[0].target;
    }
}

// Completes every required block of the module except those named in `skip`.
void complete_blocks(Browser& browser, const std::set<std::string>& skip = {}) {
    for (const auto& page : shipped_module().pages)
        for (const auto& block : page.blocks) {
            if (!block.required || skip.count(block.id))
                continue;
            if (block.type == content::BlockType::Scenario) {
                play_to_an_ending(browser, block);
            } else if (block.type == content::BlockType::Resource) {
                ASSERT_EQ(browser.get("/learning/" + kModule + "/resources/" + block.id)->status, 200);
            } else {
                auto saved =
                    browser.post_for_json("/learning/" + kModule + "/blocks/" + block.id, answer_for(block));
                ASSERT_EQ(saved->status, 200) << block.id << ": " << saved->body;
                EXPECT_TRUE(nlohmann::json::parse(saved->body)["done"].get<bool>()) << block.id;
            }
        }
}

std::string certificate_code(const std::string& html) {
    const auto at = html.find("TRL-");
    return at == std::string::npos ? "" : html.substr(at, 18);
}

} // namespace

class ModuleProgress : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run_cli(database, {"demo"}), 0);
        server = std::make_unique<TestServer>(database);
        teacher = std::make_unique<Browser>(*server);
        ASSERT_EQ(teacher->sign_in(kDemoTeacher, kDemoPassword)->status, 303);
        ASSERT_EQ(teacher->get("/learning/" + kModule + "/1")->status, 200);
    }
    std::string block_path(const std::string& id) const { return "/learning/" + kModule + "/blocks/" + id; }

    TestDatabase database;
    std::unique_ptr<TestServer> server;
    std::unique_ptr<Browser> teacher;
};

TEST_F(ModuleProgress, a_quiz_gives_feedback_and_is_done_only_when_answered_correctly) {
    auto wrong = teacher->post(block_path("quiz-facets"), {{"option", "0"}});
    ASSERT_EQ(wrong->status, 303);
    EXPECT_EQ(wrong->get_header_value("Location"), "/learning/" + kModule + "/2#block-quiz-facets");
    auto page = teacher->get("/learning/" + kModule + "/2");
    EXPECT_NE(page->body.find("Not quite yet"), std::string::npos);
    EXPECT_NE(page->body.find("choice--wrong"), std::string::npos);

    auto right = teacher->post_for_json(block_path("quiz-facets"), {{"option", "1"}});
    ASSERT_EQ(right->status, 200);
    const auto saved = nlohmann::json::parse(right->body);
    EXPECT_TRUE(saved["done"].get<bool>());
    EXPECT_NE(saved["html"].get<std::string>().find("Correct."), std::string::npos);
    EXPECT_GT(saved["percent"].get<int>(), 0);
}

TEST_F(ModuleProgress, a_refused_answer_says_what_to_fix_and_saves_nothing) {
    auto duplicate = teacher->post(block_path("sort-contract-order"), {{"place-0", "1"}, {"place-1", "1"}});
    EXPECT_EQ(duplicate->status, 422);
    EXPECT_NE(duplicate->body.find("different place"), std::string::npos);
    auto none = teacher->post_for_json(block_path("quiz-facets"), {});
    EXPECT_EQ(none->status, 422);
    EXPECT_EQ(nlohmann::json::parse(none->body)["error"], "Choose an answer.");
    auto page = teacher->get("/learning/" + kModule + "/5");
    EXPECT_EQ(page->body.find("You placed"), std::string::npos);
    EXPECT_EQ(teacher->post(block_path("no-such-block"), {{"text", "x"}})->status, 404);
}

TEST_F(ModuleProgress, a_scenario_leads_through_choices_to_an_ending_and_its_debrief) {
    auto first = teacher->post_for_json(block_path("scenario-failed-trial"), {{"choice", "0"}});
    ASSERT_EQ(first->status, 200);
    EXPECT_NE(nlohmann::json::parse(first->body)["html"].get<std::string>().find("You chose"),
              std::string::npos);
    complete_blocks(*teacher);
    auto page = teacher->get("/learning/" + kModule + "/4");
    EXPECT_NE(page->body.find("Debrief"), std::string::npos);
    EXPECT_NE(page->body.find("Try a different path"), std::string::npos);
}

TEST_F(ModuleProgress, carrying_on_after_signing_out_lands_after_the_block_last_worked_on) {
    ASSERT_EQ(teacher->post_for_json(block_path("reflect-say-do"), {{"text", "Observation notes"}})->status,
              200);
    ASSERT_EQ(teacher->post("/sign-out", {})->status, 303);

    Browser later(*server);
    ASSERT_EQ(later.sign_in(kDemoTeacher, kDemoPassword)->status, 303);
    auto carry_on = later.get("/learning/" + kModule + "/continue");
    ASSERT_EQ(carry_on->status, 303);
    // The reflection is done and nothing follows it on page 4: the next page, from its top.
    EXPECT_EQ(carry_on->get_header_value("Location"), "/learning/" + kModule + "/5");
    auto page = later.get("/learning/" + kModule + "/4");
    EXPECT_NE(page->body.find("Observation notes"), std::string::npos);
    EXPECT_NE(later.get("/learning")->body.find("/learning/" + kModule + "/continue"), std::string::npos);
    EXPECT_NE(later.get("/")->body.find("Continue: "), std::string::npos);
}

TEST_F(ModuleProgress, completing_every_required_block_issues_a_certificate_anyone_can_verify) {
    complete_blocks(*teacher, {"trust-action-plan"});
    EXPECT_EQ(teacher->get("/learning/" + kModule + "/certificate")->status, 303); // not yet complete

    auto last = teacher->post(block_path("trust-action-plan"), answer_for(*[] {
                                  for (const auto& page : shipped_module().pages)
                                      for (const auto& block : page.blocks)
                                          if (block.id == "trust-action-plan")
                                              return &block;
                                  return static_cast<const content::Block*>(nullptr);
                              }()));
    ASSERT_EQ(last->status, 303);
    EXPECT_EQ(last->get_header_value("Location"), "/learning/" + kModule + "/certificate");
    auto certificate_page = teacher->get("/learning/" + kModule + "/certificate");
    ASSERT_EQ(certificate_page->status, 200);
    const std::string code = certificate_code(certificate_page->body);
    ASSERT_EQ(code.size(), 18u) << certificate_page->body;

    auto pdf = teacher->get("/certificates/" + code + ".pdf");
    ASSERT_EQ(pdf->status, 200);
    EXPECT_EQ(pdf->get_header_value("Content-Type"), "application/pdf");
    EXPECT_EQ(pdf->body.rfind("%PDF", 0), 0u);
    EXPECT_NE(teacher->get("/people/4")->body.find(code), std::string::npos) << "the profile lists it";
    ASSERT_EQ(teacher->get("/learning/" + kModule + "/3")->status, 200); // reading on changes nothing
    EXPECT_NE(teacher->get("/learning/" + kModule)->body.find("Completed"), std::string::npos);

    Browser anyone(*server);
    auto verified = anyone.get("/verify/" + code);
    ASSERT_EQ(verified->status, 200);
    EXPECT_NE(verified->body.find("This certificate is genuine"), std::string::npos);
    EXPECT_NE(verified->body.find("Grace Okafor"), std::string::npos);
    EXPECT_EQ(verified->body.find("teacher@oakfield.example"), std::string::npos);
    EXPECT_EQ(anyone.get("/verify/TRL-0000-0000-0000")->status, 404);
    EXPECT_EQ(anyone.get("/certificates/" + code + ".pdf")->status, 303); // sign in first

    Browser colleague(*server);
    colleague.sign_in("support@oakfield.example", kDemoPassword);
    EXPECT_EQ(colleague.get("/certificates/" + code + ".pdf")->status, 404);
    Browser admin(*server);
    admin.sign_in(kDemoAdmin, kDemoPassword);
    EXPECT_EQ(admin.get("/certificates/" + code + ".pdf")->status, 200);
}

TEST_F(ModuleProgress, a_completed_module_is_in_the_learners_record_and_nobody_elses) {
    const std::string title = shipped_module().title;
    EXPECT_FALSE(contains(teacher->get("/record.csv")->body, "Online module completed"));
    complete_blocks(*teacher);
    ASSERT_EQ(teacher->get("/learning/" + kModule + "/certificate")->status, 200);

    const std::string csv = teacher->get("/record.csv")->body;
    const auto line_at = csv.find("Online module completed");
    ASSERT_NE(line_at, std::string::npos) << csv;
    const std::string line = csv.substr(line_at, csv.find('\n', line_at) - line_at);
    EXPECT_TRUE(contains(line, title)) << csv;
    EXPECT_TRUE(contains(line, ",Online learning,")) << line;
    EXPECT_TRUE(contains(line, "/learning/" + kModule)) << line;
    auto page = teacher->get("/record");
    // The module's hours count in her year.
    const int minutes = static_cast<int>(shipped_module().hours * 60 + 0.5);
    EXPECT_TRUE(contains(page->body, "Online module completed</th><td>1</td><td>" +
                                         trellis::record::time_spent(minutes) + "</td>"))
        << page->body;

    Browser colleague(*server);
    colleague.sign_in("support@oakfield.example", kDemoPassword);
    EXPECT_FALSE(contains(colleague.get("/record.csv")->body, "Online module completed"));
}

TEST_F(ModuleProgress, a_certificate_comes_with_a_portable_badge_anyone_can_check) {
    {
        auto sql = database.open().lease();
        *sql
            << "INSERT INTO certificates (trust_id, person_id, module_slug, code, person_name, module_title, "
               "hours, issued_at) SELECT trust_id, id, 'building-trust', 'TRL-BDGE-0000-0001', 'Grace "
               "Okafor', "
               "'Building trust for professional development', 1.5, 1795000000 FROM people WHERE email = '" +
                   kDemoTeacher + "'";
    }
    const std::string code = "TRL-BDGE-0000-0001";
    ASSERT_NE(teacher->get("/learning/building-trust/certificate")->body.find(code + ".jwt"),
              std::string::npos);
    auto badge = teacher->get("/certificates/" + code + ".jwt");
    ASSERT_EQ(badge->status, 200);
    EXPECT_EQ(badge->get_header_value("Content-Type"), "application/jwt");
    EXPECT_NE(badge->get_header_value("Content-Disposition").find("badge-building-trust.jwt"),
              std::string::npos);
    const std::string token = badge->body;
    ASSERT_EQ(std::count(token.begin(), token.end(), '.'), 2) << token;

    // Anyone checks the file on the certificate's public page: genuine as issued, refused when changed.
    Browser anyone(*server);
    anyone.get("/verify/" + code);
    auto genuine = anyone.post_files("/verify/" + code + "/badge", {}, {{"badge", "badge.jwt", token}});
    ASSERT_EQ(genuine->status, 200) << genuine->body;
    EXPECT_NE(genuine->body.find("This badge is genuine"), std::string::npos);
    std::string changed = token;
    changed[changed.find('.') + 5] = changed[changed.find('.') + 5] == 'A' ? 'B' : 'A';
    auto refused = anyone.post_files("/verify/" + code + "/badge", {}, {{"badge", "badge.jwt", changed}});
    EXPECT_EQ(refused->status, 422);
    EXPECT_NE(refused->body.find("not a badge Trellis issued"), std::string::npos);
    // A genuine badge of one certificate is not another's.
    EXPECT_EQ(
        anyone.post_files("/verify/TRL-0000-0000-0000/badge", {}, {{"badge", "badge.jwt", token}})->status,
        404);

    // The key that checks it and the issuer it names are public.
    auto keys = anyone.get("/badges/keys");
    ASSERT_EQ(keys->status, 200);
    EXPECT_NE(keys->body.find("\"crv\": \"Ed25519\""), std::string::npos) << keys->body;
    auto issuer = anyone.get("/badges/issuers/1");
    ASSERT_EQ(issuer->status, 200);
    EXPECT_NE(issuer->body.find("Oakfield Learning Trust"), std::string::npos);
    EXPECT_EQ(anyone.get("/badges/issuers/999")->status, 404);

    // Only those who may download the certificate may download its badge.
    EXPECT_EQ(anyone.get("/certificates/" + code + ".jwt")->status, 303);
    Browser colleague(*server);
    colleague.sign_in("support@oakfield.example", kDemoPassword);
    EXPECT_EQ(colleague.get("/certificates/" + code + ".jwt")->status, 404);
}

TEST_F(ModuleProgress, progress_acknowledged_before_a_crash_is_there_after_restart) {
    auto saved =
        teacher->post_for_json(block_path("reflect-starting-point"), {{"text", "Saved before the crash"}});
    ASSERT_EQ(saved->status, 200);
    ASSERT_TRUE(nlohmann::json::parse(saved->body)["saved"].get<bool>());
    server->kill_hard();
    server->restart();
    auto page = teacher->get("/learning/" + kModule + "/1");
    ASSERT_EQ(page->status, 200) << "the session survives too";
    EXPECT_NE(page->body.find("Saved before the crash"), std::string::npos);
}

TEST_F(ModuleProgress, the_video_is_served_in_byte_ranges_and_only_media_files_are_served) {
    auto whole = teacher->get("/learning/" + kModule + "/case-study.webm");
    ASSERT_EQ(whole->status, 200);
    EXPECT_EQ(whole->get_header_value("Content-Type"), "video/webm");
    auto part = teacher->get("/learning/" + kModule + "/case-study.webm", {{"Range", "bytes=100-199"}});
    ASSERT_EQ(part->status, 206);
    EXPECT_EQ(part->body, whole->body.substr(100, 100));
    EXPECT_EQ(part->get_header_value("Content-Range"), "bytes 100-199/" + std::to_string(whole->body.size()));
    EXPECT_EQ(teacher->get("/learning/" + kModule + "/case-study.vtt")->status, 200);
    EXPECT_EQ(teacher->get("/learning/" + kModule + "/module.json")->status, 404);
    EXPECT_EQ(teacher->get("/learning/" + kModule + "/01-why-trust-comes-first.md")->status, 404);
    EXPECT_EQ(teacher->get("/learning/" + kModule + "/..%2F..%2Fetc/passwd.png")->status, 404);
    EXPECT_EQ(teacher->get("/learning/" + kModule + "/transcripts/case-study")->status, 200);
}

TEST_F(ModuleProgress, the_printable_resource_and_action_plan_are_pdfs) {
    auto resource = teacher->get("/learning/" + kModule + "/resources/trust-audit");
    ASSERT_EQ(resource->status, 200);
    EXPECT_EQ(resource->body.rfind("%PDF", 0), 0u);
    auto plan = teacher->get("/learning/" + kModule + "/action-plan.pdf");
    ASSERT_EQ(plan->status, 200);
    EXPECT_EQ(plan->body.rfind("%PDF", 0), 0u);
}

TEST_F(ModuleProgress, blocks_shared_between_people_carry_each_persons_own_form_token) {
    Browser colleague(*server);
    ASSERT_EQ(colleague.sign_in("support@oakfield.example", kDemoPassword)->status, 303);
    const auto mine = teacher->get("/learning/" + kModule + "/2")->body;
    const auto theirs = colleague.get("/learning/" + kModule + "/2")->body;
    const std::string form = "action=\"&#x2F;learning&#x2F;building-trust&#x2F;blocks&#x2F;quiz-facets\"";
    ASSERT_NE(mine.find(form), std::string::npos);
    EXPECT_EQ(input_value(mine.substr(mine.find(form)), "_csrf"), teacher->csrf());
    EXPECT_EQ(input_value(theirs.substr(theirs.find(form)), "_csrf"), colleague.csrf());
    EXPECT_NE(teacher->csrf(), colleague.csrf());
    EXPECT_EQ(mine.find('\x01'), std::string::npos);
}
