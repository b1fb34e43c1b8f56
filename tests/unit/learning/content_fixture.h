#pragma once

// A throwaway folder of modules for the content tests: starts from a small valid module that uses
// every block type (the example of docs/authoring.md section 8), which each test then breaks.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "learning/content/model.h"

namespace trellis::learning::content::testing {

// The shipped modules, found from this file's place in the source tree (tests cannot see
// TRELLIS_SOURCE_DIR, which is private to trellis_core).
inline std::filesystem::path shipped_modules_folder() {
    return std::filesystem::path(__FILE__).parent_path().parent_path().parent_path().parent_path() /
           "content" / "modules";
}

class ContentFolder {
  public:
    ContentFolder() {
        std::string pattern = (std::filesystem::temp_directory_path() / "trellis-content-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr)
            throw std::runtime_error("cannot make a temporary folder");
        m_root = pattern;
    }
    ~ContentFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(m_root, ignored);
    }
    ContentFolder(const ContentFolder&) = delete;
    ContentFolder& operator=(const ContentFolder&) = delete;

    // Writes `content` to `relative` under the root, making folders as needed.
    void write(const std::string& relative, const std::string& content) const {
        const std::filesystem::path path = m_root / relative;
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << content;
    }

    // Writes the valid two-page example module as `slug`, titled `title`.
    void write_valid_module(const std::string& slug = "example-module",
                            const std::string& title = "Example module") const {
        write(slug + "/module.json", R"({
  "slug": ")" + slug + R"(",
  "title": ")" + title + R"(",
  "summary": "A two-page example that uses every block type.",
  "audience": ["leader", "teacher"],
  "topics": ["example"],
  "minutes": 20,
  "hours": 0.5,
  "outcomes": ["By the end you will know the shape of a Trellis module."],
  "pages": ["01-introduction.md", "02-next-steps.md"]
}
)");
        write(slug + "/01-introduction.md", first_page());
        write(slug + "/02-next-steps.md", second_page());
        write(slug + "/diagram.png", "png");
        write(slug + "/resources/checklist.md", "# A printable checklist\n\n- [ ] Done: ________\n");
        write(slug + "/case-study.webm", "webm");
        write(slug + "/case-study.vtt", "WEBVTT\n\nNOTE source-sha256 0\n");
        write(slug + "/case-study-transcript.md", "# Transcript\n\nNarrator: **hello**.\n");
        write(slug + "/case-study-poster.png", "png");
    }

    static std::string first_page() {
        return "# Introduction\n"                                           // 1
               "\n"                                                         // 2
               "Ordinary **Markdown** text. A diagram:\n"                   // 3
               "\n"                                                         // 4
               "![Four boxes around a circle](diagram.png)\n"               // 5
               "\n"                                                         // 6
               "```trellis-quiz id=check-one\n"                             // 7
               "question: Which of these is a CPD hour?\n"                  // 8
               "- [x] An hour of professional learning | Right.\n"          // 9
               "- [ ] An hour of lunch duty | Not professional learning.\n" // 10
               "```\n"                                                      // 11
               "\n"                                                         // 12
               "```trellis-quiz id=check-two\n"                             // 13
               "question: Which are activity types? Choose all that apply.\n"
               "multiple: true\n"
               "- [x] quiz | Yes.\n"
               "- [x] sort | Yes.\n"
               "- [ ] table | Tables are not supported.\n"
               "```\n" // 19
               "\n"
               "```trellis-scenario id=first-meeting\n" // 21
               "title: Your first meeting\n"
               "@start\n" // 23
               "A colleague asks to observe your lesson.\n"
               "- Say yes -> yes\n" // 25
               "- Ask what they will look for -> ask\n"
               "@yes\n" // 27
               "They come in. It goes well enough.\n"
               "@ask\n" // 29
               "They explain their focus, and you agree one thing to look at.\n"
               "- Go ahead -> yes\n"
               "@debrief\n" // 32
               "Agreeing the focus first makes observation feel safer.\n"
               "```\n" // 34
               "\n"
               "```trellis-sort id=order-steps\n" // 36
               "prompt: Put these in order.\n"
               "mode: order\n"
               "- Plan\n"
               "- Teach\n"
               "- Review\n"
               "feedback: Plan, then teach, then review.\n"
               "```\n" // 43
               "\n"
               "```trellis-sort id=group-roles\n" // 45
               "prompt: Who usually does this?\n"
               "mode: groups\n"
               "groups: Teacher | Teaching assistant\n" // 48
               "- Plans the unit => Teacher\n"          // 49
               "- Runs a small-group intervention => Teaching assistant\n"
               "feedback: Roles vary between schools; this is the common pattern.\n"
               "```\n" // 52
               "\n"
               "```trellis-reflection id=reflect-first\n" // 54
               "prompt: What did you notice?\n"
               "hint: One or two sentences is enough.\n"
               "```\n"
               "\n"
               "```trellis-reflection id=reflect-extra optional\n" // 59
               "prompt: Anything else?\n"
               "```\n";
    }

    static std::string second_page() {
        return "# Next steps\n" // 1
               "\n"
               "```trellis-video id=case-study\n" // 3
               "title: Case study: an example school\n"
               "src: case-study.webm\n"     // 5
               "captions: case-study.vtt\n" // 6
               "transcript: case-study-transcript.md\n"
               "poster: case-study-poster.png\n"
               "```\n"
               "\n"
               "```trellis-resource id=checklist\n" // 11
               "title: A printable checklist\n"
               "source: resources/checklist.md\n" // 13
               "```\n"
               "\n"
               "```trellis-actionplan id=plan\n" // 16
               "prompt: What will you do next?\n"
               "- Try one thing this week\n"
               "reflections: reflect-first, reflect-extra\n" // 19
               "```\n"
               "\n"
               "```trellis-further id=more\n" // 22
               "- [Standard for teachers' professional development (DfE)](https://www.gov.uk/government/"
               "publications/standard-for-teachers-professional-development) \u2014 The national standard.\n"
               "```\n";
    }

    const std::filesystem::path& root() const { return m_root; }

  private:
    std::filesystem::path m_root;
};

// Replaces the first `from` in `text` with `to`; fails the test when `from` is not there.
inline std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << "the fixture no longer contains: " << from;
    if (at != std::string::npos)
        text.replace(at, from.size(), to);
    return text;
}

// True when one problem is in `file` at `line` and its message contains `fragment`.
inline bool has_problem(const std::vector<Problem>& problems, const std::string& file, int line,
                        const std::string& fragment) {
    for (const Problem& problem : problems)
        if (problem.file == file && problem.line == line &&
            problem.message.find(fragment) != std::string::npos)
            return true;
    return false;
}

// All problems, one a line, for failure messages.
inline std::string describe(const std::vector<Problem>& problems) {
    std::string text;
    for (const Problem& problem : problems)
        text += problem.module + "/" + problem.file + ":" + std::to_string(problem.line) + ": " +
                problem.message + "\n";
    return text;
}

} // namespace trellis::learning::content::testing
