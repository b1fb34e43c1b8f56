#include <gtest/gtest.h>

#include <string>

#include "pdf/pdf.h"
#include "pdf_support.h"

using namespace trellis::pdf;
using namespace trellis::pdf::testing;

namespace {

ActionPlan plan() {
    ActionPlan plan;
    plan.person_name = "Priya Shah";
    plan.module_title = "Building trust: the ground for professional development";
    plan.written_on = "23 November 2026";
    plan.reflections = {
        {"When did a colleague last change your mind?", "In the spring, after a joint observation."},
        {"What gets in the way of honest feedback?", ""}};
    plan.steps = {"Ask a colleague to observe one lesson", "Share one thing I changed at the team meeting"};
    plan.notes = "Start small; keep it low stakes.";
    return plan;
}

} // namespace

TEST(PdfActionPlan, prints_the_heading_reflections_numbered_steps_and_notes) {
    const std::string bytes = action_plan(plan());
    EXPECT_EQ(page_count(bytes), 1);
    const std::string text = flat_text(bytes);
    for (const char* expected :
         {"My action plan", "Building trust: the ground for professional development", "Priya Shah",
          "23 November 2026", "When did a colleague last change your mind?",
          "In the spring, after a joint observation.", "What gets in the way of honest feedback?",
          "Not answered yet", "My next steps", "1. Ask a colleague to observe one lesson",
          "2. Share one thing I changed at the team meeting", "By when:", "Notes",
          "Start small; keep it low stakes.", "Page 1 of 1"})
        EXPECT_NE(text.find(expected), std::string::npos) << "missing \"" << expected << "\" in:\n" << text;
    // The answer follows its own prompt.
    EXPECT_LT(text.find("When did a colleague"), text.find("In the spring"));
    EXPECT_LT(text.find("In the spring"), text.find("What gets in the way"));
}

TEST(PdfActionPlan, prints_a_by_when_line_for_each_step) {
    const std::string text = flat_text(action_plan(plan()));
    std::size_t count = 0;
    for (std::size_t at = text.find("By when:"); at != std::string::npos; at = text.find("By when:", at + 1))
        ++count;
    EXPECT_EQ(count, 2u);
}

TEST(PdfActionPlan, flows_many_steps_and_long_answers_over_pages) {
    ActionPlan long_plan = plan();
    long_plan.reflections.clear();
    for (int prompt = 1; prompt <= 6; ++prompt) {
        std::string answer;
        for (int sentence = 1; sentence <= 12; ++sentence)
            answer += "Answer " + std::to_string(prompt) + " sentence " + std::to_string(sentence) +
                      " says something about practice.\n";
        long_plan.reflections.emplace_back("Prompt number " + std::to_string(prompt) + "?", answer);
    }
    long_plan.steps.clear();
    for (int step = 1; step <= 30; ++step)
        long_plan.steps.push_back("Step number " + std::to_string(step) + " of the plan");
    const std::string bytes = action_plan(long_plan);
    const int pages = page_count(bytes);
    EXPECT_GE(pages, 3);
    const std::string text = flat_text(bytes);
    for (int prompt = 1; prompt <= 6; ++prompt)
        EXPECT_NE(text.find("Answer " + std::to_string(prompt) + " sentence 12 says"), std::string::npos)
            << prompt;
    for (int step = 1; step <= 30; ++step) {
        const std::string line =
            std::to_string(step) + ". Step number " + std::to_string(step) + " of the plan";
        EXPECT_NE(text.find(line), std::string::npos) << line;
    }
    EXPECT_NE(text.find("Page " + std::to_string(pages) + " of " + std::to_string(pages)), std::string::npos);
}

TEST(PdfActionPlan, prints_an_empty_plan_with_room_to_write) {
    ActionPlan empty;
    const std::string text = flat_text(action_plan(empty));
    EXPECT_NE(text.find("My action plan"), std::string::npos);
    EXPECT_NE(text.find("No next steps chosen yet"), std::string::npos);
    EXPECT_NE(text.find("Notes"), std::string::npos);
}
